// A rep's work is never lost: broken CSV files, other encodings, formula cells, unusable names on a
// profile, and an unreadable settings record, in real Chromium with the built extension. The CSV
// files are synthetic (written 2026-11-27) in the layout of LinkedIn's Connections.csv
// (tests/fixtures/csv/linkedin-connections.csv); the profile is the real saved page of
// tests/fixtures/linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html, edited in
// memory only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  button,
  click,
  FIXTURES,
  launch,
  openExtensionPage,
  openTab,
  readStore,
  setValue,
  sidebarFrame,
  textOf,
  until,
  waitForSidebarValue,
  wipe,
  type Session,
} from './harness';

interface StoredLead {
  name: string;
  company: string | null;
  headline: string | null;
  linkedinUrl: string | null;
}

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const KIREET = 'https://www.linkedin.com/in/kireetagrawal/';
const KIREET_PAGE = 'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html';

const names = async (session: Session) => (await readStore<StoredLead>(session, 'leads')).map((l) => l.name).sort();
const notImported = (page: Page) => page.$$eval('table[aria-label="Rows not imported"] tbody tr', (rows) => rows.map((r) => r.textContent));

describe('never lost: CSV, names, settings', () => {
  let session: Session;
  let dir: string;
  let downloads: string;

  beforeAll(async () => {
    session = await launch();
    dir = mkdtempSync(join(tmpdir(), 'leadline-reliability-'));
    downloads = mkdtempSync(join(tmpdir(), 'leadline-downloads-'));
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function upload(page: Page, name: string, bytes: string | Uint8Array) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const input = await page.waitForSelector('input[type="file"][accept^=".csv"]');
    await input!.uploadFile(path);
    // Opening a file clears the last run's result at once; the rows follow once the file is read.
    await until(async () => (await page.$('[data-testid="import-summary"]')) === null, true);
  }

  /** Presses the import button once it counts the rows of the file just opened. */
  async function importRows(page: Page, label: string) {
    await (await page.waitForSelector(`::-p-text(${label})`))!.click();
  }

  it('reports the rows an unterminated quote swallowed, and imports the same file again without a reload', async () => {
    const page = await openExtensionPage(session, 'pipeline.html#view=data');
    const rows = ['Ada,Lovelace,,ada@engines.io,Analytical Engines,Countess,01 Nov 2026', '"Bob,Stone,,bob@stone.io,Stone Inc,CTO,02 Nov 2026'];
    for (let i = 4; i <= 10; i++) rows.push(`Person,${i},,,Acme,Rep,0${i % 9} Nov 2026`);
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    await upload(page, 'broken.csv', text);
    await page.waitForSelector('::-p-text(8 lines cannot be read)');
    await importRows(page, 'Import 1 row');
    await page.waitForSelector('[data-testid="import-summary"]');
    expect(await textOf(page, '[data-testid="import-summary"]')).toBe('1 created, 0 merged into existing leads, 8 not imported.');
    const bad = await notImported(page);
    expect(bad).toHaveLength(8);
    expect(bad[0]).toBe(
      '3A quote (") opens a field here that never closes: this row and lines 4–10 after it could not be read. Close the quote in the file and import again.',
    );
    expect(bad.slice(1)).toEqual([4, 5, 6, 7, 8, 9, 10].map((l) => `${l}Not read: this line is inside the unclosed quote of line 3.`));
    expect(await names(session)).toEqual(['Ada Lovelace']);

    // The quote closed, the same page: every row imports, Ada's row completes her lead.
    await upload(page, 'fixed.csv', text.replace('"Bob', 'Bob'));
    await importRows(page, 'Import 9 rows');
    await page.waitForSelector('::-p-text(8 created, 1 merged into existing leads, 0 not imported.)');
    // And once more, the very same file: nothing is added twice, not even rows without email or URL.
    await upload(page, 'fixed.csv', text.replace('"Bob', 'Bob'));
    await importRows(page, 'Import 9 rows');
    await page.waitForSelector('::-p-text(0 created, 9 merged into existing leads, 0 not imported.)');
    expect(await readStore(session, 'leads')).toHaveLength(9);
    expect(session.problems).toEqual([]);
    await page.close();
  });

  it('asks for the encoding of a Windows-1250 file, previews it, and imports the names right', async () => {
    await wipe(session);
    const page = await openExtensionPage(session, 'pipeline.html#view=data');
    // "Antonín Dvořák", "Šťastná" in Windows-1250 (í 0xED, ř 0xF8, á 0xE1, Š 0x8A, ť 0x9D).
    const ascii = (t: string) => [...Buffer.from(t, 'ascii')];
    const bytes = new Uint8Array([
      ...ascii('Name,Company\nAnton'),
      0xed,
      ...ascii('n Dvo'),
      0xf8,
      0xe1,
      ...ascii('k,'),
      0x8a,
      0x9d,
      ...ascii('astn'),
      0xe1,
      ...ascii('\n'),
    ]);
    await upload(page, 'legacy.csv', bytes);
    await page.waitForSelector('::-p-text(This file is not UTF-8)');
    expect(await page.$('::-p-text(Import 1 row)')).toBeNull();
    await page.select('::-p-aria([role="combobox"][name="Encoding"])', 'windows-1250');
    await page.waitForSelector('table[aria-label="Preview of the first rows"] ::-p-text(Antonín Dvořák)');
    expect(await textOf(page, 'table[aria-label="Preview of the first rows"] tbody tr')).toBe('2Antonín DvořákŠťastná');
    await importRows(page, 'Import 1 row');
    await page.waitForSelector('::-p-text(1 created, 0 merged into existing leads, 0 not imported.)');
    expect(await readStore<StoredLead>(session, 'leads')).toMatchObject([{ name: 'Antonín Dvořák', company: 'Šťastná' }]);
    expect(session.problems).toEqual([]);
    await page.close();
  });

  it('exports with a byte order mark and formula cells escaped, and the export imports back as it was', async () => {
    await wipe(session);
    const page = await openExtensionPage(session, 'pipeline.html#view=data');
    await upload(page, 'formulas.csv', `Name,Company,Tags\n-Ana,"=1+1\n=HYPERLINK(""http://x"")",@vip\n`);
    await importRows(page, 'Import 1 row');
    await page.waitForSelector('::-p-text(1 created)');
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=table`);
    await page.click('::-p-aria([role="button"][name="Export CSV"])');
    await until(async () => readdirSync(downloads).some((f) => f.endsWith('.csv')), true);
    const exported = readFileSync(
      join(
        downloads,
        readdirSync(downloads).find((f) => f.endsWith('.csv'))!,
      ),
      'utf8',
    );
    expect(exported.startsWith('\uFEFFName,Headline,Company,')).toBe(true);
    expect(exported).toContain(`'-Ana,,"'=1+1\n=HYPERLINK(""http://x"")"`);

    await wipe(session);
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=data`);
    await upload(page, 'roundtrip.csv', exported);
    await importRows(page, 'Import 1 row');
    await page.waitForSelector('::-p-text(1 created)');
    expect(await readStore<StoredLead & { tags: string[] }>(session, 'leads')).toMatchObject([
      { name: '-Ana', company: '=1+1\n=HYPERLINK("http://x")', tags: ['@vip'] },
    ]);
    expect(session.problems).toEqual([]);
    await page.close();
  });

  it('shows an over-long name and an invisible company beside their fields, and captures once edited', async () => {
    await wipe(session);
    const original = readFileSync(join(FIXTURES, KIREET_PAGE), 'utf8');
    const longName = `Kireet ${'A'.repeat(293)}`;
    const html = original
      .replace('break-words">Kireet Agrawal</h1>', `break-words">${longName}</h1>`)
      .replace(/(aria-label="Current company">)\s*Gantry\s*/, '$1&#8203;&#8204;&#8288;');
    expect(html).not.toBe(original);
    session.routes.set(KIREET, { html });
    const page = await openTab(session);
    await page.goto(KIREET);
    await waitForSidebarValue(page, 'input#ll-field-name', longName);
    const frame = await sidebarFrame(page);
    expect(await textOf(frame, '#ll-field-name-problem')).toBe('300 characters: the limit is 200. Shorten it to save.');
    expect(await textOf(frame, '#ll-field-company-problem')).toBe('Only invisible characters (such as zero-width spaces): type it, or clear the field.');
    expect(await frame.$eval(button('Capture lead'), (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await frame.$('::-p-text(Try again)')).toBeNull();

    await setValue(frame, 'input#ll-field-name', 'Kireet Agrawal');
    await setValue(frame, 'input#ll-field-company', '');
    await click(frame, button('Capture lead'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Kireet Agrawal"])');
    expect(await readStore<StoredLead>(session, 'leads')).toMatchObject([
      { name: 'Kireet Agrawal', company: null, headline: 'Software Engineer at Gantry', linkedinUrl: KIREET },
    ]);

    // The page still shows the unusable name: the lead is found by its address all the same.
    await page.reload();
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Kireet Agrawal"])');
    expect(session.problems).toEqual([]);
    await page.close();
  });

  it('tells the user in the popup and on the pipeline page that the stored settings cannot be read, and keeps them', async () => {
    const broken = { key: 'settings', version: 99, stages: [{ id: 'mine', name: 'Mine', probability: 0.5, rottingDays: 9 }], ownEmails: ['me@acme.io'] };
    await session.worker.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('leadline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put(record);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      broken,
    );
    const expected =
      'Your saved settings could not be read (the settings were saved by a newer Leadline (version 99; this one reads up to 3)). They are kept as they were, not replaced; until you save settings again (pipeline page, Settings), Leadline works with the default settings.';
    const popup = await openExtensionPage(session, 'popup.html');
    expect(await textOf(popup, '#settings-problem')).toBe(expected);
    const page = await openExtensionPage(session, 'pipeline.html');
    expect(await textOf(page, '#settings-problem')).toBe(expected);
    const meta = await readStore<{ key: string }>(session, 'meta');
    expect(meta.find((m) => m.key === 'settings')).toEqual(broken);

    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=settings`);
    await page.click('::-p-aria([role="button"][name="Save settings"])');
    await page.waitForSelector('::-p-text(Settings saved.)');
    await until(async () => (await page.$('#settings-problem')) === null, true);
    const after = await readStore<{ key: string }>(session, 'meta');
    expect(after.find((m) => m.key === 'settings.unreadable')).toEqual({ ...broken, key: 'settings.unreadable' });
    expect(session.problems).toEqual([]);
    await popup.close();
    await page.close();
  });
});
