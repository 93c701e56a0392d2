import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchBrowser, openExtensionPage, openTab, readStore, type ExtensionSession } from './browsers';
import { click, sidebarFrame, textOf, waitForSidebarValue } from './harness';

interface StoredLead {
  name: string;
  headline: string | null;
  company: string | null;
  location: string | null;
  linkedinUrl: string;
  source: string;
  stage: string;
}

// The real saved 2025 page and its values, as read off it in /work/shared/fixtures/real/README.md
// (Palkii07/Smarthire linkedin_profile.html, commit 7d3c12f38b2fddddaf7cf9f1b9e1edc72864f35f).
const PARUL = 'https://www.linkedin.com/in/parul-sharma-886a79227/';
const PARUL_FIXTURE = 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html';

describe('Firefox ESR: the Firefox build end to end', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchBrowser('firefox');
    session.routes.set(PARUL, PARUL_FIXTURE);
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("captures the person on a LinkedIn profile into the extension's IndexedDB", async () => {
    await page.goto(PARUL);
    await waitForSidebarValue(page, 'input#ll-field-name', 'Parul Sharma');
    const frame = await sidebarFrame(page);
    expect(await textOf(frame, 'button.ll-primary')).toBe('Capture lead');
    await click(frame, 'button.ll-primary');
    await (await sidebarFrame(page)).waitForSelector('article[aria-label="Lead: Parul Sharma"]');

    const leads = await readStore<StoredLead>(session, 'leads');
    expect(
      leads.map(({ name, headline, company, location, linkedinUrl, source, stage }) => ({ name, headline, company, location, linkedinUrl, source, stage })),
    ).toEqual([
      {
        name: 'Parul Sharma',
        headline: 'Python Programmer|| Data Science Enthusiast ||Front-end Developer||Diamond League💎 in Google Cloud Skills Boost',
        company: 'Future Intern',
        location: 'Sirsa, Haryana, India',
        linkedinUrl: PARUL,
        source: 'linkedin',
        stage: 'prospect',
      },
    ]);
    expect(session.problems).toEqual([]);
  });

  it('shows the captured lead in the popup', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.setViewport({ width: 380, height: 700 });
    expect(await textOf(popup, '[data-testid="total"]')).toBe('1');
    await popup.type('input[aria-label="Search leads"]', 'par');
    await popup.waitForSelector('ul[aria-label="Search results"] .ll-lead-name');
    expect(await popup.$$eval('ul[aria-label="Search results"] .ll-lead-name', (els) => els.map((e) => e.textContent))).toEqual(['Parul Sharma']);
    expect(session.problems).toEqual([]);
  });
});
