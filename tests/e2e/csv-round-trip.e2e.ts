// The CSV export in the browser carries every field a user enters, and a fresh profile that imports
// the file through the Import view holds the same leads. Leads are synthetic (written 2026-11-28),
// entered through the message protocol from the pipeline page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, openExtensionPage, readStore, textOf, until, type Session } from './harness';
import { request } from './insights-seed';

interface StoredLead {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  stageHistory: unknown[];
  companyId: string | null;
  lost: { from: string; reason: string; at: string } | null;
  [field: string]: unknown;
}
interface LeadView {
  lead: { id: string };
}

/**
 * A stored lead without what only its own profile knows: ids, timestamps, the path it took, and
 * the keys the store derives for its indexes (lib/db/stored.ts: some count from `updatedAt`).
 */
function comparable(lead: StoredLead) {
  const out: Record<string, unknown> = { ...lead, lost: lead.lost && { from: lead.lost.from, reason: lead.lost.reason } };
  for (const key of ['id', 'createdAt', 'updatedAt', 'stageHistory', 'companyId', 'searchKeys', 'searchRows', 'sort', 'funnelStage', 'recheckAt'])
    delete out[key];
  return out;
}
const leadsOf = async (session: Session) =>
  (await readStore<StoredLead>(session, 'leads')).map(comparable).sort((a, b) => String(a.name).localeCompare(String(b.name)));

/** Downloads of a browser go to a fresh folder. */
async function downloadsOf(session: Session): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'leadline-downloads-'));
  const cdp = await session.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
  return folder;
}

async function press(page: Page, selector: string) {
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}

describe('CSV export → import into a fresh browser profile', () => {
  let first: Session;
  let second: Session | undefined;
  let folder: string;

  beforeAll(async () => {
    first = await launch();
    folder = await downloadsOf(first);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('gives the same leads, every field a user entered included', async () => {
    const page = await openExtensionPage(first, 'pipeline.html#view=data');
    await page.waitForSelector('input[type="file"][accept^=".csv"]');
    const capture = async (payload: Record<string, unknown>) => (await request<{ lead: LeadView }>(page, 'lead.capture', payload)).lead.lead.id;

    const eliska = await capture({
      name: 'Eliška Nováková',
      headline: 'Nákupčí, "hlavní" oddělení',
      company: 'Kovo, s.r.o.',
      location: 'Brno, Česko',
      linkedinUrl: 'https://www.linkedin.com/in/eliska-novakova/',
      emails: ['eliska@kovo.cz', 'e.novakova@seznam.cz'],
      source: 'linkedin',
    });
    await request(page, 'lead.update', {
      id: eliska,
      patch: {
        qualification: { budget: 'yes', authority: 'no', need: 'yes', timeframe: 'within-2-months' },
        temperatureOverride: 'hot',
        dealValue: 25000.5,
        currency: 'CZK',
        expectedCloseOn: '2027-01-15',
        nextFollowUpOn: '2026-12-01',
        tags: ['veletrh', 'VIP zákazník'],
        notes: 'Řádek 1, s čárkou\n"citace" a ; středník\nřádek 3',
      },
    });
    await request(page, 'lead.move', { id: eliska, move: { to: 'proposal' } });

    const ana = await capture({ name: '-Ana', company: '=1+1', emails: ['ana@example.org'], source: 'manual' });
    await request(page, 'lead.move', { id: ana, move: { to: 'qualified' } });
    await request(page, 'lead.update', {
      id: ana,
      patch: { qualification: { budget: 'no', authority: 'yes', need: 'unknown', timeframe: 'later' }, notes: '=SUM(A1)\n+ second line', tags: ['@vip'] },
    });
    await request(page, 'lead.move', { id: ana, move: { to: 'lost', reason: 'Chose a competitor, "cheaper"' } });

    const kim = await capture({ name: 'Kim Lee', headline: 'VP Sales', source: 'referral' });
    await request(page, 'lead.move', { id: kim, move: { to: 'contacted' } });
    await request(page, 'lead.move', { id: kim, move: { to: 'later', reengageOn: '2027-02-01' } });

    await page.goto(`chrome-extension://${first.extensionId}/pipeline.html#view=table`);
    await page.waitForSelector('::-p-text(3 leads)');
    await press(page, '::-p-aria([role="button"][name="Export CSV"])');
    await until(async () => readdirSync(folder).some((f) => f.endsWith('.csv')), true);
    const file = join(
      folder,
      readdirSync(folder).find((f) => f.endsWith('.csv'))!,
    );
    const before = await leadsOf(first);
    expect(before.map((l) => l.name)).toEqual(['-Ana', 'Eliška Nováková', 'Kim Lee']);
    expect(first.problems).toEqual([]);

    // A fresh profile: nothing stored, the file imported through the Import view.
    second = await launch();
    const fresh = await openExtensionPage(second, 'pipeline.html#view=data');
    expect(await readStore(second, 'leads')).toEqual([]);
    await (await fresh.waitForSelector('input[type="file"][accept^=".csv"]'))!.uploadFile(file);
    await fresh.waitForSelector('::-p-text(3 rows.)');
    await press(fresh, '::-p-text(Import 3 rows)');
    await fresh.waitForSelector('[data-testid="import-summary"]');
    expect(await textOf(fresh, '[data-testid="import-summary"]')).toBe('3 created, 0 merged into existing leads, 0 not imported.');

    const after = await leadsOf(second);
    expect(after).toEqual(before);
    // What the comparison covers, spelled out for two of them.
    expect(after[0]).toMatchObject({
      name: '-Ana',
      company: '=1+1',
      stage: 'lost',
      lost: { from: 'qualified', reason: 'Chose a competitor, "cheaper"' },
      qualification: { budget: 'no', authority: 'yes', need: 'unknown', timeframe: 'later' },
      notes: '=SUM(A1)\n+ second line',
    });
    expect(after[1]).toMatchObject({
      emails: ['eliska@kovo.cz', 'e.novakova@seznam.cz'],
      temperatureOverride: 'hot',
      dealValue: 25000.5,
      currency: 'CZK',
      expectedCloseOn: '2027-01-15',
      notes: 'Řádek 1, s čárkou\n"citace" a ; středník\nřádek 3',
    });
    expect(second.problems).toEqual([]);
  });
});
