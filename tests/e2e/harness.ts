/**
 * E2E harness: the built extension in real Chromium, with saved pages served at their real URLs
 * by request interception. Any page error, and any console error from the extension (content
 * script, pages or service worker), fails the test that caused it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Frame, type Page, type WebWorker } from 'puppeteer-core';

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
  '--window-size=1440,900',
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

export interface LaunchOptions {
  extension?: boolean;
  /** Chromium's UI language (`cs`, `zh-CN`…): the extension's default language follows it. English when not given. */
  lang?: string;
  /** Further command-line switches. */
  args?: string[];
  /** A profile to start with and keep (a browser restart); a fresh one, removed on close, when not given. */
  userDataDir?: string;
}

/**
 * The environment that gives Chromium a UI language. `--lang` alone sets it on Windows only: on
 * Linux Chromium takes its locale from LANGUAGE / LC_ALL / LANG (kernox/Mastodon-Share-Browser-Extension
 * PR #40, "Set language in environment, to really change it on Linux & Mac"; chrome-php/chrome
 * PR #414: "this flag just doesn't work with chromium on linux"), and only for a locale whose
 * .pak it ships (Debian: the chromium-l10n package). Both are set, so a test means the same on
 * every system; English unless a test asks for another language.
 */
function languageEnv(lang: string | undefined): Record<string, string> {
  return { LANGUAGE: (lang ?? 'en-US').replace('-', '_') };
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const withExtension = options.extension ?? true;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'leadline-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    ...(withExtension ? { enableExtensions: [EXTENSION_DIR] } : {}),
    userDataDir,
    args: [...CHROME_ARGS, `--lang=${options.lang ?? 'en-US'}`, ...(options.args ?? [])],
    env: { ...process.env, ...languageEnv(options.lang) },
    defaultViewport: { width: 1440, height: 900 },
  });
  const problems: string[] = [];
  const close = async () => {
    await browser.close();
    if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!withExtension) {
    // The floor of host-page measurements: the same browser, no extension (no worker to talk to).
    return { browser, extensionId: '', worker: null as unknown as WebWorker, problems, routes: new Map(), close };
  }
  // Sidebar frames run out of the page's process: their errors are not the page's 'pageerror'.
  // Listen to each one's runtime, so an error inside a sidebar fails the test too.
  browser.on('targetcreated', (t) => {
    if (!t.url().includes('/sidebar.html')) return;
    void t
      .createCDPSession()
      .then(async (cdp) => {
        cdp.on('Runtime.exceptionThrown', (e) => problems.push(`sidebar frame error: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`));
        cdp.on('Runtime.consoleAPICalled', (e) => {
          if (e.type === 'error') problems.push(`sidebar frame console: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
        });
        await cdp.send('Runtime.enable');
      })
      .catch(() => {
        // The frame went away before we could listen.
      });
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 15_000 });
  const worker = (await target.worker())!;
  const extensionId = new URL(target.url()).host;
  worker.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`service worker: ${msg.text()}`);
  });
  return { browser, extensionId, worker, problems, routes: new Map(), close };
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

/** The host page's element holding the sidebar frame. */
export const SIDEBAR_HOST = '[data-leadline="sidebar"]';

/**
 * The sidebar frame (an extension page in an iframe) of a host page, once it is there and
 * connected. It is looked up afresh each time: remounting the sidebar replaces the frame.
 */
export async function sidebarFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  // Once the sidebar has taken its place for this page (it may still fold into a tab where the
  // page's settled layout would run under it), so a click aims where it stays.
  await page.waitForSelector(`${SIDEBAR_HOST}[data-settled]`, { timeout: timeoutMs });
  return extensionFrame(page, `${SIDEBAR_HOST} iframe`, 'aside', timeoutMs);
}

/**
 * An extension frame of a host page (found through its element: Firefox reports an extension
 * frame's URL as about:blank), once `ready` matches in it. With two extension frames in a page,
 * puppeteer now and then attaches to the second one's target before it knows the frame, and never
 * gets an execution context for it (the frame itself runs fine: its own target answers). Such a
 * frame is taken out of the page and put back — a new frame, which the product must handle anyway:
 * its content script greets it again and it reconnects.
 */
export async function extensionFrame(page: Page, iframeSelector: string, ready: string, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page.$(iframeSelector).catch(() => null);
    const frame = await handle?.contentFrame().catch(() => null);
    if (frame && !frame.detached) {
      const answer = await Promise.race([
        frame.$(ready).then((h) => (h ? 'ready' : 'not yet')),
        new Promise<string>((r) => setTimeout(() => r('silent'), 2000)),
      ]).catch(() => 'not yet');
      if (answer === 'ready') return frame;
      if (answer === 'silent') {
        await page.evaluate((sel) => {
          const iframe = document.querySelector(sel);
          const parent = iframe?.parentElement;
          if (!iframe || !parent) return;
          iframe.remove();
          parent.append(iframe);
        }, iframeSelector);
      }
    }
    if (Date.now() > deadline) throw new Error(`no extension frame ${iframeSelector} with ${ready} on ${page.url()} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const pageOf = (target: Page | Frame): Page => ('mainFrame' in target ? target : target.page());

/**
 * Clicks an element the way a user does: the mouse at the centre of its box (boxes of elements
 * in a frame are given in the page's coordinates). Puppeteer's own element click computes no
 * clickable point on the saved pages, which render in quirks mode.
 */
export async function click(target: Page | Frame, selector: string): Promise<void> {
  const handle = await target.waitForSelector(selector, { visible: true });
  await handle!.evaluate((el) => (el as Element).scrollIntoView({ block: 'center' }));
  await target.waitForFunction((el) => !(el as HTMLButtonElement).disabled, {}, handle);
  // The sidebar may still move as the page settles (it opens where the page makes room, measured
  // again once the page is quiet): click where the element stays, as a person's eye would wait for.
  let box = await handle!.boundingBox();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 60));
    const again = await handle!.boundingBox();
    const same = !!box && !!again && Math.abs(box.x - again.x) < 1 && Math.abs(box.y - again.y) < 1;
    box = again;
    if (same) break;
  }
  if (!box) throw new Error(`${selector} has no box`);
  await pageOf(target).mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export const button = (name: string) => `::-p-aria([role="button"][name="${name}"])`;

/**
 * An in-app (single-page) navigation as LinkedIn does it: the address changes first (pushState),
 * and the new page's markup replaces the old a moment later. The extension's own elements stay.
 */
export async function spaNavigate(page: Page, url: string, fixture: string | null, delayMs = 300, via: 'push' | 'hash' = 'push'): Promise<void> {
  const html = fixture ? readFileSync(join(FIXTURES, fixture), 'utf8') : '<main><h2>Feed</h2></main>';
  // Script text, not a function: the benchmark runs this file through a bundler that would wrap
  // inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const [to, markup, delay, how] = ${JSON.stringify([url, html, delayMs, via])};
    // The 2025 page enforces Trusted Types; LinkedIn's own code inserts markup through a named
    // policy its CSP allows, and so do we here.
    const policy = window.trustedTypes ? window.trustedTypes.createPolicy('dompurify', { createHTML: (s) => s }) : { createHTML: (s) => s };
    if (how === 'hash') location.hash = new URL(to).hash;
    else history.pushState({}, '', to);
    setTimeout(() => {
      const incoming = new DOMParser().parseFromString(policy.createHTML(markup), 'text/html').body;
      // A snapshot: the live collection shrinks as children are removed.
      for (const child of Array.from(document.body.children)) if (!child.matches('[data-leadline]')) child.remove();
      document.body.prepend(...incoming.childNodes);
    }, delay);
  })()`);
}

/**
 * Sets a form control's value the way a picker does, firing input and change, then leaves the
 * field (as a user moving on does; fields that save on leaving save then).
 */
export async function setValue(target: Page | Frame, selector: string, value: string): Promise<void> {
  const handle = await target.waitForSelector(selector, { visible: true });
  await handle!.evaluate((el, v) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    (el as HTMLInputElement).blur();
  }, value);
}

/** Text of the first element matching a selector, once it exists. */
export async function textOf(target: Page | Frame, selector: string): Promise<string> {
  const handle = await target.waitForSelector(selector);
  return (await handle!.evaluate((el) => el.textContent ?? '')).trim();
}

/** Waits until an input inside the sidebar holds `value` (the sidebar draws asynchronously). */
export async function waitForSidebarValue(page: Page, selector: string, value: string): Promise<void> {
  const frame = await sidebarFrame(page);
  await frame.waitForFunction((sel, want) => (document.querySelector(sel) as HTMLInputElement | null)?.value === want, {}, selector, value);
}

/** Waits until the sidebar's element matching `selector` has text matching `pattern`. */
export async function waitForSidebarText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  const frame = await sidebarFrame(page);
  await frame.waitForFunction(
    (sel, source, flags) => new RegExp(source, flags).test(document.querySelector(sel)?.textContent ?? ''),
    {},
    selector,
    pattern.source,
    pattern.flags,
  );
}

/** Polls until `probe` returns `want` (for state written asynchronously), or fails after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T>, want: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last === want) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waited ${timeoutMs} ms for ${JSON.stringify(want)}, last saw ${JSON.stringify(last)}`);
}

/** One of the extension's pages (popup.html, pipeline.html#…), with its errors recorded as problems. */
export async function openExtensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  page.on('pageerror', (error) => session.problems.push(`page error on ${page.url()}: ${(error as Error).message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') session.problems.push(`console on ${page.url()}: ${msg.text()}`);
  });
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** Empties the extension's stores, as a wipe would (test setup only). */
export async function wipe(session: Session): Promise<void> {
  await session.worker.evaluate(
    () =>
      new Promise<void>((resolvePromise, reject) => {
        const open = indexedDB.open('leadline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = ['leads', 'touchpoints', 'meta', 'trash'];
          const tx = open.result.transaction(names, 'readwrite');
          for (const name of names) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolvePromise();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
