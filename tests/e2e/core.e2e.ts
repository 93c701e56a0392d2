/**
 * The core suite, in every browser we ship to (Chromium and Firefox ESR, each with its own build):
 * a LinkedIn profile captured into a lead card, a Gmail thread's email logged once however often
 * "Log email" is pressed, the popup's funnel, a board move on the pipeline page, and a backup
 * restored into a fresh profile. Selectors are CSS and text only: `::-p-aria` needs Chromium's
 * accessibility tree, which Firefox's WebDriver BiDi does not offer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchBrowser, openExtensionPage, openTab, readStore, type BrowserName, type ExtensionSession } from './browsers';
import { click, sidebarFrame, textOf, until, waitForSidebarText, waitForSidebarValue } from './harness';

interface StoredLead {
  id: string;
  name: string;
  stage: string;
  emails: string[];
}
interface StoredTouchpoint {
  leadId: string;
  channel: string;
  direction: string;
  externalId: string | null;
}

// The real saved 2025 page and its values (shared/fixtures/real/README.md; Palkii07/Smarthire
// linkedin_profile.html, commit 7d3c12f38b2fddddaf7cf9f1b9e1edc72864f35f).
const PARUL = 'https://www.linkedin.com/in/parul-sharma-886a79227/';
const PARUL_FIXTURE = 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html';
// A real-form thread address (shared/research/gmail-addresses.md: modern letters-only token) with the
// synthetic 2025 thread the Gmail tests use (its file names its provenance).
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF';
const MAIL = 'https://mail.google.com/mail/';
const THREAD_FIXTURE = 'gmail/2025-10_thread_inline-reply__synthetic.html';

/**
 * Clicks the button whose text is `text` (the UI is in English here): it is marked for a CSS
 * selector, then clicked by mouse like any other element.
 */
async function clickButton(target: Page | Frame, text: string, within = 'body'): Promise<void> {
  await target.waitForFunction(
    (scope, want) => [...document.querySelectorAll(`${scope} button`)].some((b) => b.textContent?.trim() === want),
    {},
    within,
    text,
  );
  await target.evaluate(
    (scope, want) => {
      for (const b of document.querySelectorAll('[data-core-target]')) b.removeAttribute('data-core-target');
      const match = [...document.querySelectorAll(`${scope} button`)].find((b) => b.textContent?.trim() === want);
      match?.setAttribute('data-core-target', '');
    },
    within,
    text,
  );
  await click(target, '[data-core-target]');
}

describe.each<BrowserName>(['chromium', 'firefox'])('core suite in %s', (name) => {
  let session: ExtensionSession;
  let page: Page;
  let backup = '';

  beforeAll(async () => {
    session = await launchBrowser(name);
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('captures a LinkedIn profile into a lead card', async () => {
    session.routes.set(PARUL, PARUL_FIXTURE);
    await page.goto(PARUL);
    await waitForSidebarValue(page, 'input#ll-field-name', 'Parul Sharma');
    await click(await sidebarFrame(page), 'button.ll-primary');
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('article[aria-label="Lead: Parul Sharma"]');
    expect(await textOf(frame, 'article[aria-label="Lead: Parul Sharma"] h2')).toContain('Parul Sharma');
    const leads = await readStore<StoredLead>(session, 'leads');
    expect(leads.map((l) => [l.name, l.stage])).toEqual([['Parul Sharma', 'prospect']]);
    expect(session.problems).toEqual([]);
  });

  it('logs a Gmail thread once, however often "Log email" is pressed', async () => {
    session.routes.set(MAIL, THREAD_FIXTURE);
    // The same tab, back in front (reading the database opened another one), as the rep has it.
    await page.bringToFront();
    await page.goto('about:blank');
    await page.goto(THREAD);
    await click(await sidebarFrame(page), 'form[aria-label="New person: lena.vogel@brightpath-labs.de"] button.ll-primary');
    await (await sidebarFrame(page)).waitForSelector('article[aria-label="Lead: Lena Vogel"]');
    await clickButton(await sidebarFrame(page), 'Log email');
    await waitForSidebarText(page, '.ll-result', /logged/i);
    await clickButton(await sidebarFrame(page), 'Log email');
    await waitForSidebarText(page, '.ll-result', /Already logged/);
    const lena = (await readStore<StoredLead>(session, 'leads')).find((l) => l.name === 'Lena Vogel')!;
    expect(lena.emails).toEqual(['lena.vogel@brightpath-labs.de']);
    const logged = (await readStore<StoredTouchpoint>(session, 'touchpoints')).filter((t) => t.leadId === lena.id);
    expect(logged.map((t) => [t.channel, t.direction, t.externalId])).toEqual([['email', 'inbound', 'msg-f:1845457786107077869']]);
    expect(session.problems).toEqual([]);
  });

  it('shows both leads in the popup funnel', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.setViewport({ width: 380, height: 700 });
    await popup.waitForSelector('svg.ll-funnel');
    expect(await textOf(popup, '[data-testid="total"]')).toBe('2');
    // The first funnel row is Prospect, which both leads have reached.
    expect(await textOf(popup, 'svg.ll-funnel')).toMatch(/Prospect/);
    await popup.close();
    expect(session.problems).toEqual([]);
  });

  it('moves a lead on the board with the keyboard', async () => {
    const board = await openExtensionPage(session, 'pipeline.html');
    const parul = 'section[data-stage="prospect"] .ll-board-card[aria-label^="Parul Sharma"]';
    await board.waitForSelector(parul);
    await board.focus(parul);
    await board.keyboard.press('ArrowRight');
    await board.waitForSelector('section[data-stage="qualified"] .ll-board-card[aria-label^="Parul Sharma"]');
    await until(async () => (await readStore<StoredLead>(session, 'leads')).find((l) => l.name === 'Parul Sharma')?.stage, 'qualified');
    await board.close();
    expect(session.problems).toEqual([]);
  });

  it('backs up the pipeline', async () => {
    const data = await openExtensionPage(session, 'pipeline.html#view=data');
    // The backup is saved through an object URL and a link click; the test reads the file's
    // contents there instead of through the browser's download machinery.
    await data.evaluate(() => {
      const saved = window as unknown as { backupText?: string };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        void fetch(this.href)
          .then((r) => r.text())
          .then((text) => (saved.backupText = text));
      };
    });
    await clickButton(data, 'Download backup (JSON)');
    await data.waitForFunction(() => typeof (window as unknown as { backupText?: string }).backupText === 'string');
    backup = await data.evaluate(() => (window as unknown as { backupText: string }).backupText);
    expect((JSON.parse(backup) as { leads: unknown[] }).leads).toHaveLength(2);
    await data.close();
    expect(session.problems).toEqual([]);
  });

  it('restores the backup into a fresh profile: the same leads and touchpoints', async () => {
    const leadsBefore = (await readStore<StoredLead>(session, 'leads')).sort((a, b) => a.id.localeCompare(b.id));
    const touchpointsBefore = await readStore(session, 'touchpoints');
    const file = join(mkdtempSync(join(tmpdir(), 'leadline-core-')), 'leadline-backup.json');
    writeFileSync(file, backup);

    const fresh = await launchBrowser(name);
    try {
      const data = await openExtensionPage(fresh, 'pipeline.html#view=data');
      data.on('dialog', (dialog) => void dialog.accept());
      const input = await data.waitForSelector('input[type="file"][accept^=".json"]');
      await input!.uploadFile(file);
      await data.waitForFunction(() => /Restored 2 leads/.test(document.body.textContent ?? ''));
      const leadsAfter = (await readStore<StoredLead>(fresh, 'leads')).sort((a, b) => a.id.localeCompare(b.id));
      expect(leadsAfter).toEqual(leadsBefore);
      expect(await readStore(fresh, 'touchpoints')).toEqual(touchpointsBefore);
      const popup = await openExtensionPage(fresh, 'popup.html');
      expect(await textOf(popup, '[data-testid="total"]')).toBe('2');
      expect(fresh.problems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
