/**
 * The host page can neither read nor drive Leadline: the sidebar is an extension frame the page's
 * scripts cannot look into, type-watch, click through or talk to, and replayed start-up events do
 * not remove it. Each case is what a hostile LinkedIn page could try from its own JavaScript (the
 * main world, where `page.evaluate` runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { button, click, EXTENSION_DIR, launch, openTab, readStore, SIDEBAR_HOST, sidebarFrame, type Session } from './harness';

const PARUL = 'https://www.linkedin.com/in/parul-sharma-886a79227/';
const FIXTURE = 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html';

describe('the host page cannot read or drive the sidebar', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    session.routes.set(PARUL, FIXTURE);
    page = await openTab(session);
    // The page listens from its very first moment, as a hostile page would.
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('message', (e) => seen.push(`message:${JSON.stringify(e.data)}`), true);
      for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'])
        document.addEventListener(type, (e) => seen.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
    });
    await page.goto(PARUL);
    await click(await sidebarFrame(page), button('Capture lead'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Parul Sharma"])');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('cannot read what the sidebar shows', async () => {
    const reading = await page.evaluate((host) => {
      const iframe = document.querySelector(`${host} iframe`) as HTMLIFrameElement | null;
      let viaWindow = 'no access';
      try {
        viaWindow = iframe?.contentWindow?.document.body.innerText ?? 'none';
      } catch {
        // cross-origin: the page is refused
      }
      return {
        hostText: document.querySelector(host)?.textContent ?? '',
        contentDocument: iframe?.contentDocument === null,
        viaWindow,
        shadow: !!document.querySelector(host)?.shadowRoot,
      };
    }, SIDEBAR_HOST);
    expect(reading).toEqual({ hostText: '', contentDocument: true, viaWindow: 'no access', shadow: false });
  });

  it('does not see keystrokes typed into the sidebar', async () => {
    const frame = await sidebarFrame(page);
    await click(frame, '::-p-aria([name="Summary (optional)"])');
    await page.keyboard.type('Secret pricing 4200');
    expect(await frame.$eval('input[placeholder^="Summary"]', (el) => (el as HTMLInputElement).value)).toBe('Secret pricing 4200');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((s) => /^(key|input|beforeinput)/.test(s))).toEqual([]);
  });

  it('cannot cause a write with synthetic events or forged messages', async () => {
    const before = await readStore(session, 'touchpoints');
    await page.evaluate((host) => {
      const wrapper = document.querySelector(host)!;
      const iframe = wrapper.querySelector('iframe')!;
      for (const el of [wrapper, iframe]) {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 1200, clientY: 700 }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
      // A forged hello: the frame tries the nonce, the content script refuses the port.
      iframe.contentWindow!.postMessage({ leadline: 'hello', nonce: 'forged', site: 'linkedin' }, '*');
      iframe.contentWindow!.postMessage({ leadline: 'request', type: 'touchpoint.log', payload: {} }, '*');
    }, SIDEBAR_HOST);
    await new Promise((r) => setTimeout(r, 500));
    expect(await readStore(session, 'touchpoints')).toEqual(before);
    // The sidebar still answers its own user.
    await click(await sidebarFrame(page), button('Note'));
    await (await sidebarFrame(page)).waitForSelector('ol.ll-touchpoints li');
    expect(await readStore(session, 'touchpoints')).toHaveLength(before.length + 1);
  });

  it('cannot remove the sidebar by replaying start-up events', async () => {
    const extensionId = session.extensionId;
    await page.evaluate((id) => {
      for (const entry of ['linkedin', 'content-scripts/linkedin', 'gmail']) {
        const type = `${id}:${entry}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'linkedin', messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: 'linkedin', messageId: 'page' }, '*');
      }
      window.dispatchEvent(new Event(`${id}:linkedin:wxt:locationchange`));
    }, extensionId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.$(SIDEBAR_HOST)).not.toBeNull();
    await click(await sidebarFrame(page), button('Call'));
    await expect.poll(async () => (await readStore(session, 'touchpoints')).length).toBe(2);
  });

  it('never posts a start-up message the page could read', async () => {
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    // The page's own replays (previous case) are the only messages it saw.
    expect(
      seen.filter((s) => s.startsWith('message:') && !s.includes('"messageId":"page"') && !s.includes('forged') && !s.includes('"leadline":"request"')),
    ).toEqual([]);
  });

  it('runs its content scripts on https pages only', async () => {
    // Chromium upgrades http://*.linkedin.com to https by HSTS preload before any script runs, so
    // the guarantee is the manifest's: no content script matches a plain-http address.
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] };
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.filter((m) => !m.startsWith('https://'))).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
