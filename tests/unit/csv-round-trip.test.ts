// The CSV export carries every field a user enters, and importing it into an empty profile gives
// the same leads back, through the pipeline page's models, the real dispatcher and handlers, over
// fake-indexeddb. Leads and rows are synthetic (written 2026-11-28).
import { beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, mapRow, parseCsv, type Target } from '../../lib/import/csv';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import type { Lead } from '../../lib/pipeline/model';
import { plainLead } from '../../lib/db/stored';
import { setCatalogs, textOf } from '../../lib/i18n/i18n';
import { problemText } from '../../lib/i18n/problems';
import { LANGUAGES, type Language } from '../../lib/settings/languages';
import { csvWording, exportVocabulary } from '../../lib/ui/csv-wording';
import { ImportModel } from '../../lib/ui/import-model';
import { TableModel } from '../../lib/ui/table-model';
import type { Send } from '../../lib/ui/send';
import { catalogOf, speak } from './helpers/i18n';
import { backgroundSend } from './helpers/send';

const TODAY = '2026-11-22';

/** Every language's catalogue known (the page reads them all when a file opens), the UI in `lang`. */
function speakWithAll(lang: Language) {
  for (const other of LANGUAGES) setCatalogs(other, catalogOf(other), catalogOf('en'));
  speak(lang);
}

const file = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
};

/** Three leads with every field a user enters filled in: open, lost and parked. */
async function fillProfile(send: Send) {
  const eliska = await send('lead.capture', {
    name: 'Eliška Nováková',
    headline: 'Nákupčí, "hlavní" oddělení',
    company: 'Kovo, s.r.o.',
    location: 'Brno, Česko',
    linkedinUrl: 'https://www.linkedin.com/in/eliska-novakova/',
    emails: ['eliska@kovo.cz', 'e.novakova@seznam.cz'],
    source: 'linkedin',
  });
  await send('lead.update', {
    id: eliska.lead.lead.id,
    patch: {
      qualification: { budget: 'yes', authority: 'no', need: 'yes', timeframe: 'within-2-months' },
      temperatureOverride: 'hot',
      dealValue: 25000.5,
      currency: 'CZK',
      expectedCloseOn: '2027-01-15',
      nextFollowUpOn: '2026-12-01',
      tags: ['veletrh', 'VIP zákazník'],
      notes: 'Řádek 1, s čárkou\n"citace" a ; středník\r\nřádek 3',
    },
  });
  await send('lead.move', { id: eliska.lead.lead.id, move: { to: 'proposal' } });

  const ana = await send('lead.capture', { name: '-Ana', company: '=1+1', emails: ['ana@example.org'], source: 'manual' });
  await send('lead.move', { id: ana.lead.lead.id, move: { to: 'qualified' } });
  await send('lead.update', {
    id: ana.lead.lead.id,
    patch: { qualification: { budget: 'no', authority: 'yes', need: 'unknown', timeframe: 'later' }, notes: '=SUM(A1)\n+ second line', tags: ['@vip'] },
  });
  await send('lead.move', { id: ana.lead.lead.id, move: { to: 'lost', reason: 'Chose a competitor, "cheaper"' } });

  // No email and no LinkedIn URL: known by its place in the file.
  const kim = await send('lead.capture', { name: 'Kim Lee', headline: 'VP Sales', source: 'referral' });
  await send('lead.move', { id: kim.lead.lead.id, move: { to: 'contacted' } });
  await send('lead.update', { id: kim.lead.lead.id, patch: { qualification: { budget: 'unknown', authority: 'unknown', need: 'yes', timeframe: 'now' } } });
  await send('lead.move', { id: kim.lead.lead.id, move: { to: 'later', reengageOn: '2027-02-01' } });
}

/** A lead without what only its own profile can know: ids, timestamps and the path it took. */
function comparable(lead: Lead) {
  const { id, createdAt, updatedAt, stageHistory, companyId, ...rest } = plainLead(lead);
  void [id, createdAt, updatedAt, stageHistory, companyId];
  return { ...rest, lost: rest.lost && { from: rest.lost.from, reason: rest.lost.reason } };
}

async function leadsOf(db: Awaited<ReturnType<typeof backgroundSend>>['db']) {
  return (await db.getAll('leads')).map(comparable).sort((a, b) => a.name.localeCompare(b.name));
}

describe.each(['en', 'cs'] as const)('CSV export → import into an empty profile (UI in %s)', (lang) => {
  beforeEach(() => speakWithAll(lang));

  it('gives the same leads field by field', async () => {
    const source = await backgroundSend();
    await fillProfile(source.send);
    const table = new TableModel(source.send);
    await table.setQuery({ filter: {}, sort: 'name', desc: false }, TODAY);
    const saved: string[] = [];
    expect(await table.exportCsv(csvWording(DEFAULT_STAGES), (_name, parts) => saved.push(parts.join('')))).toBe(true);
    const csv = saved[0]!;

    const target = await backgroundSend();
    const model = new ImportModel(target.send);
    await model.open(file('leadline-leads.csv', csv));
    // Every column is recognised but the two the pipeline works out itself.
    expect(model.mapping.value).toEqual(EXPORT_COLUMNS.map((c): Target => (c === 'temperature' || c === 'lastTouch' ? 'ignore' : c)));
    await model.run(DEFAULT_STAGES);
    expect(model.result.value).toEqual({ created: 3, merged: 0, errors: [] });

    const before = await leadsOf(source.db);
    const after = await leadsOf(target.db);
    expect(after).toEqual(before);
    // What the comparison covers, spelled out for the lead with the most in it.
    expect(after.find((l) => l.name === '-Ana')).toMatchObject({
      company: '=1+1',
      stage: 'lost',
      lost: { from: 'qualified', reason: 'Chose a competitor, "cheaper"' },
      reached: ['prospect', 'qualified'],
      qualification: { budget: 'no', authority: 'yes', need: 'unknown', timeframe: 'later' },
      notes: '=SUM(A1)\n+ second line',
      tags: ['@vip'],
      temperature: null,
      source: 'manual',
    });
    expect(after.find((l) => l.name === 'Kim Lee')).toMatchObject({ stage: 'later', later: { from: 'contacted', reengageOn: '2027-02-01' } });
    expect(after.find((l) => l.name === 'Eliška Nováková')).toMatchObject({
      emails: ['eliska@kovo.cz', 'e.novakova@seznam.cz'],
      temperatureOverride: 'hot',
      temperature: 'hot',
      dealValue: 25000.5,
      currency: 'CZK',
      notes: 'Řádek 1, s čárkou\n"citace" a ; středník\r\nřádek 3',
    });

    // The same file again completes the same leads: nothing doubles.
    await model.open(file('leadline-leads.csv', csv));
    await model.run(DEFAULT_STAGES);
    expect(model.result.value).toEqual({ created: 0, merged: 3, errors: [] });
    expect(await leadsOf(target.db)).toEqual(before);
  });
});

describe('our export’s headers and values in every language', () => {
  beforeEach(() => speakWithAll('en'));

  it.each(LANGUAGES)('%s: each header is read back as its own column', async (lang) => {
    const { headers } = await exportVocabulary();
    speak(lang);
    const header = EXPORT_COLUMNS.map((c) => csvWording(DEFAULT_STAGES).header(c));
    speakWithAll('en');
    const csv = parseCsv(`${header.join(',')}\nAda\n`, headers);
    expect(csv.mapping).toEqual(EXPORT_COLUMNS.map((c): Target => (c === 'temperature' || c === 'lastTouch' ? 'ignore' : c)));
  });

  it('no word names two values of one kind in any language', async () => {
    const { values } = await exportVocabulary();
    for (const [kind, byId] of Object.entries(values)) {
      const seen = new Map<string, string>();
      for (const [id, words] of Object.entries(byId as Record<string, string[]>))
        for (const word of words) {
          const key = word.toLocaleLowerCase();
          expect(seen.get(key) ?? id, `${kind} "${word}"`).toBe(id);
          seen.set(key, id);
        }
    }
  });
});

describe('refused rows of an export', () => {
  beforeEach(() => speakWithAll('en'));

  const HEADER = 'Name,Stage,Lost reason,Re-engage on,Budget,Timeline,Temperature override,Currency,Expected close,Next follow-up,Source';

  it('reports each bad value with its line and code, and writes nothing of those rows', async () => {
    const { send, db } = await backgroundSend();
    const model = new ImportModel(send);
    const rows = [
      'Ada,Qualified,,,yes,Now,hot,EUR,2027-01-15,2026-12-01,Referral',
      'Bea,Lost,,,,,,,,,',
      'Cy,Later,,,,,,,,,',
      'Dee,,,,maybe,,,,,,',
      'Eve,,,,,,,euro,,,',
      'Fay,,,,,,,,1.12.2026,,',
      'Gus,,,,,,,,,2026-02-30,',
      'Hal,,,,,,lukewarm,,,,',
      'Ivy,,,,,,,,,,Fax',
    ];
    await model.open(file('leads.csv', `${HEADER}\n${rows.join('\n')}\n`));
    await model.run(DEFAULT_STAGES);
    expect(model.result.value?.created).toBe(1);
    expect(model.result.value?.errors.map((e) => `${e.line}: ${textOf(e.reason)}`)).toEqual([
      '3: The stage is Lost but the row gives no lost reason: add the reason, or import the row without its stage.',
      '4: The stage is Later but the row gives no re-engage day: add the day, or import the row without its stage.',
      '5: BANT: budget: "maybe" is not a valid value',
      '6: "euro" is not a currency code (three letters, such as EUR)',
      '7: Expected close: "1.12.2026" is not a day written as YYYY-MM-DD',
      '8: Next follow-up: "2026-02-30" is not a day written as YYYY-MM-DD',
      '9: Temperature override: "lukewarm" is not a valid value',
      '10: Source: "Fax" is not a valid value',
    ]);
    const stored = await db.getAll('leads');
    expect(stored.map((l) => l.name)).toEqual(['Ada']);
    expect(plainLead(stored[0]!)).toMatchObject({
      stage: 'qualified',
      qualification: { budget: 'yes', authority: 'unknown', need: 'unknown', timeframe: 'now' },
      temperatureOverride: 'hot',
      currency: 'EUR',
      expectedCloseOn: '2027-01-15',
      nextFollowUpOn: '2026-12-01',
      source: 'referral',
    });
  });

  it('words a refused row in the page’s language, whatever language the file is in', async () => {
    const { headers, values } = await exportVocabulary();
    const csv = parseCsv(`${HEADER}\nBea,Lost,,,,,,,,,\nDee,,,,maybe,,,,,,\n`, headers);
    speak('cs');
    const outcomes = csv.rows.map((r) => textOf(problemText(mapRow(r.cells, r.line, csv.mapping, DEFAULT_STAGES, values))));
    expect(outcomes).toEqual([
      'Fáze je Ztraceno, ale řádek neuvádí důvod ztráty: doplňte důvod, nebo řádek importujte bez fáze.',
      'BANT: rozpočet: „maybe“ není platná hodnota',
    ]);
  });

  it('the background refuses a Lost row without its reason, whoever sends it, and stores nothing', async () => {
    const { send, db } = await backgroundSend();
    const results = await send('leads.import', {
      rows: [
        { line: 2, name: 'Bea', source: 'import', emails: [], stage: 'lost' },
        { line: 3, name: 'Cy', source: 'import', emails: [], stage: 'later' },
        { line: 4, name: 'Dee', source: 'import', emails: [], qualification: { budget: 'maybe', authority: 'yes', need: 'yes', timeframe: 'now' } },
        { line: 5, name: 'Eve', source: 'import', emails: [], stage: 'lost', lostReason: 'No budget', stageBefore: 'proposal' },
      ],
    });
    expect(results.map((r) => [r.line, r.status, r.status === 'error' ? r.code : null])).toEqual([
      [2, 'error', 'row_lost_no_reason'],
      [3, 'error', 'row_later_no_day'],
      [4, 'error', 'row_invalid'],
      [5, 'created', null],
    ]);
    const stored = (await db.getAll('leads')).map(plainLead);
    expect(stored.map((l) => [l.name, l.stage, l.lost?.from, l.lost?.reason, l.reached])).toEqual([
      ['Eve', 'lost', 'proposal', 'No budget', ['prospect', 'qualified', 'contacted', 'nurturing', 'proposal']],
    ]);
  });
});
