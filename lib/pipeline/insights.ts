/**
 * The Insights view's figures, from the kept aggregates alone (never by scanning leads): the funnel
 * with conversion and leakage, time in stage and the sales cycle, outcomes, lead sources, and the
 * same headline figures month by month. Pure.
 *
 * Periods select creation-month cohorts, as the popup's period filter does: "this quarter" means
 * the leads created this quarter, with everything that happened to them since. A tag filter reads
 * the tag's all-time slice (tags are kept all time only, see insight-slices.ts), so with a tag the
 * period is not applied and there are no sources and no trend. Stale counts are of all open leads
 * now, whatever the period or filter: the kept last-activity days are not split by cohort.
 *
 * Every ratio, average and percentile is a Metric: its value and the formula it came from. Dividing
 * by zero and empty distributions give null (shown as "—"), never NaN or Infinity.
 */
import type { Aggregates, AggregatesWithInsights } from './aggregates';
import { LEAD_SOURCES } from './constants';
import { add, div, metric, mul, term, type Metric, type Percentile } from './formula';
import { histogramCount, histogramPercentile, valuesPercentile } from './histogram';
import { addSlice, emptySlice, type InsightSlice, type InsightsKept } from './insight-slices';
import type { LeadSource, StageDef } from './model';
import { dayMinus } from './stages';

/** A period of creation months: this month, quarter or year (of `today`), all time, or a month range. */
export type InsightsPeriod = 'month' | 'quarter' | 'year' | 'all' | { from: string; to: string };

export interface InsightsOptions {
  period: InsightsPeriod;
  /** The user's local day, YYYY-MM-DD. */
  today: string;
  /** Only leads from this source (not together with `tag`). */
  source?: LeadSource | null;
  /** Only leads with this tag, all time (not together with `source`). */
  tag?: string | null;
}

/** Lost reasons listed per stage. */
export const TOP_REASONS = 3;

export interface LostReason {
  /** Folded text (lower case, single spaces). */
  reason: string;
  count: number;
}

/** One funnel stage of the Insights view. */
export interface StageInsight {
  stage: string;
  /** Leads that reached the stage. */
  reached: number;
  /** Leads in the stage now. */
  open: number;
  /** reached(next) ÷ reached(this); null for the last stage. */
  conversionToNext: Metric | null;
  /** reached(this) ÷ reached(first stage). */
  cumulative: Metric;
  /** Leads lost at this stage, and lost ÷ reached. */
  lost: number;
  lostShare: Metric;
  /** The most common lost reasons here (at most TOP_REASONS), most frequent first. */
  lostReasons: LostReason[];
  /** Lost here for another reason than those listed. */
  otherReasons: number;
  /** Stays in this stage that ended (the lead moved on, back, was lost or parked). */
  completedStays: number;
  medianDays: Metric;
  p80Days: Metric;
  /** Open leads in this stage now without activity for longer than its rotting days (all leads, unfiltered). */
  stale: number;
}

/** Capture → won, over won leads with a recorded move into the won stage. */
export interface CycleInsight {
  /** Won leads the cycle figures are read from. */
  won: number;
  medianDays: Metric;
  p80Days: Metric;
  averageDays: Metric;
}

export interface Outcomes {
  won: number;
  lost: number;
  /** Open leads not yet won (parked leads excluded). */
  openOpportunities: number;
  winRate: Metric;
  averageDeal: Metric;
  medianDeal: Metric;
  weightedPipeline: Metric;
  /** Expected won value per day: open opportunities × average deal × win rate ÷ average cycle days. */
  salesVelocity: Metric;
}

export interface SourceInsight {
  source: LeadSource;
  leads: number;
  /** Per stage, in funnel order: leads of this source that reached it, and reached ÷ leads. */
  reached: number[];
  conversion: Metric[];
  winRate: Metric;
}

export interface TrendPoint {
  /** YYYY-MM: the cohort of leads created that month. */
  month: string;
  leads: number;
  /** Per stage, in funnel order. */
  reached: number[];
  /** reached(won stage) ÷ reached(first stage). */
  conversionToWon: Metric;
  cycle: CycleInsight;
  outcomes: Outcomes;
}

export interface InsightsReady {
  status: 'ready';
  scope: {
    /** The cohort months read, oldest first; null for all time. */
    months: string[] | null;
    source: LeadSource | null;
    tag: string | null;
    /** False when a tag filter made the figures all-time whatever the period. */
    periodApplied: boolean;
  };
  leads: number;
  funnel: StageInsight[];
  cycle: CycleInsight;
  outcomes: Outcomes;
  /** Every lead source over the period (whatever the source filter); null with a tag filter. */
  sources: SourceInsight[] | null;
  /** One point per month of the period (months after today's left out); null with a tag filter. */
  trend: TrendPoint[] | null;
}

export type Insights =
  | InsightsReady
  /** More distinct tags than the aggregates keep: per-tag figures are not available. */
  | { status: 'tag-untracked'; tag: string }
  /** The aggregates were kept for other stages: rebuild them (`aggregates.rebuild`). */
  | { status: 'stages-changed' };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let key = from; key <= to; key = `${y}-${String(m).padStart(2, '0')}`) {
    months.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/** The creation months of a period, oldest first, or null for all time. Throws on a malformed range. */
export function periodMonths(period: InsightsPeriod, today: string): string[] | null {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (period === 'all') return null;
  if (period === 'month') return [today.slice(0, 7)];
  if (period === 'year') return monthRange(`${year}-01`, `${year}-12`);
  if (period === 'quarter') {
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    return monthRange(`${year}-${String(first).padStart(2, '0')}`, `${year}-${String(first + 2).padStart(2, '0')}`);
  }
  if (!MONTH.test(period.from) || !MONTH.test(period.to)) throw new RangeError('A month range needs months as YYYY-MM.');
  if (period.from > period.to) throw new RangeError('A month range must start before it ends.');
  return monthRange(period.from, period.to);
}

/** Tags with their lead counts, most used first; null when there are too many to keep. */
export function trackedTags(agg: Pick<AggregatesWithInsights, 'insights'>): { tag: string; leads: number }[] | null {
  const tags = agg.insights.tags;
  if (tags === null) return null;
  return Object.entries(tags)
    .map(([tag, s]) => ({ tag, leads: s.leads }))
    .sort((a, b) => b.leads - a.leads || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/** The groups of a period, summed once: per source (for the Sources table) and per month (for the trend, only `source`'s). */
function gather(kept: InsightsKept, months: string[] | null, source: LeadSource | null) {
  const n = kept.stageIds.length;
  const inPeriod = months === null ? null : new Set(months);
  const bySource = new Map<string, InsightSlice>(LEAD_SOURCES.map((s) => [s, emptySlice(n)]));
  const byMonth = new Map<string, InsightSlice>();
  for (const [key, slice] of Object.entries(kept.groups)) {
    const [month, from] = key.split('|') as [string, string];
    if (inPeriod && !inPeriod.has(month)) continue;
    const sourceSlice = bySource.get(from) ?? bySource.set(from, emptySlice(n)).get(from)!;
    addSlice(sourceSlice, slice);
    if (source !== null && from !== source) continue;
    const monthSlice = byMonth.get(month) ?? byMonth.set(month, emptySlice(n)).get(month)!;
    addSlice(monthSlice, slice);
  }
  const total = emptySlice(n);
  for (const [from, slice] of bySource) if (source === null || from === source) addSlice(total, slice);
  return { total, bySource, byMonth };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function percentile(p: number, of: Percentile['of'], count: number, value: number | null, stage?: string): Percentile {
  const base = { kind: 'percentile' as const, p, of, count, value };
  return stage === undefined ? base : { ...base, stage };
}

function winRateOf(slice: InsightSlice): Metric {
  const won = term('won', slice.open.at(-1) ?? 0);
  const lost = term('lost', sum(slice.lost) + slice.lostElsewhere);
  return metric('ratio', div(won, add(won, lost)));
}

function cycleOf(slice: InsightSlice): CycleInsight {
  const n = histogramCount(slice.cycleDays);
  return {
    won: slice.cycles,
    medianDays: metric('days', percentile(0.5, 'cycle-days', n, histogramPercentile(slice.cycleDays, 0.5))),
    p80Days: metric('days', percentile(0.8, 'cycle-days', n, histogramPercentile(slice.cycleDays, 0.8))),
    averageDays: metric('days', div(term('cycle-days-total', slice.cycleMinutes / 1440), term('won-with-cycle', slice.cycles))),
  };
}

function outcomesOf(slice: InsightSlice, stages: StageDef[], cycle: CycleInsight): Outcomes {
  const w = stages.length - 1;
  const wonId = stages[w]!.id;
  const won = slice.open[w] ?? 0;
  const lost = sum(slice.lost) + slice.lostElsewhere;
  const openOpportunities = sum(slice.open.slice(0, w));
  const winRate = winRateOf(slice);
  const averageDeal = metric('money', div(term('won-value-total', (slice.milli[w] ?? 0) / 1000, wonId), term('won-with-value', slice.valued[w] ?? 0, wonId)));
  const wonValued = slice.valued[w] ?? 0;
  const weighted = stages
    .slice(0, w)
    .flatMap((s, i) =>
      (slice.valued[i] ?? 0) > 0 ? [mul(term('open-value', (slice.milli[i] ?? 0) / 1000, s.id), term('probability', s.probability, s.id))] : [],
    );
  return {
    won,
    lost,
    openOpportunities,
    winRate,
    averageDeal,
    medianDeal: metric('money', percentile(0.5, 'won-value', wonValued, valuesPercentile(slice.wonValues, 0.5))),
    // Σ over open stages with a valued lead; with none the pipeline's value is unknown ("—"), not 0.
    weightedPipeline: metric('money', add(...weighted)),
    salesVelocity: metric(
      'money-per-day',
      div(
        mul(term('open-opportunities', openOpportunities), term('average-deal', averageDeal.value), term('win-rate', winRate.value)),
        term('average-cycle-days', cycle.averageDays.value),
      ),
    ),
  };
}

function staleByStage(agg: Pick<Aggregates, 'lastActivity'>, stages: StageDef[], today: string): number[] {
  const counts = stages.map(() => 0);
  // Last activity before this day means rotting, per stage (as staleCount in aggregates.ts).
  const before = new Map(stages.map((s, i) => [s.id, { i, day: dayMinus(today, s.rottingDays) }]));
  for (const [key, n] of Object.entries(agg.lastActivity)) {
    const [stageId, day] = key.split('|') as [string, string];
    const stage = before.get(stageId);
    if (stage && day < stage.day) counts[stage.i]! += n;
  }
  return counts;
}

function funnelOf(slice: InsightSlice, stages: StageDef[], stale: number[]): StageInsight[] {
  const first = term('reached', slice.reached[0] ?? 0, stages[0]!.id);
  return stages.map((stage, i) => {
    const reached = term('reached', slice.reached[i] ?? 0, stage.id);
    const next = stages[i + 1];
    const lost = slice.lost[i] ?? 0;
    const reasons = Object.entries(slice.reasons[i] ?? {})
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
      .slice(0, TOP_REASONS);
    const stays = slice.stays[i] ?? [];
    const completed = histogramCount(stays);
    return {
      stage: stage.id,
      reached: slice.reached[i] ?? 0,
      open: slice.open[i] ?? 0,
      conversionToNext: next ? metric('ratio', div(term('reached', slice.reached[i + 1] ?? 0, next.id), reached)) : null,
      cumulative: metric('ratio', div(reached, first)),
      lost,
      lostShare: metric('ratio', div(term('lost', lost, stage.id), reached)),
      lostReasons: reasons,
      otherReasons: lost - sum(reasons.map((r) => r.count)),
      completedStays: completed,
      medianDays: metric('days', percentile(0.5, 'days-in-stage', completed, histogramPercentile(stays, 0.5), stage.id)),
      p80Days: metric('days', percentile(0.8, 'days-in-stage', completed, histogramPercentile(stays, 0.8), stage.id)),
      stale: stale[i] ?? 0,
    };
  });
}

function sourceOf(slice: InsightSlice, source: LeadSource, stages: StageDef[]): SourceInsight {
  const leads = term('leads', slice.leads);
  return {
    source,
    leads: slice.leads,
    reached: stages.map((_, i) => slice.reached[i] ?? 0),
    conversion: stages.map((s, i) => metric('ratio', div(term('reached', slice.reached[i] ?? 0, s.id), leads))),
    winRate: winRateOf(slice),
  };
}

function trendOf(byMonth: Map<string, InsightSlice>, months: string[] | null, today: string, stages: StageDef[]): TrendPoint[] {
  const thisMonth = today.slice(0, 7);
  let span = months;
  if (span === null) {
    const present = [...byMonth.keys()].sort();
    const [oldest, newest] = [present[0], present.at(-1)];
    span = oldest === undefined || newest === undefined ? [] : monthRange(oldest, newest > thisMonth ? newest : thisMonth);
  } else {
    span = span.filter((m) => m <= thisMonth);
  }
  const w = stages.length - 1;
  return span.map((month) => {
    const slice = byMonth.get(month) ?? emptySlice(stages.length);
    const cycle = cycleOf(slice);
    return {
      month,
      leads: slice.leads,
      reached: stages.map((_, i) => slice.reached[i] ?? 0),
      conversionToWon: metric('ratio', div(term('reached', slice.reached[w] ?? 0, stages[w]!.id), term('reached', slice.reached[0] ?? 0, stages[0]!.id))),
      cycle,
      outcomes: outcomesOf(slice, stages, cycle),
    };
  });
}

/** The Insights view's figures for a period and an optional source or tag, from the aggregates. */
export function insights(agg: Pick<AggregatesWithInsights, 'insights' | 'lastActivity'>, stages: StageDef[], options: InsightsOptions): Insights {
  const { period, today } = options;
  const source = options.source ?? null;
  const tag = options.tag ?? null;
  if (source !== null && tag !== null) throw new RangeError('Filter insights by a source or by a tag, not both.');
  const kept = agg.insights;
  if (kept.stageIds.length !== stages.length || kept.stageIds.some((id, i) => id !== stages[i]!.id)) return { status: 'stages-changed' };
  const months = periodMonths(period, today);
  let slice: InsightSlice;
  let gathered: ReturnType<typeof gather> | null = null;
  if (tag !== null) {
    if (kept.tags === null) return { status: 'tag-untracked', tag };
    slice = kept.tags[tag] ?? emptySlice(stages.length);
  } else {
    gathered = gather(kept, months, source);
    slice = gathered.total;
  }
  const cycle = cycleOf(slice);
  return {
    status: 'ready',
    scope: { months: tag === null ? months : null, source, tag, periodApplied: tag === null || months === null },
    leads: slice.leads,
    funnel: funnelOf(slice, stages, staleByStage(agg, stages, today)),
    cycle,
    outcomes: outcomesOf(slice, stages, cycle),
    sources: gathered ? LEAD_SOURCES.map((s) => sourceOf(gathered.bySource.get(s)!, s, stages)) : null,
    trend: gathered ? trendOf(gathered.byMonth, months, today, stages) : null,
  };
}
