/**
 * E2E harness: the built extension in real Chromium, with saved pages served at their real URLs
 * by request interception. Any page error, and any console error from the extension (content
 * script, pages or service worker), fails the test that caused it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--window-size=1400,900',
];

export interface Session {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
  /** Problems seen so far: page errors and extension console errors. */
  problems: string[];
  /** Routes: URL prefix → fixture file (relative to tests/fixtures). */
  routes: Map<string, string>;
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'leadline-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [EXTENSION_DIR],
    userDataDir,
    args: CHROME_ARGS,
    defaultViewport: { width: 1400, height: 900 },
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 15_000 });
  const worker = (await target.worker())!;
  const extensionId = new URL(target.url()).host;
  const problems: string[] = [];
  worker.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`service worker: ${msg.text()}`);
  });
  return {
    browser,
    extensionId,
    worker,
    problems,
    routes: new Map(),
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A new tab that serves saved pages for the session's routes and records problems. */
export async function openTab(session: Session): Promise<Page> {
  const page = await session.browser.newPage();
  page.on('pageerror', (error) => session.problems.push(`page error on ${page.url()}: ${(error as Error).message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (where.startsWith('chrome-extension://') || /leadline/i.test(msg.text())) session.problems.push(`console: ${msg.text()} (${where})`);
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://')) return void request.continue();
    if (request.isNavigationRequest() && request.resourceType() === 'document') {
      for (const [prefix, file] of session.routes) {
        if (url.startsWith(prefix)) {
          return void request.respond({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            // The saved page's own scripts cannot work offline; keep them from running. Content
            // scripts are not subject to the page's CSP.
            headers: { 'content-security-policy': "script-src 'none'" },
            body: readFileSync(join(FIXTURES, file)),
          });
        }
      }
      return void request.respond({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
    }
    // Images, styles and scripts of the saved page: no network here.
    return void request.respond({ status: 204, body: '' });
  });
  return page;
}

/** Reads every record of an object store from the extension's own IndexedDB. */
export async function readStore<T = unknown>(session: Session, store: string): Promise<T[]> {
  return session.worker.evaluate(
    (storeName) =>
      new Promise<unknown[]>((resolvePromise, reject) => {
        const open = indexedDB.open('leadline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => {
            db.close();
            resolvePromise(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  ) as Promise<T[]>;
}

/** Waits for an element inside the sidebar's shadow root; `>>>` pierces shadow roots. */
export function sidebar(selector = ''): string {
  return `>>> aside[aria-label="Leadline"]${selector ? ` ${selector}` : ''}`;
}

/**
 * Clicks an element the way a user does: the mouse at the centre of its box. (Puppeteer's own
 * element click computes no clickable point on the saved pages, which render in quirks mode.)
 */
export async function click(page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { visible: true });
  await handle!.evaluate((el) => (el as Element).scrollIntoView({ block: 'center' }));
  await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled, {}, handle);
  const box = await handle!.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export const button = (name: string) => `::-p-aria([role="button"][name="${name}"])`;
