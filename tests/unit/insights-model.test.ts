import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { setCatalogs } from '../../lib/i18n/i18n';
import type { InsightsReply, MessageName, Payload } from '../../lib/messaging/protocol';
import { rebuildWithInsights } from '../../lib/pipeline/aggregates';
import { insights, trackedTags, type InsightsOptions } from '../../lib/pipeline/insights';
import type { Lead } from '../../lib/pipeline/model';
import { moveLead, type StageMove } from '../../lib/pipeline/stages';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { formulaLines } from '../../lib/ui/insights-format';
import { defaultRange, InsightsModel, parsePeriod, writePeriod } from '../../lib/ui/insights-model';
import { parseHash, toHash } from '../../lib/ui/pipeline-model';
import type { Send } from '../../lib/ui/send';
import { makeLead } from './helpers/leads';

const STAGES = DEFAULT_SETTINGS.stages;
const TODAY = '2026-11-22';

function journey(id: string, created: string, overrides: Partial<Lead>, moves: [string, StageMove][] = []): Lead {
  let lead = makeLead({ id, linkedinUrl: null, createdAt: `${created}T09:00:00.000Z`, ...overrides });
  for (const [day, move] of moves) lead = moveLead(lead, move, new Date(`${day}T09:00:00.000Z`), STAGES);
  return lead;
}

/*
 * a linkedin Oct 1 12,000: P 3d → Q 10d → won Oct 14 (cycle 13 d)
 * b gmail    Nov 2:        P 2d → lost "=HYPERLINK(\"x\")" (a reason typed to look like a formula)
 * c referral Nov 3  4,000: P (open)
 */
const LEADS = [
  journey('a', '2026-10-01', { dealValue: 12_000 }, [
    ['2026-10-04', { to: 'qualified' }],
    ['2026-10-14', { to: 'won' }],
  ]),
  journey('b', '2026-11-02', { source: 'gmail' }, [['2026-11-04', { to: 'lost', reason: '=HYPERLINK("x")' }]]),
  journey('c', '2026-11-03', { source: 'referral', dealValue: 4_000 }),
];

/** What the background answers: insights() over a rebuild, as AggregatesStore.insights gives it. */
function answer(leads: Lead[], query: Payload<'insights.get'>): InsightsReply {
  const all = rebuildWithInsights(leads, STAGES);
  return { insights: insights(all, STAGES, query as InsightsOptions), tags: trackedTags(all) };
}

/** A fake background: records each request, answers from `leads`, optionally holding replies back. */
function fakeSend(leads: Lead[]) {
  const sent: { type: MessageName; payload: unknown }[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  const send = (async (type: MessageName, payload: Payload<'insights.get'>) => {
    sent.push({ type, payload });
    if (type !== 'insights.get') throw new Error(`unexpected ${type}`);
    if ((payload.tag ?? '') === 'broken') throw new Error('The background failed.');
    const reply = answer(leads, payload);
    if (!hold) return reply;
    return new Promise((resolve) => held.push(() => resolve(reply)));
  }) as Send;
  return {
    send,
    sent,
    held,
    hold: (on: boolean) => (hold = on),
  };
}

const saved: { name: string; text: string; type: string }[] = [];
const save = (name: string, parts: BlobPart[], type: string) => saved.push({ name, text: parts.map(String).join(''), type });

beforeAll(() => setCatalogs('en', en));

describe('Insights address', () => {
  it('reads this month, quarter, year, all time and a month range, and writes them back', () => {
    const read = (hash: string) => parsePeriod(new URLSearchParams(hash));
    expect(read('period=quarter')).toBe('quarter');
    expect(read('period=custom&from=2026-01&to=2026-06')).toEqual({ from: '2026-01', to: '2026-06' });
    expect(read('')).toBe('all');
    // Unreadable or backwards ranges are all time, not an error page.
    expect(read('period=custom&from=2026-06&to=2026-01')).toBe('all');
    expect(read('period=custom&from=2026-13&to=2027-01')).toBe('all');
    expect(read('period=decade')).toBe('all');
    const write = (period: Parameters<typeof writePeriod>[1]) => {
      const p = new URLSearchParams();
      writePeriod(p, period);
      return p.toString();
    };
    expect(write({ from: '2026-01', to: '2026-06' })).toBe('period=custom&from=2026-01&to=2026-06');
    expect(write('year')).toBe('period=year');
    expect(write('all')).toBe('');
    expect(defaultRange('2026-03-15')).toEqual({ from: '2025-10', to: '2026-03' });
  });

  it('is part of the pipeline page route: the view, its period and its source or tag', () => {
    const route = parseHash('#view=insights&source=gmail&period=custom&from=2026-09&to=2026-11');
    expect(route).toMatchObject({ view: 'insights', period: { from: '2026-09', to: '2026-11' }, filter: { source: 'gmail' } });
    expect(toHash(route)).toBe('view=insights&source=gmail&period=custom&from=2026-09&to=2026-11');
    expect(toHash(parseHash('#view=insights&tag=q4'))).toBe('view=insights&tag=q4');
  });
});

describe('InsightsModel through its Send', () => {
  it('asks the background for the period and filter in view, and keeps the answer', async () => {
    const fake = fakeSend(LEADS);
    const model = new InsightsModel(fake.send, save);
    await model.load({ period: 'month', source: 'gmail', tag: null }, TODAY);
    expect(fake.sent).toEqual([{ type: 'insights.get', payload: { period: 'month', today: TODAY, source: 'gmail', tag: null } }]);
    const reply = model.reply.value!;
    expect(reply.insights.status).toBe('ready');
    expect(model.shown.value).toEqual({ period: 'month', source: 'gmail', tag: null });
    // A tag and a source in one address: the tag is asked for, never both.
    await model.load({ period: 'all', source: 'gmail', tag: 'q4' }, TODAY);
    expect(fake.sent[1]!.payload).toEqual({ period: 'all', today: TODAY, source: null, tag: 'q4' });
    expect(model.shown.value).toEqual({ period: 'all', source: null, tag: 'q4' });
  });

  it('drops an answer that arrives after a newer question was asked', async () => {
    const fake = fakeSend(LEADS);
    const model = new InsightsModel(fake.send, save);
    fake.hold(true);
    const first = model.load({ period: 'all', source: null, tag: null }, TODAY);
    const second = model.load({ period: 'month', source: null, tag: null }, TODAY);
    expect(model.loading.value).toBe(true);
    fake.held[1]!();
    await second;
    fake.held[0]!();
    await first;
    expect(model.shown.value?.period).toBe('month');
    expect(model.reply.value!.insights.status === 'ready' && model.reply.value!.insights.leads).toBe(2);
    expect(model.loading.value).toBe(false);
  });

  it('shows the background error and keeps the last figures', async () => {
    const fake = fakeSend(LEADS);
    const model = new InsightsModel(fake.send, save);
    await model.load({ period: 'all', source: null, tag: null }, TODAY);
    await model.load({ period: 'all', source: null, tag: 'broken' }, TODAY);
    expect(model.error.value).toBe('The background failed.');
    expect(model.shown.value?.tag).toBeNull();
  });

  it('makes the tables as shown, and "—" wherever a figure divides by zero', async () => {
    const model = new InsightsModel(fakeSend(LEADS).send, save);
    expect(model.tables(STAGES, 'USD')).toBeNull();
    await model.load({ period: 'all', source: null, tag: null }, TODAY);
    const tables = model.tables(STAGES, 'USD')!;
    expect(tables.map((t) => t.id)).toEqual(['funnel', 'time', 'outcomes', 'sources', 'trend']);
    const funnel = tables.find((t) => t.id === 'funnel')!;
    expect(funnel.rows[0]).toEqual(['Prospect', '3', '1', '33%', '100%', '1', '33%', '=hyperlink("x") (1)']);
    expect(funnel.rows[1]).toEqual(['Qualified', '1', '0', '100%', '33%', '0', '0%', '—']);
    const outcomes = tables.find((t) => t.id === 'outcomes')!;
    expect(outcomes.rows.slice(0, 5)).toEqual([
      ['Win rate', '50%', 'won ÷ (won + lost)', '1 ÷ (1 + 1)'],
      ['Average deal', '$12,000', 'value of won deals (Won) ÷ won deals with a value (Won)', '$12,000 ÷ 1'],
      ['Median deal', '$12,000', 'median of the value of 1 won deal', '$12,000'],
      ['Weighted pipeline', '$200', 'open deal value (Prospect) × win probability (Prospect)', '$4,000 × 5%'],
      ['Sales velocity', '$462 per day', 'open opportunities × average deal × win rate ÷ average sales cycle', '1 × $12,000 × 50% ÷ 13 days'],
    ]);

    // No leads at all: every ratio divides by zero.
    const empty = new InsightsModel(fakeSend([]).send, save);
    await empty.load({ period: 'all', source: null, tag: null }, TODAY);
    const cells = empty.tables(STAGES, 'USD')!.flatMap((t) => t.rows.flat());
    expect(cells.filter((c) => /NaN|Infinity|undefined|null/.test(c))).toEqual([]);
    const emptyOutcomes = empty.tables(STAGES, 'USD')!.find((t) => t.id === 'outcomes')!.rows;
    expect(emptyOutcomes.map((r) => r[1])).toEqual(['—', '—', '—', '—', '—', '—', '—', '—', '0', '0', '0']);
    expect(emptyOutcomes[0]).toEqual(['Win rate', '—', 'won ÷ (won + lost)', '0 ÷ (0 + 0)']);
  });

  it('exports every table as one CSV, a typed reason never a spreadsheet formula', async () => {
    const model = new InsightsModel(fakeSend(LEADS).send, save);
    saved.length = 0;
    expect(await model.exportCsv(STAGES, 'USD', TODAY)).toBe(false);
    expect(model.error.value).toBe('No figures to export yet.');
    await model.load({ period: 'all', source: null, tag: null }, TODAY);
    expect(await model.exportCsv(STAGES, 'USD', TODAY)).toBe(true);
    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect([file!.name, file!.type]).toEqual(['leadline-insights-2026-11-22.csv', 'text/csv;charset=utf-8']);
    const lines = file!.text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Funnel and leakage',
      'Stage,Reached,In stage now,Conversion to next stage,Cumulative conversion,Lost here,Share lost here,Top lost reasons',
      // papaparse's escapeFormulae: a leading "=" is prefixed with a quote.
      `Prospect,3,1,33%,100%,1,33%,"'=hyperlink(""x"") (1)"`,
    ]);
    expect(lines.filter((l) => ['Time in stage', 'Outcomes', 'Lead sources', 'Trend by month'].includes(l))).toHaveLength(4);
    expect(lines).toContain('"Sales cycle, average",13 days,days of all sales cycles ÷ won leads with a sales cycle,13 days ÷ 1');
  });

  it('opens and closes formulas and chart tables one by one', () => {
    const model = new InsightsModel(fakeSend(LEADS).send, save);
    model.toggleFormula('winRate');
    model.toggleTable('funnel');
    model.toggleFormula('salesVelocity');
    model.toggleFormula('winRate');
    expect([...model.openFormulas.value]).toEqual(['salesVelocity']);
    expect([...model.openTables.value]).toEqual(['funnel']);
  });

  it('writes a percentile formula with how many values it was read from', () => {
    const reply = answer(LEADS, { period: 'all', today: TODAY });
    if (reply.insights.status !== 'ready') throw new Error(reply.insights.status);
    expect(formulaLines(reply.insights.funnel[0]!.medianDays.formula, STAGES, 'USD')).toEqual({ names: 'median of 2 stays in Prospect', values: '2 days' });
    expect(formulaLines(reply.insights.cycle.p80Days.formula, STAGES, 'EUR')).toEqual({
      names: '80th percentile of the sales cycle of 1 won lead',
      values: '13 days',
    });
  });
});

describe('the English catalogue', () => {
  it('has only keys Chrome accepts (letters, digits, "_"): another character stops the extension from loading', () => {
    expect(Object.keys(en).filter((k) => !/^[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });
});
