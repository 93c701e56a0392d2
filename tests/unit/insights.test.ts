import { describe, expect, it } from 'vitest';
import { applyChange, rebuildWithInsights as rebuild, sliceFor, type AggregatesWithInsights } from '../../lib/pipeline/aggregates';
import { renderFormula, type Metric } from '../../lib/pipeline/formula';
import { bucketDays, bumpValues, dayBucket, DAY_BUCKET_FLOORS, valueBucket, valuesPercentile } from '../../lib/pipeline/histogram';
import { foldReason, MAX_REASONS, MAX_TRACKED_TAGS } from '../../lib/pipeline/insight-slices';
import { insights, periodMonths, trackedTags, type InsightsOptions, type InsightsReady } from '../../lib/pipeline/insights';
import type { Lead, StageDef } from '../../lib/pipeline/model';
import { moveLead, type StageMove } from '../../lib/pipeline/stages';
import { makeLead } from './helpers/leads';

/** A small funnel with round probabilities, so weighted figures are easy to check by hand. */
const STAGES: StageDef[] = [
  { id: 'prospect', name: 'Prospect', probability: 0.1, rottingDays: 14 },
  { id: 'qualified', name: 'Qualified', probability: 0.25, rottingDays: 10 },
  { id: 'proposal', name: 'Proposal', probability: 0.5, rottingDays: 7 },
  { id: 'won', name: 'Won', probability: 1, rottingDays: 3650 },
];
const TODAY = '2026-11-22';

/** A lead captured at `created` (09:00 UTC) that then makes each move at 09:00 UTC of its day. */
function journey(id: string, created: string, overrides: Partial<Lead>, moves: [string, StageMove][] = []): Lead {
  let lead = makeLead({ id, linkedinUrl: null, createdAt: `${created}T09:00:00.000Z`, ...overrides });
  for (const [day, move] of moves) lead = moveLead(lead, move, new Date(`${day}T09:00:00.000Z`), STAGES);
  return lead;
}

/*
 * The pipeline the figures below are computed from by hand. Days in stage are between moves.
 *   a linkedin  Oct 1  12,000  P 3d → Q 10d → Pr 7d → won Oct 21 (cycle 20 d)      tags enterprise
 *   b linkedin  Oct 2   5,000  P 1d → Q 42d → won Nov 14, proposal skipped (cycle 43 d)  enterprise, q4
 *   c gmail     Oct 5      —   P 4d → lost "No budget"
 *   d gmail     Nov 2   3,000  P 2d → Q 6d → lost "  no   BUDGET " (folds to "no budget")
 *   e referral  Nov 3  20,000  P 2d → Q 3d → Pr since Nov 8 (open, stale: proposal rots after 7 d)  q4
 *   f referral  Nov 6   1,000  P since Nov 6, touched Nov 20 (open, not stale)
 *   g linkedin  Nov 7   8,000  P 2d → Pr 3d (qualified skipped) → lost "Went with a competitor"
 *   h manual    Nov 8      —   P 1d → Q 1d → parked for later
 */
const LEADS: Lead[] = [
  journey('a', '2026-10-01', { dealValue: 12_000, tags: ['enterprise'] }, [
    ['2026-10-04', { to: 'qualified' }],
    ['2026-10-14', { to: 'proposal' }],
    ['2026-10-21', { to: 'won' }],
  ]),
  journey('b', '2026-10-02', { dealValue: 5_000, tags: ['enterprise', 'q4'] }, [
    ['2026-10-03', { to: 'qualified' }],
    ['2026-11-14', { to: 'won' }],
  ]),
  journey('c', '2026-10-05', { source: 'gmail' }, [['2026-10-09', { to: 'lost', reason: 'No budget' }]]),
  journey('d', '2026-11-02', { source: 'gmail', dealValue: 3_000 }, [
    ['2026-11-04', { to: 'qualified' }],
    ['2026-11-10', { to: 'lost', reason: '  no   BUDGET ' }],
  ]),
  journey('e', '2026-11-03', { source: 'referral', dealValue: 20_000, tags: ['q4'] }, [
    ['2026-11-05', { to: 'qualified' }],
    ['2026-11-08', { to: 'proposal' }],
  ]),
  journey('f', '2026-11-06', { source: 'referral', dealValue: 1_000, lastTouchAt: '2026-11-20T10:00:00.000Z' }),
  journey('g', '2026-11-07', { dealValue: 8_000 }, [
    ['2026-11-09', { to: 'proposal' }],
    ['2026-11-12', { to: 'lost', reason: 'Went with a competitor' }],
  ]),
  journey('h', '2026-11-08', { source: 'manual' }, [
    ['2026-11-09', { to: 'qualified' }],
    ['2026-11-10', { to: 'later', reengageOn: '2026-12-01' }],
  ]),
];
const AGG = rebuild(LEADS, STAGES);

function ready(options: Partial<InsightsOptions> = {}, agg: AggregatesWithInsights = AGG): InsightsReady {
  const result = insights(agg, STAGES, { period: 'all', today: TODAY, ...options });
  if (result.status !== 'ready') throw new Error(`expected figures, got ${result.status}`);
  return result;
}

const ALL = ready();
const NOVEMBER = ready({ period: 'month' });
const EMPTY_MONTH = ready({ period: 'month', today: '2026-12-15' });
const LINKEDIN = ready({ source: 'linkedin' });
const Q4_TAG = ready({ tag: 'q4', period: 'month' });
const stage = (r: InsightsReady, id: string) => r.funnel.find((s) => s.stage === id)!;
const source = (r: InsightsReady, id: string) => r.sources!.find((s) => s.source === id)!;
const v = (m: Metric | null) => m?.value;

/** [figure, actual, hand-computed value]. Every ratio is written as the division it comes from. */
const TABLE: [string, () => unknown, unknown][] = [
  // 1. Funnel, all time: reached P 8, Q 6 (g skipped into proposal), Pr 4 (b skipped to won), W 2.
  ['all: leads', () => ALL.leads, 8],
  ['all: reached per stage', () => ALL.funnel.map((s) => s.reached), [8, 6, 4, 2]],
  ['all: open per stage now (h is parked, c d g lost)', () => ALL.funnel.map((s) => s.open), [1, 0, 1, 2]],
  ['all: stage-to-stage conversion', () => ALL.funnel.map((s) => v(s.conversionToNext)), [6 / 8, 4 / 6, 2 / 4, undefined]],
  ['all: the last stage has no next stage', () => stage(ALL, 'won').conversionToNext, null],
  ['all: cumulative conversion from the top', () => ALL.funnel.map((s) => v(s.cumulative)), [1, 6 / 8, 4 / 8, 2 / 8]],
  ['all: lost per stage', () => ALL.funnel.map((s) => s.lost), [1, 1, 1, 0]],
  ['all: lost share per stage (nobody lost from won: 0 of 2)', () => ALL.funnel.map((s) => v(s.lostShare)), [1 / 8, 1 / 6, 1 / 4, 0]],
  [
    'all: lost reasons folded for case and space',
    () => ALL.funnel.map((s) => s.lostReasons),
    [[{ reason: 'no budget', count: 1 }], [{ reason: 'no budget', count: 1 }], [{ reason: 'went with a competitor', count: 1 }], []],
  ],
  ['all: no other reasons', () => ALL.funnel.map((s) => s.otherReasons), [0, 0, 0, 0]],
  // 2. Time. Prospect stays 3 1 4 2 2 2 1 → sorted 1 1 2 2 2 3 4: median rank ⌈3.5⌉ = 4 → 2, p80 rank ⌈5.6⌉ = 6 → 3.
  ['all: completed stays per stage', () => ALL.funnel.map((s) => s.completedStays), [7, 5, 2, 0]],
  ['all: median days in prospect', () => v(stage(ALL, 'prospect').medianDays), 2],
  ['all: p80 days in prospect', () => v(stage(ALL, 'prospect').p80Days), 3],
  // Qualified 10 42 6 3 1 → 1 3 6 10 42: median rank 3 → 6, p80 rank 4 → 10.
  ['all: median days in qualified', () => v(stage(ALL, 'qualified').medianDays), 6],
  ['all: p80 days in qualified', () => v(stage(ALL, 'qualified').p80Days), 10],
  // Proposal 7 3 → 3 7 (e is still there: its stay is not complete): median rank 1 → 3, p80 rank 2 → 7.
  ['all: median days in proposal', () => v(stage(ALL, 'proposal').medianDays), 3],
  ['all: p80 days in proposal', () => v(stage(ALL, 'proposal').p80Days), 7],
  ['all: a stage nobody left has no median', () => v(stage(ALL, 'won').medianDays), null],
  ['all: a stage nobody left has no p80', () => v(stage(ALL, 'won').p80Days), null],
  ['all: stale now (e in proposal since Nov 8; f touched Nov 20)', () => ALL.funnel.map((s) => s.stale), [0, 0, 1, 0]],
  // Cycle: a 20 d, b 43 d. 43 lies in the bucket 43–46 days, read back as 44 (within 5.2 %).
  ['all: won leads with a cycle', () => ALL.cycle.won, 2],
  ['all: median cycle', () => v(ALL.cycle.medianDays), 20],
  ['all: p80 cycle (bucketed 43 → 44)', () => v(ALL.cycle.p80Days), 44],
  ['all: average cycle (exact)', () => v(ALL.cycle.averageDays), (20 + 43) / 2],
  // 3. Outcomes
  ['all: won, lost, open opportunities', () => [ALL.outcomes.won, ALL.outcomes.lost, ALL.outcomes.openOpportunities], [2, 3, 2]],
  ['all: win rate = won ÷ (won + lost)', () => v(ALL.outcomes.winRate), 2 / (2 + 3)],
  ['all: average deal of won leads', () => v(ALL.outcomes.averageDeal), (12_000 + 5_000) / 2],
  ['all: median deal of won leads (rank 1 of 2)', () => v(ALL.outcomes.medianDeal), 5_000],
  ['all: weighted pipeline = f 1,000 × 0.1 + e 20,000 × 0.5', () => v(ALL.outcomes.weightedPipeline), 1_000 * 0.1 + 20_000 * 0.5],
  ['all: sales velocity = 2 × 8,500 × 0.4 ÷ 31.5', () => v(ALL.outcomes.salesVelocity), (2 * 8_500 * 0.4) / 31.5],
  // 4. Sources (all time)
  [
    'sources: leads',
    () => ALL.sources!.map((s) => [s.source, s.leads]),
    [
      ['linkedin', 3],
      ['gmail', 2],
      ['referral', 2],
      ['event', 0],
      ['inbound', 0],
      ['import', 0],
      ['manual', 1],
    ],
  ],
  ['sources: linkedin reached per stage', () => source(ALL, 'linkedin').reached, [3, 3, 3, 2]],
  ['sources: linkedin conversion to each stage', () => source(ALL, 'linkedin').conversion.map(v), [3 / 3, 3 / 3, 3 / 3, 2 / 3]],
  ['sources: linkedin win rate (2 won, g lost)', () => v(source(ALL, 'linkedin').winRate), 2 / 3],
  ['sources: gmail conversion to each stage', () => source(ALL, 'gmail').conversion.map(v), [2 / 2, 1 / 2, 0, 0]],
  ['sources: gmail win rate with zero wins is 0, not "—"', () => v(source(ALL, 'gmail').winRate), 0],
  ['sources: referral win rate with nothing closed is "—"', () => v(source(ALL, 'referral').winRate), null],
  ['sources: a source without leads has no conversion', () => source(ALL, 'event').conversion.map(v), [null, null, null, null]],
  // 5. Trend: the October and November cohorts.
  ['trend: months', () => ALL.trend!.map((p) => p.month), ['2026-10', '2026-11']],
  ['trend: leads per month', () => ALL.trend!.map((p) => p.leads), [3, 5]],
  [
    'trend: reached per month',
    () => ALL.trend!.map((p) => p.reached),
    [
      [3, 2, 2, 2],
      [5, 4, 2, 0],
    ],
  ],
  ['trend: conversion to won per month (November: 0 of 5)', () => ALL.trend!.map((p) => v(p.conversionToWon)), [2 / 3, 0]],
  ['trend: win rate per month (November: 0 won of 2 closed)', () => ALL.trend!.map((p) => v(p.outcomes.winRate)), [2 / 3, 0]],
  ['trend: average deal per month', () => ALL.trend!.map((p) => v(p.outcomes.averageDeal)), [8_500, null]],
  ['trend: average cycle per month', () => ALL.trend!.map((p) => v(p.cycle.averageDays)), [31.5, null]],
  ['trend: weighted pipeline per month (e and f are November leads)', () => ALL.trend!.map((p) => v(p.outcomes.weightedPipeline)), [null, 10_100]],
  // This month (November cohort): zero wins, an empty won stage.
  ['month: scope', () => NOVEMBER.scope, { months: ['2026-11'], source: null, tag: null, periodApplied: true }],
  ['month: reached per stage', () => NOVEMBER.funnel.map((s) => s.reached), [5, 4, 2, 0]],
  ['month: conversion, nobody reached won (0 of 2)', () => NOVEMBER.funnel.map((s) => v(s.conversionToNext)), [4 / 5, 2 / 4, 0, undefined]],
  ['month: cumulative', () => NOVEMBER.funnel.map((s) => v(s.cumulative)), [1, 4 / 5, 2 / 5, 0]],
  ['month: lost share (none of 5 lost at prospect); "—" where nobody reached', () => NOVEMBER.funnel.map((s) => v(s.lostShare)), [0, 1 / 4, 1 / 2, null]],
  ['month: median days (P 2 2 2 1, Q 6 3 1, Pr 3)', () => NOVEMBER.funnel.map((s) => v(s.medianDays)), [2, 3, 3, null]],
  ['month: p80 days', () => NOVEMBER.funnel.map((s) => v(s.p80Days)), [2, 6, 3, null]],
  ['month: zero wins: win rate 0', () => v(NOVEMBER.outcomes.winRate), 0],
  ['month: zero wins: no average or median deal', () => [v(NOVEMBER.outcomes.averageDeal), v(NOVEMBER.outcomes.medianDeal)], [null, null]],
  [
    'month: zero wins: no cycle',
    () => [NOVEMBER.cycle.won, v(NOVEMBER.cycle.medianDays), v(NOVEMBER.cycle.p80Days), v(NOVEMBER.cycle.averageDays)],
    [0, null, null, null],
  ],
  ['month: zero wins: no velocity', () => v(NOVEMBER.outcomes.salesVelocity), null],
  ['month: weighted pipeline', () => v(NOVEMBER.outcomes.weightedPipeline), 10_100],
  ['month: one point of trend', () => NOVEMBER.trend!.map((p) => p.month), ['2026-11']],
  // A month without leads: every ratio divides by zero.
  ['empty month: leads', () => EMPTY_MONTH.leads, 0],
  [
    'empty month: conversions',
    () => EMPTY_MONTH.funnel.flatMap((s) => [v(s.conversionToNext), v(s.cumulative), v(s.lostShare)]),
    [null, null, null, null, null, null, null, null, null, undefined, null, null],
  ],
  [
    'empty month: outcomes',
    () => Object.values(EMPTY_MONTH.outcomes).map((m) => (typeof m === 'number' ? m : m.value)),
    [0, 0, 0, null, null, null, null, null],
  ],
  ['empty month: stale counts all open leads now, unfiltered', () => EMPTY_MONTH.funnel.map((s) => s.stale), [1, 0, 1, 0]],
  // Source filter (all time): a, b, g.
  ['linkedin: reached', () => LINKEDIN.funnel.map((s) => s.reached), [3, 3, 3, 2]],
  ['linkedin: win rate', () => v(LINKEDIN.outcomes.winRate), 2 / 3],
  ['linkedin: trend is linkedin only', () => LINKEDIN.trend!.map((p) => p.leads), [2, 1]],
  ['linkedin: sources still compare every source', () => LINKEDIN.sources!.map((s) => s.leads), [3, 2, 2, 0, 0, 0, 1]],
  // Tag filter: all time whatever the period; b (won, 5,000, 43 d) and e (open in proposal, 20,000).
  ['tag: scope', () => Q4_TAG.scope, { months: null, source: null, tag: 'q4', periodApplied: false }],
  ['tag: reached', () => Q4_TAG.funnel.map((s) => s.reached), [2, 2, 2, 1]],
  ['tag: win rate', () => v(Q4_TAG.outcomes.winRate), 1 / (1 + 0)],
  ['tag: average deal', () => v(Q4_TAG.outcomes.averageDeal), 5_000],
  ['tag: weighted pipeline', () => v(Q4_TAG.outcomes.weightedPipeline), 20_000 * 0.5],
  ['tag: velocity = 1 × 5,000 × 1 ÷ 43', () => v(Q4_TAG.outcomes.salesVelocity), (1 * 5_000 * 1) / 43],
  ['tag: no sources, no trend', () => [Q4_TAG.sources, Q4_TAG.trend], [null, null]],
  ['tag without leads: no figures', () => v(ready({ tag: 'nobody' }).outcomes.winRate), null],
  [
    'no leads at all: no trend points and no figures',
    () => {
      const r = ready({}, rebuild([], STAGES));
      return [r.leads, r.trend, v(r.outcomes.winRate), v(r.outcomes.weightedPipeline), v(r.cycle.medianDays), v(r.funnel[0]!.cumulative)];
    },
    [0, [], null, null, null, null],
  ],
  [
    'tags in use, most used first',
    () => trackedTags(AGG),
    [
      { tag: 'enterprise', leads: 2 },
      { tag: 'q4', leads: 2 },
    ],
  ],
];

describe('insights: every figure against hand-computed values', () => {
  it.each(TABLE)('%s', (_, actual, expected) => {
    const got = actual();
    if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 10);
    else if (Array.isArray(expected) && expected.every((e) => typeof e === 'number')) {
      expect((got as number[]).length).toBe(expected.length);
      (got as number[]).forEach((g, i) => expect(g).toBeCloseTo(expected[i] as number, 10));
    } else expect(got).toEqual(expected);
  });

  it('never gives NaN or Infinity, in any scenario', () => {
    const numbers = (x: unknown): number[] => (typeof x === 'number' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(numbers) : []);
    for (const r of [ALL, NOVEMBER, EMPTY_MONTH, LINKEDIN, Q4_TAG, ready({ source: 'event' })]) {
      const all = numbers(r);
      expect(all.length).toBeGreaterThan(50);
      expect(all.filter((n) => !Number.isFinite(n))).toEqual([]);
    }
  });
});

describe('formulas as data', () => {
  const names = (m: Metric) => renderFormula(m.formula, (leaf) => (leaf.kind === 'term' ? leaf.term : `p${leaf.p * 100}(${leaf.of})`));
  const values = (m: Metric) => renderFormula(m.formula, (leaf) => String(leaf.value));

  it('shows each outcome as the formula it was computed by, with its figures', () => {
    const o = ALL.outcomes;
    expect(names(o.winRate)).toBe('won ÷ (won + lost)');
    expect(values(o.winRate)).toBe('2 ÷ (2 + 3)');
    expect(names(o.averageDeal)).toBe('won-value-total ÷ won-with-value');
    expect(values(o.averageDeal)).toBe('17000 ÷ 2');
    expect(names(o.medianDeal)).toBe('p50(won-value)');
    expect(names(o.weightedPipeline)).toBe('open-value × probability + open-value × probability');
    expect(values(o.weightedPipeline)).toBe('1000 × 0.1 + 20000 × 0.5');
    expect(names(o.salesVelocity)).toBe('open-opportunities × average-deal × win-rate ÷ average-cycle-days');
    expect(values(o.salesVelocity)).toBe('2 × 8500 × 0.4 ÷ 31.5');
    expect(values(ALL.cycle.averageDays)).toBe('63 ÷ 2');
    expect(o.weightedPipeline.formula).toMatchObject({
      op: 'add',
      args: [
        {
          args: [
            { term: 'open-value', stage: 'prospect' },
            { term: 'probability', stage: 'prospect' },
          ],
        },
        { args: [{ stage: 'proposal' }, { stage: 'proposal' }] },
      ],
    });
  });

  it('says how many stays a percentile was read from, and of which stage', () => {
    expect(stage(ALL, 'qualified').p80Days.formula).toEqual({ kind: 'percentile', p: 0.8, of: 'days-in-stage', stage: 'qualified', count: 5, value: 10 });
    expect(ALL.cycle.medianDays.unit).toBe('days');
    expect(ALL.outcomes.salesVelocity.unit).toBe('money-per-day');
  });

  it('shows the division behind a "—"', () => {
    expect(values(EMPTY_MONTH.outcomes.winRate)).toBe('0 ÷ (0 + 0)');
    expect(values(NOVEMBER.outcomes.salesVelocity)).toBe('2 × null × 0 ÷ null');
    expect(values(stage(NOVEMBER, 'won').lostShare)).toBe('0 ÷ 0');
  });
});

describe('time from stage history', () => {
  it('runs the cycle to the last win, and counts a stay in won once the lead left it', () => {
    const rewon = journey('w', '2026-10-01', { dealValue: 100 }, [
      ['2026-10-11', { to: 'won' }],
      ['2026-10-15', { to: 'proposal' }],
      ['2026-10-31', { to: 'won' }],
    ]);
    const r = ready({}, rebuild([rewon], STAGES));
    expect(v(r.cycle.averageDays)).toBe(30);
    expect(v(stage(r, 'won').medianDays)).toBe(4);
    expect(r.funnel.map((s) => s.completedStays)).toEqual([1, 0, 1, 1]);
    expect(v(stage(r, 'proposal').medianDays)).toBe(16);
  });

  it('adds nothing for history entries out of time order, and no cycle for a win without a recorded move', () => {
    const odd = makeLead({
      id: 'odd',
      stage: 'won',
      reached: ['prospect', 'qualified', 'proposal', 'won'],
      createdAt: '2026-10-01T09:00:00.000Z',
      stageHistory: [
        { from: null, to: 'prospect', at: '2026-10-01T09:00:00.000Z' },
        { from: 'prospect', to: 'qualified', at: '2026-09-20T09:00:00.000Z' },
      ],
    });
    const r = ready({}, rebuild([odd], STAGES));
    expect(r.funnel.map((s) => s.completedStays)).toEqual([0, 0, 0, 0]);
    expect([r.outcomes.won, r.cycle.won, v(r.cycle.averageDays)]).toEqual([1, 0, null]);
  });
});

describe('periods', () => {
  it('lists the cohort months of this month, quarter, year, a range, or all time', () => {
    expect(periodMonths('month', TODAY)).toEqual(['2026-11']);
    expect(periodMonths('quarter', TODAY)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodMonths('quarter', '2026-01-31')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodMonths('year', TODAY)).toHaveLength(12);
    expect(periodMonths({ from: '2025-11', to: '2026-02' }, TODAY)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodMonths('all', TODAY)).toBeNull();
  });

  it('refuses a range that ends before it starts or is not made of months', () => {
    expect(() => periodMonths({ from: '2026-11', to: '2026-10' }, TODAY)).toThrow(RangeError);
    expect(() => periodMonths({ from: '2026-13', to: '2027-01' }, TODAY)).toThrow(/YYYY-MM/);
  });

  it('counts the same leads as the popup for this month and this quarter', () => {
    for (const today of [TODAY, '2026-10-03', '2026-12-31']) {
      expect(ready({ period: 'month', today }).leads).toBe(sliceFor(AGG, 'month', today).total);
      expect(ready({ period: 'quarter', today }).leads).toBe(sliceFor(AGG, 'quarter', today).total);
    }
  });

  it('reads a custom range and a year, and leaves future months out of the trend', () => {
    const october = ready({ period: { from: '2026-10', to: '2026-10' } });
    expect([october.leads, v(october.outcomes.winRate)]).toEqual([3, 2 / 3]);
    const year = ready({ period: 'year' });
    expect(year.leads).toBe(8);
    expect(year.trend!.map((p) => p.month).at(-1)).toBe('2026-11');
  });

  it('refuses a source and a tag together', () => {
    expect(() => insights(AGG, STAGES, { period: 'all', today: TODAY, source: 'gmail', tag: 'q4' })).toThrow(/source or by a tag/);
  });

  it('asks for a rebuild when the aggregates were kept for other stages', () => {
    const renamed = STAGES.map((s, i) => (i === 1 ? { ...s, id: 'sql' } : s));
    expect(insights(AGG, renamed, { period: 'all', today: TODAY })).toEqual({ status: 'stages-changed' });
  });
});

describe('bounded distributions', () => {
  it('reads days back exactly up to 30, then within 5.2 %', () => {
    for (let d = 0; d <= 30; d++) expect(bucketDays(dayBucket(d + 0.99))).toBe(d);
    let worst = 0;
    for (let d = 31; d < 3968; d++) worst = Math.max(worst, Math.abs(bucketDays(dayBucket(d)) - d) / d);
    expect(worst).toBeGreaterThan(0.05);
    expect(worst).toBeLessThanOrEqual(0.052);
    expect(bucketDays(dayBucket(20_000))).toBe(3968);
    expect(DAY_BUCKET_FLOORS).toHaveLength(88);
  });

  it('reads a deal value percentile as the mean of its bucket: exact for deals at one price', () => {
    const values = (...xs: number[]) => {
      const h: number[] = [];
      for (const x of xs) bumpValues(h, x, 1);
      return h;
    };
    // 5,000 and 5,050 share a bucket (4.4 % wide); 12,500 and 12,345.67 do not share one with them.
    expect(valueBucket(5_050)).toBe(valueBucket(5_000));
    expect(valuesPercentile(values(12_500, 5_000, 12_500, 12_500), 0.5)).toBe(12_500);
    expect(valuesPercentile(values(5_000, 5_050, 9_000), 0.5)).toBe(5_025);
    expect(valuesPercentile(values(0.5, 0.25, 1_234.56), 0.5)).toBe(0.375);
    expect(valuesPercentile(values(12_345.67), 0.5)).toBe(12_345.67);
    expect(valuesPercentile([], 0.5)).toBeNull();
    // Removing a value gives back exactly the histogram without it; the last one leaves nothing.
    const h = values(1_234.56, 1_234.56);
    bumpValues(h, 1_234.56, -1);
    expect(h).toEqual(values(1_234.56));
    bumpValues(h, 1_234.56, -1);
    expect(h).toEqual([]);
  });

  it('folds lost reasons and keeps at most a few per stage; the rest is "other"', () => {
    expect(foldReason('  Went   with\tA COMPETITOR ')).toBe('went with a competitor');
    expect(foldReason('x'.repeat(300))).toHaveLength(80);
    expect(Array.from(foldReason('😀'.repeat(100)))).toEqual(Array.from('😀'.repeat(80)));
    const reasons = ['Price', 'price ', 'Timing', 'No budget', 'Ghosted', 'Wrong contact', 'Hired in-house', 'Project cancelled'];
    const lost = reasons.map((reason, i) => journey(`r${i}`, '2026-11-02', {}, [['2026-11-03', { to: 'lost', reason }]]));
    const r = ready({}, rebuild(lost, STAGES));
    const prospect = stage(r, 'prospect');
    expect(prospect.lost).toBe(8);
    expect(prospect.lostReasons).toEqual([
      { reason: 'price', count: 2 },
      { reason: 'ghosted', count: 1 },
      { reason: 'no budget', count: 1 },
    ]);
    // Kept: price 2, timing, no budget, ghosted (MAX_REASONS = 4); three more are "other".
    expect(MAX_REASONS).toBe(4);
    expect(prospect.otherReasons).toBe(8 - 4);
  });

  it('keeps per-tag figures for at most MAX_TRACKED_TAGS tags, and says so beyond', () => {
    const tagged = Array.from({ length: MAX_TRACKED_TAGS + 1 }, (_, i) => journey(`t${i}`, '2026-11-02', { tags: [`tag ${i}`] }));
    const within = rebuild(tagged.slice(0, MAX_TRACKED_TAGS), STAGES);
    expect(trackedTags(within)).toHaveLength(MAX_TRACKED_TAGS);
    expect(ready({ tag: 'tag 0' }, within).leads).toBe(1);
    const beyond = rebuild(tagged, STAGES);
    expect(trackedTags(beyond)).toBeNull();
    expect(insights(beyond, STAGES, { period: 'all', today: TODAY, tag: 'tag 0' })).toEqual({ status: 'tag-untracked', tag: 'tag 0' });
    // Everything else is still there.
    expect(ready({}, beyond).leads).toBe(MAX_TRACKED_TAGS + 1);
    // Once let go, tags stay untracked until a rebuild: deleting a lead cannot bring their history back.
    applyChange(beyond, tagged[0], undefined, STAGES);
    expect(beyond.insights.tags).toBeNull();
    expect(rebuild(tagged.slice(1), STAGES).insights.tags).not.toBeNull();
  });
});

describe('incremental aggregates equal a rebuild', () => {
  /** A small seeded generator (mulberry32), so a failure can be replayed. */
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const SOURCES = ['linkedin', 'gmail', 'referral', 'event', 'inbound', 'import', 'manual'] as const;
  // Four reasons (with case and space variants folding to them) stay within MAX_REASONS, where kept counts are exact.
  const REASONS = ['No budget', 'no  budget', 'Timing', 'TIMING ', 'Competitor', 'Not a fit'];
  const TAGS = ['vip', 'q4', 'enterprise', 'partner'];
  const VALUES = [null, 500, 1_000, 12_500, 1_234.56, 0];

  it('keeps deal value sums exact as leads come and go: nothing like 1e-13 is left behind', () => {
    const agg = rebuild([], STAGES);
    const a = journey('m1', '2026-11-02', { dealValue: 1_234.56 });
    const b = journey('m2', '2026-11-02', { dealValue: 0.1 });
    applyChange(agg, undefined, a, STAGES);
    applyChange(agg, undefined, b, STAGES);
    applyChange(agg, a, undefined, STAGES);
    // 1,234.56 + 0.1 − 1,234.56 is 0.10000000000002274 in floating point.
    expect(agg.value).toEqual({ prospect: 0.1 });
    expect(agg).toEqual(rebuild([b], STAGES));
    applyChange(agg, b, undefined, STAGES);
    expect(agg).toEqual(rebuild([], STAGES));
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`after 400 random creates, moves, losses, wins, parks, edits and deletes (seed ${seed})`, () => {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const leads = new Map<string, Lead>();
      const agg = rebuild([], STAGES);
      let clock = Date.parse('2025-12-01T08:00:00.000Z');
      let next = 0;
      const seen = new Set<string>();
      for (let step = 0; step < 400; step++) {
        clock += Math.floor(rnd() * 9 * 86_400_000);
        const now = new Date(clock);
        const existing = [...leads.values()];
        const op = existing.length === 0 ? 0 : Math.floor(rnd() * 7);
        let before: Lead | undefined;
        let after: Lead | undefined;
        if (op === 0) {
          after = makeLead({
            id: `p${next++}`,
            linkedinUrl: null,
            createdAt: now.toISOString(),
            source: pick(SOURCES),
            dealValue: pick(VALUES),
            tags: TAGS.filter(() => rnd() < 0.3),
          });
        } else {
          before = pick(existing);
          if (op === 1) after = moveLead(before, { to: pick(STAGES).id }, now, STAGES);
          else if (op === 2) after = moveLead(before, { to: 'lost', reason: pick(REASONS) }, now, STAGES);
          else if (op === 3) after = moveLead(before, { to: 'won' }, now, STAGES);
          else if (op === 4) after = moveLead(before, { to: 'later', reengageOn: '2027-01-01' }, now, STAGES);
          else if (op === 5) after = { ...before, dealValue: pick(VALUES), tags: TAGS.filter(() => rnd() < 0.3), updatedAt: now.toISOString() };
          // op 6: delete
        }
        applyChange(agg, before, after, STAGES);
        if (after) leads.set(after.id, after);
        else if (before) leads.delete(before.id);
        if (step % 25 === 24) {
          expect(agg).toEqual(rebuild(leads.values(), STAGES));
          const all = ready({ today: '2030-01-01' }, agg);
          if (all.outcomes.won > 0) seen.add('won');
          if (all.outcomes.lost > 0) seen.add('lost');
          if (all.cycle.won > 0) seen.add('cycle');
          if (all.funnel.some((s) => s.completedStays > 0)) seen.add('stays');
          if (all.funnel.some((s) => s.lostReasons.length > 0)) seen.add('reasons');
          if (all.outcomes.weightedPipeline.value !== null) seen.add('pipeline');
          if (trackedTags(agg)!.length > 0) seen.add('tags');
        }
      }
      expect(agg).toEqual(rebuild(leads.values(), STAGES));
      // The run exercised what it claims to.
      expect([...seen].sort()).toEqual(['cycle', 'lost', 'pipeline', 'reasons', 'stays', 'tags', 'won']);
      // Deleting every lead leaves nothing behind.
      for (const lead of leads.values()) applyChange(agg, lead, undefined, STAGES);
      expect(agg).toEqual(rebuild([], STAGES));
    });
  }
});
