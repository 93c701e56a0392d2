import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIXTURES, openExtensionPage, readStore, textOf, until, wipe, type Session, launch } from './harness';

interface StoredLead {
  id: string;
  name: string;
  company: string | null;
  headline: string | null;
  stage: string;
  emails: string[];
  linkedinUrl: string | null;
  lost: { reason: string } | null;
  tags: string[];
}
interface StoredTouchpoint {
  id: string;
  leadId: string;
  summary: string;
  channel: string;
}

const CSV = join(FIXTURES, 'csv', 'linkedin-connections.csv');
const byName = async (session: Session, name: string) => (await readStore<StoredLead>(session, 'leads')).filter((l) => l.name === name);

/** The centre of an element's box. */
async function centre(page: Page, selector: string) {
  const handle = await page.waitForSelector(selector, { visible: true });
  await handle!.evaluate((el) => (el as Element).scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  const box = (await handle!.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse in small steps, as a hand does. */
async function drag(page: Page, from: string, to: string) {
  const a = await centre(page, from);
  const b = await centre(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(a.x + ((b.x - a.x) * i) / 10, a.y + ((b.y - a.y) * i) / 10);
  await page.mouse.up();
}

const card = (name: string) => `.ll-board-card[aria-label^="${name}"]`;

/** Waits for an element to be visible, then clicks it. */
async function press(page: Page, selector: string) {
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}
const column = (stage: string) => `section[data-stage="${stage}"]`;

describe('pipeline page: board, table, detail, duplicates, delete/undo, import, backup', () => {
  let session: Session;
  let page: Page;
  let downloads: string;

  beforeAll(async () => {
    session = await launch();
    downloads = mkdtempSync(join(tmpdir(), 'leadline-downloads-'));
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    page = await openExtensionPage(session, 'pipeline.html#view=data');
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports a LinkedIn Connections.csv: bad rows listed with line and reason, good rows present once', async () => {
    const input = await page.waitForSelector('input[type="file"][accept^=".csv"]');
    await input!.uploadFile(CSV);
    await page.waitForSelector('::-p-text(7 rows.)');
    await press(page, '::-p-text(Import 7 rows)');
    await page.waitForSelector('[data-testid="import-summary"]');
    expect(await textOf(page, '[data-testid="import-summary"]')).toBe('4 created, 1 merged into existing leads, 2 not imported.');
    const bad = await page.$$eval('table[aria-label="Rows not imported"] tbody tr', (rows) => rows.map((r) => r.textContent));
    expect(bad).toEqual(['9"bob@" is not an email address', '10no name']);
    expect(await textOf(page, 'progress')).toBe('');
    expect(await page.$eval('progress', (p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([5, 5]);

    const leads = await readStore<StoredLead>(session, 'leads');
    expect(leads.map((l) => l.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Kim Lee', 'Kim Lee']);
    const [ada] = await byName(session, 'Ada Lovelace');
    expect(ada).toMatchObject({ headline: 'Countess', emails: ['ada@engines.io'], linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/' });

    // The same file again: every good row matches a stored lead.
    await page.reload();
    await (await page.waitForSelector('input[type="file"][accept^=".csv"]'))!.uploadFile(CSV);
    await press(page, '::-p-text(Import 7 rows)');
    await page.waitForSelector('::-p-text(0 created, 5 merged into existing leads, 2 not imported.)');
    expect(await readStore(session, 'leads')).toHaveLength(4);
    expect(session.problems).toEqual([]);
  });

  it('moves a lead on the board with the mouse, to Lost with a reason, and with the keyboard', async () => {
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html`);
    await page.waitForSelector(`${column('prospect')} ${'.ll-board-card'}`);
    await drag(page, card('Ada Lovelace'), column('qualified'));
    await page.waitForSelector(`${column('qualified')} [aria-label^="Ada Lovelace"]`);
    expect((await byName(session, 'Ada Lovelace'))[0]!.stage).toBe('qualified');

    await drag(page, card('Grace Hopper'), column('lost'));
    await page.waitForSelector('::-p-aria([role="dialog"][name="Move Grace Hopper to Lost"])');
    await page.type('::-p-aria(Why was Grace Hopper lost?)', 'Chose a competitor');
    await press(page, '::-p-aria([role="button"][name="Mark lost"])');
    await page.waitForSelector(`${column('lost')} [aria-label^="Grace Hopper"]`);
    expect((await byName(session, 'Grace Hopper'))[0]).toMatchObject({ stage: 'lost', lost: { reason: 'Chose a competitor' } });

    // Keyboard: focus Ada's card, → moves one stage right, ← one back.
    await page.focus(`${column('qualified')} [aria-label^="Ada Lovelace"]`);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`${column('contacted')} [aria-label^="Ada Lovelace"]`);
    expect((await byName(session, 'Ada Lovelace'))[0]!.stage).toBe('contacted');
    const focusedColumn = () => page.evaluate(() => (document.activeElement?.closest('[data-stage]') as HTMLElement | null)?.dataset.stage);
    await until(focusedColumn, 'contacted');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`${column('nurturing')} [aria-label^="Ada Lovelace"]`);
    await until(focusedColumn, 'nurturing');
    expect((await byName(session, 'Ada Lovelace'))[0]!.stage).toBe('nurturing');
    expect(await textOf(page, `${column('nurturing')} h2 .ll-count`)).toBe('1');
    await page.screenshot({ path: join(downloads, 'board.png') });
    expect(session.problems).toEqual([]);
  });

  it('edits a lead in the detail view: fields validated, touchpoints added, edited and deleted', async () => {
    await page.keyboard.press('Enter');
    const detail = 'aside[aria-label="Lead detail"]';
    await page.waitForSelector(`${detail} article[aria-label="Lead: Ada Lovelace"]`);
    const field = (label: string) => `${detail} ::-p-aria([role="textbox"][name="${label}"])`;
    await press(page, field('Company'));
    await page.click(field('Company'), { count: 3 });
    await page.type(field('Company'), 'Analytical Engines Ltd');
    await page.click(field('Emails'), { count: 3 });
    await page.type(field('Emails'), 'ada@engines.io, not-an-email');
    await press(page, '::-p-aria([role="button"][name="Save details"])');
    await page.waitForSelector('::-p-text(not an email address)');
    expect((await byName(session, 'Ada Lovelace'))[0]!.company).toBe('Analytical Engines');

    await page.click(field('Emails'), { count: 3 });
    await page.type(field('Emails'), 'ada@engines.io, countess@lovelace.org');
    await press(page, field('Tags'));
    await page.type(field('Tags'), 'vip, london');
    await press(page, '::-p-aria([role="button"][name="Save details"])');
    await page.waitForSelector('::-p-text(Saved.)');
    expect((await byName(session, 'Ada Lovelace'))[0]).toMatchObject({
      company: 'Analytical Engines Ltd',
      emails: ['ada@engines.io', 'countess@lovelace.org'],
      tags: ['vip', 'london'],
    });

    // Log a call, then correct its summary, then delete it.
    await press(page, `${detail} ::-p-aria([role="button"][name="Call"])`);
    await until(async () => (await readStore<StoredTouchpoint>(session, 'touchpoints')).length, 1);
    await press(page, `${detail} button[aria-label^="Edit Call"]`);
    const summary = `${detail} ::-p-aria([role="textbox"][name="Summary"])`;
    await page.click(summary, { count: 3 });
    await page.type(summary, 'Call: wants a proposal');
    await press(page, `${detail} form[aria-label="Edit touchpoint"] button[type="submit"]`);
    await page.waitForSelector(`${detail} ::-p-text(Call: wants a proposal)`);
    const [tp] = await readStore<StoredTouchpoint>(session, 'touchpoints');
    expect(tp).toMatchObject({ summary: 'Call: wants a proposal', channel: 'call' });
    await press(page, `${detail} button[aria-label^="Delete Call"]`);
    await until(async () => (await readStore(session, 'touchpoints')).length, 0);
    expect(session.problems).toEqual([]);
  });

  it('merges a duplicate pair into one lead keeping both records’ fields', async () => {
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=duplicates`);
    await page.waitForSelector('::-p-aria([name="Duplicates: Kim Lee"])');
    await press(page, '::-p-aria([name="Duplicates: Kim Lee"]) button');
    await page.waitForSelector('::-p-text(No likely duplicates.)');
    const kims = await byName(session, 'Kim Lee');
    expect(kims).toHaveLength(1);
    expect(kims[0]).toMatchObject({ emails: ['kim@acme-robotics.com'], linkedinUrl: 'https://www.linkedin.com/in/kimlee/', headline: 'VP Sales' });
    expect(session.problems).toEqual([]);
  });

  it('deletes a bulk selection in the table and undoes it', async () => {
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=table&sort=name`);
    await page.waitForSelector('table[aria-label="Leads"] tbody tr[data-id]');
    expect(await page.$$eval('table[aria-label="Leads"] tbody tr[data-id] .ll-cell-name', (els) => els.map((e) => e.textContent))).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Kim Lee',
    ]);
    await press(page, '::-p-aria([role="checkbox"][name="Select Grace Hopper"])');
    await press(page, '::-p-aria([role="checkbox"][name="Select Kim Lee"])');
    await press(page, '::-p-aria([role="button"][name="Delete 2 selected"])');
    await page.waitForSelector('::-p-text(2 leads deleted.)');
    expect((await readStore<StoredLead>(session, 'leads')).map((l) => l.name)).toEqual(['Ada Lovelace']);
    await page.waitForSelector('::-p-text(1 lead)');
    await press(page, '::-p-aria([role="button"][name="Undo"])');
    await page.waitForSelector('::-p-text(3 leads)');
    expect((await readStore<StoredLead>(session, 'leads')).map((l) => l.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Kim Lee']);
    expect(session.problems).toEqual([]);
  });

  it('exports the filtered table as CSV', async () => {
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=table&stage=lost`);
    await page.waitForSelector('::-p-text(1 lead)');
    await press(page, '::-p-aria([role="button"][name="Export CSV"])');
    await until(async () => readdirSync(downloads).some((f) => f.endsWith('.csv')), true);
    const csv = readFileSync(
      join(
        downloads,
        readdirSync(downloads).find((f) => f.endsWith('.csv'))!,
      ),
      'utf8',
    );
    expect(csv.split('\r\n')).toEqual([
      'Name,Company,Email,LinkedIn URL,Stage,Temperature,Deal value,Currency,Next follow-up,Last touch,Tags,Source',
      'Grace Hopper,Navy Labs,grace@navy.mil,https://www.linkedin.com/in/ghopper/,Lost,,,USD,,,,Import',
    ]);
  });

  it('backs up, survives a wipe and restores the same pipeline; a foreign file changes nothing', async () => {
    const before = (await readStore<StoredLead>(session, 'leads')).sort((a, b) => a.id.localeCompare(b.id));
    const touchpointsBefore = await readStore(session, 'touchpoints');
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=data`);
    await press(page, '::-p-aria([role="button"][name="Download backup (JSON)"])');
    await page.waitForSelector('::-p-text(Backup of 3 leads)');
    await until(async () => readdirSync(downloads).some((f) => f.endsWith('.json')), true);
    const backup = join(
      downloads,
      readdirSync(downloads).find((f) => f.endsWith('.json'))!,
    );

    await wipe(session);
    expect(await readStore(session, 'leads')).toEqual([]);

    const foreign = join(downloads, 'contacts.json');
    writeFileSync(foreign, JSON.stringify({ contacts: [{ name: 'x' }] }));
    const restoreInput = 'input[type="file"][accept^=".json"]';
    await (await page.waitForSelector(restoreInput))!.uploadFile(foreign);
    await page.waitForSelector('::-p-text(This JSON file is not a Leadline backup.)');
    expect(await readStore(session, 'leads')).toEqual([]);

    await (await page.waitForSelector(restoreInput))!.uploadFile(backup);
    await page.waitForSelector('::-p-text(Restored 3 leads)');
    const after = (await readStore<StoredLead>(session, 'leads')).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(before);
    expect(await readStore(session, 'touchpoints')).toEqual(touchpointsBefore);

    // The board and the popup show the restored pipeline.
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html`);
    await page.waitForSelector(`${column('lost')} [aria-label^="Grace Hopper"]`);
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitForSelector('[data-testid="total"]');
    expect(await textOf(popup, '[data-testid="total"]')).toBe('3');
    await popup.close();
    expect(session.problems).toEqual([]);
  });

  it('saves settings that the board then uses, and plans backwards from a revenue target', async () => {
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=settings`);
    const name = '::-p-aria([role="textbox"][name="Name of stage 4"])';
    await press(page, name);
    await page.click(name, { count: 3 });
    await page.type(name, 'Nurture');
    await page.click('::-p-aria([role="spinbutton"][name="Rotting days of Nurture"])', { count: 3 });
    await page.type('::-p-aria([role="spinbutton"][name="Rotting days of Nurture"])', '45');
    await press(page, '::-p-aria([role="button"][name="Save settings"])');
    await page.waitForSelector('::-p-text(Settings saved.)');
    const [settings] = (await readStore<{ key: string; stages: { id: string; name: string; rottingDays: number }[] }>(session, 'meta')).filter(
      (m) => m.key === 'settings',
    );
    expect(settings!.stages[3]).toEqual(expect.objectContaining({ id: 'nurturing', name: 'Nurture', rottingDays: 45 }));

    // Deleting a stage that holds a lead is refused with a reason; nothing changes.
    await press(page, '::-p-aria([role="button"][name="Delete stage Prospect"])');
    await press(page, '::-p-aria([role="button"][name="Save settings"])');
    await page.waitForSelector('::-p-text(still has leads)');

    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html`);
    await page.waitForSelector(`${column('nurturing')} h2 ::-p-text(Nurture)`);

    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#view=planner`);
    const target = '::-p-aria([role="spinbutton"][name="Revenue target (USD)"])';
    await press(page, target);
    await page.click(target, { count: 3 });
    await page.type(target, '10000');
    const average = '::-p-aria([role="spinbutton"][name="Average deal (USD)"])';
    await page.click(average, { count: 3 });
    await page.type(average, '1000');
    await until(() => textOf(page, '[data-testid="needed-won"]'), '10');
    const lastRate = '::-p-aria([role="spinbutton"][name="Conversion from Negotiation to Won (%)"])';
    await page.click(lastRate, { count: 3 });
    await page.type(lastRate, '25');
    await until(() => textOf(page, '[data-testid="needed-negotiation"]'), '40');
    expect(session.problems).toEqual([]);
  });
});
