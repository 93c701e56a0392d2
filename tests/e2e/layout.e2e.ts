/**
 * The sidebar never covers the host page's own controls: at 1280, 1440 and 1920 px on a 2022 and
 * a 2025 LinkedIn profile and a Gmail thread, no visible link, button or input of the page is
 * under the sidebar (open, or the collapsed tab where the page cannot make room for it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launch, openExtensionPage, openTab, SIDEBAR_HOST, sidebarFrame, type Session } from './harness';

const PAGES: [name: string, url: string, fixture: string][] = [
  [
    'LinkedIn 2022 (SingleFile, styled)',
    'https://www.linkedin.com/in/kireetagrawal/',
    'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html',
  ],
  ['LinkedIn 2025', 'https://www.linkedin.com/in/parul-sharma-886a79227/', 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html'],
  ['Gmail thread', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', 'gmail/2018-06_thread_new-gmail__synthetic.html'],
];

/** The page's visible controls under the sidebar's box (same rule as the product's, written apart). */
function coveredIn(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    const box = document.querySelector(host)!.getBoundingClientRect();
    const out: string[] = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=link]')) {
      if (el.closest('[data-leadline]')) continue;
      for (const r of el.getClientRects()) {
        if (r.width < 1 || r.height < 1 || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom) {
          out.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
          break;
        }
      }
    }
    return out;
  }, SIDEBAR_HOST);
}

describe('the sidebar never covers the page', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    for (const [, url, fixture] of PAGES) session.routes.set(url.split('#')[0]!, fixture);
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const width of [1280, 1440, 1920]) {
    for (const [name, url] of PAGES) {
      it(`${name} at ${width} px`, async () => {
        await page.setViewport({ width, height: 900 });
        await page.goto('about:blank');
        await page.goto(url);
        await sidebarFrame(page);
        // After the page has settled (the sidebar measures again then).
        await new Promise((r) => setTimeout(r, 1200));
        expect(await coveredIn(page)).toEqual([]);
        expect(session.problems).toEqual([]);
      });
    }
  }

  it('stays open where the page makes room, and a tab where it cannot (until the user opens it)', async () => {
    await page.setViewport({ width: 1920, height: 900 });
    await page.goto(PAGES[0]![1]);
    await (await sidebarFrame(page)).waitForSelector('header');
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto('about:blank');
    await page.goto(PAGES[0]![1]);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('button.ll-tab');
    expect(await page.$eval(SIDEBAR_HOST, (el) => Math.round(el.getBoundingClientRect().width))).toBe(34);
  });

  it('says where leads come from while the pipeline is empty, on every view that lists leads', async () => {
    for (const view of ['board', 'table', 'duplicates', 'planner']) {
      const pipeline = await openExtensionPage(session, `pipeline.html#view=${view}`);
      await pipeline.waitForSelector('::-p-aria([role="region"][name="Your pipeline is empty"])');
      await pipeline.close();
    }
    expect(session.problems).toEqual([]);
  });
});
