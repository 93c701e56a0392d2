/**
 * The e2e layer for every browser we ship to: launches Chromium or Firefox ESR with that
 * browser's build of the extension installed, serves saved pages at their real URLs by request
 * interception, opens the extension's own pages, and reads the extension's IndexedDB through one
 * of them (Firefox has no service-worker target: its MV3 background is an event page that
 * puppeteer cannot reach). Any page error, and any console error from the extension, is recorded
 * as a problem.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { CHROME_ARGS, FIXTURES, ROOT } from './harness';

export type BrowserName = 'chromium' | 'firefox';

const VIEWPORT = { width: 1440, height: 900 };

interface BuiltManifest {
  icons: Record<string, string>;
  browser_specific_settings?: { gecko?: { id?: string } };
}

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  /** The extension's origin, without a trailing slash: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  /** Problems seen so far: page errors and extension console errors. */
  problems: string[];
  /** Routes: URL prefix → fixture file (relative to tests/fixtures). */
  routes: Map<string, string>;
  close(): Promise<void>;
}

/** The build directory of a browser's extension (`npm run build`, `npm run build:firefox`). */
export function extensionDir(name: BrowserName): string {
  return join(ROOT, '.output', name === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
}

function builtManifest(dir: string): BuiltManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the extension first (npm run build, npm run build:firefox)`);
  return JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest;
}

/** Launches a browser with the extension installed; its origin is known before any page opens. */
export async function launchBrowser(name: BrowserName): Promise<ExtensionSession> {
  const dir = extensionDir(name);
  const manifest = builtManifest(dir);
  let browser: Browser;
  let origin: string;
  let userDataDir: string | null = null;
  if (name === 'firefox') {
    const geckoId = manifest.browser_specific_settings?.gecko?.id;
    if (!geckoId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
    // Firefox gives each installed extension a random UUID for its moz-extension:// host, unless
    // this pref (a JSON map: add-on id → UUID) already names one.
    const uuid = randomUUID();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) },
      // Without it, WebDriver BiDi refuses to navigate a tab to a moz-extension:// page
      // ("Navigation to … is not allowed in this context").
      args: ['--remote-allow-system-access'],
      defaultViewport: VIEWPORT,
    });
    const installed = await browser.installExtension(dir);
    if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
    origin = `moz-extension://${uuid}`;
  } else {
    // Loaded at launch into a fresh profile, as the Chromium-only harness does: an extension
    // installed into a running browser left puppeteer with stale frames of its sidebar iframes.
    userDataDir = mkdtempSync(join(tmpdir(), 'leadline-e2e-'));
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      enableExtensions: [dir],
      userDataDir,
      args: [...CHROME_ARGS, '--lang=en-US'],
      defaultViewport: VIEWPORT,
    });
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 15_000 });
    origin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  const problems: string[] = [];
  const close = async () => {
    await browser.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { name, browser, origin, problems, routes: new Map(), close };
}

/**
 * Firefox reports each of the saved page's scripts that our `script-src 'none'` header blocks as
 * a page error (Chromium as a console error of the page); content scripts are never subject to it.
 */
const SAVED_PAGE_SCRIPT_BLOCKED = /^Content-Security-Policy: .*\(script-src-elem\)/;

function recordProblems(session: ExtensionSession, page: Page, all: boolean): void {
  page.on('pageerror', (error) => {
    const message = (error as Error).message;
    if (all || !SAVED_PAGE_SCRIPT_BLOCKED.test(message)) session.problems.push(`page error on ${page.url()}: ${message}`);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (all || where.startsWith(session.origin) || /leadline/i.test(msg.text())) session.problems.push(`console: ${msg.text()} (${where})`);
  });
}

/** Answers one intercepted request of a host tab: a saved page for a route, nothing otherwise. */
function serve(session: ExtensionSession, request: HTTPRequest): Promise<void> {
  const url = request.url();
  if (url.startsWith(session.origin)) return request.continue();
  // Puppeteer's resourceType() is Chromium-only; under WebDriver BiDi a document load is known
  // by its navigation id.
  if (request.isNavigationRequest()) {
    for (const [prefix, file] of session.routes) {
      if (url.startsWith(prefix)) {
        return request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          // The saved page's own scripts cannot work offline; keep them from running. Content
          // scripts are not subject to the page's CSP.
          headers: { 'content-security-policy': "script-src 'none'" },
          body: readFileSync(join(FIXTURES, file)),
        });
      }
    }
    return request.respond({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
  }
  // Images, styles and scripts of the saved page: no network here.
  return request.respond({ status: 204, body: '' });
}

/** A new tab that serves saved pages for the session's routes and records problems. */
export async function openTab(session: ExtensionSession): Promise<Page> {
  const page = await session.browser.newPage();
  recordProblems(session, page, false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // Firefox drops a blocked request when its frame goes away (the saved page's own iframes,
    // a navigation away); answering it then fails with "no such request", which is harmless.
    serve(session, request).catch(() => {});
  });
  return page;
}

/**
 * One of the extension's pages (popup.html, pipeline.html#…), loaded, with its errors recorded as
 * problems. In Firefox, WebDriver BiDi reports no navigation events for moz-extension:// documents
 * (page.url() stays about:blank and goto() never settles), so the page is awaited by polling
 * its own location; read the address with `page.evaluate(() => location.href)` there.
 */
export async function openExtensionPage(session: ExtensionSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  recordProblems(session, page, true);
  const url = `${session.origin}/${path}`;
  if (session.name === 'chromium') {
    await page.goto(url);
    return page;
  }
  // The pending goto() is rejected ("Frame detached") when the browser closes.
  page.goto(url).catch(() => {});
  // Polled from here rather than with waitForFunction: an evaluation that meets the document
  // being replaced fails inside Firefox's remote agent ("right-hand side of 'in' should be an
  // object, got null"), and waitForFunction gives up on the first such failure.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const loaded = await page.evaluate((want) => location.href === want && document.readyState === 'complete', url).catch(() => false);
    if (loaded) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

const probes = new WeakMap<ExtensionSession, Promise<Page>>();

/**
 * A document of the extension's origin that runs none of its code (the toolbar icon), kept open
 * for reading the extension's IndexedDB: the origin is what gives access to the database.
 */
function probe(session: ExtensionSession): Promise<Page> {
  let page = probes.get(session);
  if (!page) {
    const icons = builtManifest(extensionDir(session.name)).icons;
    const icon = Object.values(icons)[0]!;
    page = openExtensionPage(session, icon);
    probes.set(session, page);
  }
  return page;
}

/** Reads every record of an object store from the extension's own IndexedDB. */
export async function readStore<T = unknown>(session: ExtensionSession, store: string): Promise<T[]> {
  const page = await probe(session);
  return page.evaluate(
    (storeName) =>
      new Promise<unknown[]>((resolvePromise, reject) => {
        const open = indexedDB.open('leadline');
        // Opening a database that does not exist would create an empty version 1, and the
        // background's own upgrade would then skip creating the stores.
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => reject(new Error(`the extension's database is not readable yet (${open.error?.name})`));
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
