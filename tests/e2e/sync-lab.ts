/**
 * Launching the `synclab` build (the extension with a handle on the sync engine in its service
 * worker, lib/sync/lab.ts) and granting it the test server's origin the way a user would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import type { PermissionsApi } from '../../lib/sync/permissions';
import { CHROME_ARGS, ROOT } from './harness';

/** The extension APIs these helpers touch inside the browser (functions passed to evaluate run there). */
export type ChromeInPage = { chrome: { permissions: PermissionsApi; developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } };

export const LAB_DIR = join(ROOT, '.output', 'chrome-mv3-synclab');

/** Builds the synclab variant (wxt.config.ts aliases the lab hook to lib/sync/lab.ts in that mode). */
export function buildLab(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build', '--mode', 'synclab'], { cwd: ROOT, stdio: 'ignore' });
}

export interface LabSession {
  browser: Browser;
  worker: WebWorker;
  extensionId: string;
  problems: string[];
  userDataDir: string;
  close(): Promise<void>;
}

/** Chromium with the synclab build, on a new profile (or an existing one, to restart). */
export async function launchLab(userDataDir = mkdtempSync(join(tmpdir(), 'leadline-sync-e2e-'))): Promise<LabSession> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [LAB_DIR],
    userDataDir,
    args: CHROME_ARGS,
  });
  const problems: string[] = [];
  const worker = await serviceWorker(browser, problems);
  const extensionId = new URL(worker.url()).host;
  return {
    browser,
    worker,
    extensionId,
    problems,
    userDataDir,
    async close() {
      await browser.close();
    },
  };
}

/** The extension's service worker, with its console errors recorded as problems. */
export async function serviceWorker(browser: Browser, problems: string[]): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 15_000 });
  const worker = (await target.worker())!;
  worker.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`service worker: ${msg.text()}`);
  });
  return worker;
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Grants `origin` as a user would in two steps: the site is added on chrome://extensions (its own
 * `developerPrivate.addHostPermission`, the call behind "Site access → Add a site"; Chromium
 * developer_private_functions.cc grants it as a runtime permission), then Settings' click calls
 * `permissions.request`, which Chromium answers without a prompt for a permission the user
 * already granted (permissions_api.cc: "We don't prompt for already-granted permissions").
 * The headless permission prompt itself cannot be answered from a test: it stays open.
 */
export async function grantOrigin(session: LabSession, origin: string): Promise<boolean> {
  const settings = await session.browser.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    (id, host) => (globalThis as unknown as ChromeInPage).chrome.developerPrivate.addHostPermission(id, host),
    session.extensionId,
    origin,
  );
  await settings.close();
  return requestByClick(session, origin);
}

/** Clicks a button on an extension page whose handler calls `permissions.request`, as Settings' "Start syncing" does. */
export async function requestByClick(session: LabSession, origin: string, waitMs = 5000): Promise<boolean> {
  const page = await session.browser.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.evaluate((o) => {
    const button = document.createElement('button');
    button.textContent = 'Start syncing';
    button.style.cssText = 'position:fixed;inset:0 auto auto 0;width:200px;height:60px;z-index:2147483647';
    button.addEventListener('click', () => {
      (globalThis as unknown as ChromeInPage).chrome.permissions.request({ origins: [o] }).then(
        (granted: boolean) => (button.dataset.result = String(granted)),
        (error: Error) => (button.dataset.result = `error: ${error.message}`),
      );
    });
    document.body.append(button);
  }, origin);
  await page.mouse.click(100, 30);
  const answered = await page
    .waitForFunction(() => document.querySelector('button[data-result]')?.getAttribute('data-result'), { timeout: waitMs })
    .then((h) => h.jsonValue())
    .catch(() => 'no answer');
  await page.close();
  if (answered === 'true') return true;
  if (answered === 'false' || answered === 'no answer') return false;
  throw new Error(String(answered));
}
