import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { button, click, launch, openTab, readStore, setValue, spaNavigate, textOf, waitForSidebarValue, type Session, sidebarFrame } from './harness';

interface StoredLead {
  id: string;
  name: string;
  stage: string;
  linkedinUrl: string;
  temperature: string | null;
  stageHistory: { from: string | null; to: string }[];
}
interface StoredTouchpoint {
  leadId: string;
  channel: string;
  direction: string;
  summary: string;
  url: string | null;
}

const KIREET = 'https://www.linkedin.com/in/kireetagrawal/';
const PARUL = 'https://www.linkedin.com/in/parul-sharma-886a79227/';
const EDUARDO = 'https://www.linkedin.com/in/eduardo-alvarez-nowak/';
const F = {
  kireet: 'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html',
  parul: 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html',
  eduardo: 'linkedin/2024-07_logged-in_eduardo-alvarez-nowak__scoutr.html',
};
const leadCard = (name: string) => `::-p-aria([name="Lead: ${name}"])`;
const nameField = 'input#ll-field-name';

describe('LinkedIn sidebar', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    session.routes.set(KIREET, F.kireet);
    session.routes.set(PARUL, F.parul);
    session.routes.set(EDUARDO, F.eduardo);
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('captures a new person, then recognises them when the profile is opened again', async () => {
    await page.goto(KIREET);
    await waitForSidebarValue(page, nameField, 'Kireet Agrawal');
    await click(await sidebarFrame(page), button('Capture lead'));
    await (await sidebarFrame(page)).waitForSelector(leadCard('Kireet Agrawal'));

    await page.goto(KIREET);
    await (await sidebarFrame(page)).waitForSelector(leadCard('Kireet Agrawal'));
    expect(await (await sidebarFrame(page)).$(`button.ll-primary`)).toBeNull();
    const leads = await readStore<StoredLead>(session, 'leads');
    expect(leads.map((l) => [l.name, l.linkedinUrl, l.stage])).toEqual([['Kireet Agrawal', KIREET, 'prospect']]);
  });

  it('logs a touchpoint with a summary in one click', async () => {
    await setValue(await sidebarFrame(page), '::-p-aria([name="Summary (optional)"])', 'Asked about Q1 budget');
    await click(await sidebarFrame(page), button('Message sent'));
    await (await sidebarFrame(page)).waitForSelector('ol.ll-touchpoints li');
    expect(await textOf(await sidebarFrame(page), 'ol.ll-touchpoints li')).toContain('Asked about Q1 budget');
    const [touchpoint] = await readStore<StoredTouchpoint>(session, 'touchpoints');
    expect(touchpoint).toMatchObject({ channel: 'linkedin-message', direction: 'outbound', summary: 'Asked about Q1 budget', url: KIREET });
  });

  it('changes the stage, recording history', async () => {
    const stage = await (await sidebarFrame(page)).waitForSelector('::-p-aria([role="combobox"][name="Stage"])');
    await stage!.select('proposal');
    await (await sidebarFrame(page)).waitForFunction(() => document.querySelector('[data-testid="stage-name"]')?.textContent === 'Proposal');
    const [lead] = await readStore<StoredLead>(session, 'leads');
    expect(lead!.stage).toBe('proposal');
    expect(lead!.stageHistory.map((h) => h.to)).toEqual(['prospect', 'proposal']);
  });

  it('follows in-app navigation between profiles, and leaves non-profile pages', async () => {
    await page.goto(PARUL);
    await waitForSidebarValue(page, nameField, 'Parul Sharma');

    await spaNavigate(page, EDUARDO, F.eduardo);
    await waitForSidebarValue(page, nameField, 'Eduardo Alvarez Nowak');
    await waitForSidebarValue(page, 'input#ll-field-company', 'Novare Potential');
    expect(await textOf(await sidebarFrame(page), '.ll-url')).toBe(EDUARDO);

    await spaNavigate(page, 'https://www.linkedin.com/feed/', null);
    await page.waitForFunction(() => document.querySelector('[data-leadline="sidebar"]') === null);

    await spaNavigate(page, KIREET, F.kireet);
    await (await sidebarFrame(page)).waitForSelector(leadCard('Kireet Agrawal'));
    expect(session.problems).toEqual([]);
  });

  it('ends with exactly one lead when two tabs capture the same profile at the same moment', async () => {
    const [a, b] = [await openTab(session), await openTab(session)];
    await Promise.all([a.goto(PARUL), b.goto(PARUL)]);
    // Each tab is brought forward once to draw its sidebar, as a user switching tabs would.
    for (const tab of [a, b]) {
      await tab.bringToFront();
      await (await sidebarFrame(tab)).waitForSelector('button.ll-primary:not([disabled])');
    }
    // The race is the point here (mouse capture is covered above): both tabs press at once.
    const press = async (tab: Page) => (await sidebarFrame(tab)).$eval('button.ll-primary', (el) => (el as HTMLButtonElement).click());
    await Promise.all([press(a), press(b)]);
    for (const tab of [a, b]) {
      await tab.bringToFront();
      await (await sidebarFrame(tab)).waitForSelector('article.ll-card');
    }
    const parul = (await readStore<StoredLead>(session, 'leads')).filter((l) => l.linkedinUrl === PARUL);
    expect(parul).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('collapses to a tab, remembers it across pages, and never leaves the landmark', async () => {
    await page.bringToFront();
    await page.goto(KIREET);
    await click(await sidebarFrame(page), button('Hide'));
    await (await sidebarFrame(page)).waitForSelector(button('Leadline'));
    await page.goto(PARUL);
    await (await sidebarFrame(page)).waitForSelector(button('Leadline'));
    expect(await page.$('::-p-aria([role="complementary"][name="Leadline"])')).not.toBeNull();
    expect(await (await sidebarFrame(page)).$(button('Capture lead'))).toBeNull();
    await click(await sidebarFrame(page), button('Leadline'));
    await (await sidebarFrame(page)).waitForSelector(leadCard('Parul Sharma'));
    expect(session.problems).toEqual([]);
  });
});

describe('possible duplicates', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('offers a lead with the same name and company for linking instead of capturing a second one', async () => {
    session = await launch();
    session.routes.set(PARUL, F.parul);
    const extensionPage = await session.browser.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const reply = await extensionPage.evaluate(() =>
      chrome.runtime.sendMessage({ leadline: 'request', type: 'lead.capture', payload: { name: 'Parul Sharma', company: 'Future Intern', source: 'event' } }),
    );
    expect(reply).toMatchObject({ ok: true });
    await extensionPage.close();

    const page = await openTab(session);
    await page.goto(PARUL);
    await click(await sidebarFrame(page), button('Same person: link'));
    await (await sidebarFrame(page)).waitForSelector(leadCard('Parul Sharma'));
    const leads = await readStore<StoredLead & { source: string }>(session, 'leads');
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ linkedinUrl: PARUL, source: 'event' });
    expect(session.problems).toEqual([]);
  });
});

describe('pipeline rules in the real extension', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    session.routes.set(EDUARDO, F.eduardo);
    page = await openTab(session);
    await page.goto(EDUARDO);
    await click(await sidebarFrame(page), button('Capture lead'));
    await (await sidebarFrame(page)).waitForSelector(leadCard('Eduardo Alvarez Nowak'));
  });
  afterAll(async () => {
    await session?.close();
  });

  const temperature = async () => textOf(await sidebarFrame(page), '.ll-temp');

  it('turns a captured lead hot when BANT is completed in the sidebar, showing why', async () => {
    expect(await temperature()).toBe('cold');
    for (const q of ['budget', 'authority', 'need']) {
      await click(await sidebarFrame(page), `input[name="ll-bant-${q}"][value="yes"]`);
      await (
        await sidebarFrame(page)
      ).waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === true, {}, `input[name="ll-bant-${q}"][value="yes"]`);
    }
    const timeline = await (await sidebarFrame(page)).waitForSelector('::-p-aria([role="combobox"][name="Timeline"])');
    await timeline!.select('within-2-months');
    await (await sidebarFrame(page)).waitForFunction(() => document.querySelector('.ll-temp')?.textContent === 'hot');
    expect(await textOf(await sidebarFrame(page), '.ll-reasons li')).toBe('Budget, authority, need and timeline all confirmed');
    const [lead] = await readStore<StoredLead>(session, 'leads');
    expect(lead!.temperature).toBe('hot');
  });

  it('counts a follow-up set for today on the toolbar badge', async () => {
    const badge = () => session.worker.evaluate(() => chrome.action.getBadgeText({}));
    expect(await badge()).toBe('');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await setValue(await sidebarFrame(page), '::-p-aria([name="Next follow-up"])', today);
    await page.waitForFunction(async () => true);
    await expect.poll(badge, { timeout: 5000 }).toBe('1');
    await setValue(await sidebarFrame(page), '::-p-aria([name="Next follow-up"])', '');
    await expect.poll(badge, { timeout: 5000 }).toBe('');
  });

  it('turns a lead cold when its last touch is older than the sales cycle, with the reason shown live', async () => {
    const [lead] = await readStore<StoredLead>(session, 'leads');
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const extensionPage = await session.browser.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const reply = await extensionPage.evaluate(
      (leadId, at) =>
        chrome.runtime.sendMessage({
          leadline: 'request',
          type: 'touchpoint.log',
          payload: { leadId, channel: 'call', direction: 'outbound', at, summary: 'Intro call' },
        }),
      lead!.id,
      fortyDaysAgo,
    );
    expect(reply).toMatchObject({ ok: true });
    await extensionPage.close();
    // The open sidebar is told about the change and redraws without a reload.
    await (await sidebarFrame(page)).waitForFunction(() => document.querySelector('.ll-temp')?.textContent === 'cold');
    expect(await textOf(await sidebarFrame(page), '.ll-reasons li')).toBe('No contact for 40 days (sales cycle 30)');
    expect(session.problems).toEqual([]);
  });
});

declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> };
};
