import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { button, click, launch, openTab, readStore, setValue, textOf, until, type Session, sidebarFrame } from './harness';

const KIREET = 'https://www.linkedin.com/in/kireetagrawal/';
const GMAIL = 'https://mail.google.com/mail/u/0/';
// A real Gmail thread address (shared/research/gmail-addresses.md): the token is letters only.
const THREAD = `${GMAIL}#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF`;

describe('popup: the funnel at a glance', () => {
  let session: Session;
  let popup: Page;
  const openPopup = async () => {
    const page = await session.browser.newPage();
    await page.setViewport({ width: 380, height: 700 });
    page.on('pageerror', (error) => session.problems.push(`popup: ${(error as Error).message}`));
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.waitForSelector('[data-testid="total"]');
    return page;
  };

  beforeAll(async () => {
    session = await launch();
    session.routes.set(KIREET, 'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html');
    session.routes.set(GMAIL, 'gmail/2018-06_thread_new-gmail__synthetic.html');
    const linkedin = await openTab(session);
    await linkedin.goto(KIREET);
    await click(await sidebarFrame(linkedin), button('Capture lead'));
    await (await sidebarFrame(linkedin)).waitForSelector('::-p-aria([name="Lead: Kireet Agrawal"])');
    await linkedin.close();

    const gmail = await openTab(session);
    await gmail.goto(THREAD);
    await click(await sidebarFrame(gmail), 'form[aria-label="New person: kim.lee@acme-robotics.com"] button.ll-primary');
    await (await sidebarFrame(gmail)).waitForSelector('::-p-aria([name="Lead: Kim Lee"])');
    await click(await sidebarFrame(gmail), button('Log email'));
    await (await sidebarFrame(gmail)).waitForSelector('.ll-result');
    const today = await gmail.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await setValue(await sidebarFrame(gmail), '::-p-aria([name="Next follow-up"])', today);
    await until(
      async () => (await readStore<{ name: string; nextFollowUpOn: string | null }>(session, 'leads')).find((l) => l.name === 'Kim Lee')?.nextFollowUpOn,
      today,
    );
    await gmail.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows leads from LinkedIn and Gmail in the funnel, the temperature split and the follow-up list', async () => {
    popup = await openPopup();
    expect(await textOf(popup, '[data-testid="total"]')).toBe('2');
    expect(await textOf(popup, 'svg[aria-label^="Funnel"] .ll-bar-label')).toBe('2');
    expect(await textOf(popup, '::-p-aria([name="Temperature of open leads"]) .ll-cold')).toBe('2 cold');
    expect(await popup.$$eval('ul[aria-label="Follow-ups due"] .ll-lead-name', (els) => els.map((e) => e.textContent))).toEqual(['Kim Lee']);
    expect(session.problems).toEqual([]);
  });

  it('answers a quick search as you type', async () => {
    await popup.type('input[aria-label="Search leads"]', 'kir');
    await popup.waitForSelector('ul[aria-label="Search results"] .ll-lead-name');
    expect(await popup.$$eval('ul[aria-label="Search results"] .ll-lead-name', (els) => els.map((e) => e.textContent))).toEqual(['Kireet Agrawal']);
    await popup.type('input[aria-label="Search leads"]', 'zzz');
    await popup.waitForSelector('::-p-text(No lead matches.)');
  });

  it('opens a due follow-up at its Gmail thread', async () => {
    popup = await openPopup();
    const opened = session.browser.waitForTarget((t) => t.url() === THREAD);
    await popup.click('ul[aria-label="Follow-ups due"] button');
    expect((await opened).url()).toBe(THREAD);
  });

  it('opens the cold list on the pipeline page from the temperature split', async () => {
    popup = await openPopup();
    const opened = session.browser.waitForTarget((t) => t.url().endsWith('/pipeline.html#temperature=cold'));
    await popup.click('.ll-cold');
    const page = (await (await opened).page())!;
    await page.waitForSelector('table[aria-label="Leads"] tbody tr[data-id]');
    const names = await page.$$eval('table[aria-label="Leads"] tbody tr[data-id] .ll-cell-name', (els) => els.map((e) => e.textContent).sort());
    expect(names).toEqual(['Kim Lee', 'Kireet Agrawal']);
    await page.click('::-p-text(Kim Lee)');
    await page.waitForSelector('::-p-aria([name="Lead: Kim Lee"])');
    expect(session.problems).toEqual([]);
  });

  it('opens the lead on the pipeline page from the sidebar', async () => {
    const linkedin = await openTab(session);
    await linkedin.goto(KIREET);
    await (await sidebarFrame(linkedin)).waitForSelector('::-p-aria([name="Lead: Kireet Agrawal"])');
    const opened = session.browser.waitForTarget((t) => /\/pipeline\.html#lead=/.test(t.url()));
    await click(await sidebarFrame(linkedin), button('Open in pipeline'));
    const page = (await (await opened).page())!;
    await page.waitForSelector('aside[aria-label="Lead detail"] article[aria-label="Lead: Kireet Agrawal"]');
    await page.close();
    await linkedin.close();
    expect(session.problems).toEqual([]);
  });

  it('repairs lost aggregates from the stores with the same figures', async () => {
    await session.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('leadline');
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').delete('aggregates');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect((await readStore<{ key: string }>(session, 'meta')).map((m) => m.key)).not.toContain('aggregates');
    popup = await openPopup();
    expect(await textOf(popup, '[data-testid="total"]')).toBe('2');
    expect(await textOf(popup, '::-p-aria([name="Temperature of open leads"]) .ll-cold')).toBe('2 cold');
  });
});
