/**
 * Funnel aggregates the popup and the Insights view read without scanning leads. Each lead
 * contributes a fixed set of counters; a write subtracts the old lead's contribution and adds the
 * new one's in the same transaction, and `rebuild` folds all leads from scratch (the repair path).
 * The Insights view's slices (insight-slices.ts) are kept beside the popup's figures, not inside
 * them: they are several times larger, and the popup, which opens on every click of the toolbar
 * button, never reads them (lib/db/aggregates-store.ts stores them as records of their own).
 */
import { LATER, LOST } from './constants';
import type { Lead } from './model';
import { dayMinus, isClosedOrParked } from './stages';
import type { StageDef } from './model';
import { applyInsights, emptyInsightsKept, type InsightsKept } from './insight-slices';

type Counts = Record<string, number>;

/** The funnel figures of one group of leads. */
export interface FunnelSlice {
  total: number;
  /** Leads in each funnel stage now (won included). */
  open: Counts;
  /** Leads that reached each funnel stage. */
  reached: Counts;
  /** Lost leads by the stage they leaked from. */
  lostFrom: Counts;
}

/**
 * 3: `insights` added (the Insights view's slices). 4: `insights` moved out to records of their own.
 * Older records are rebuilt on read.
 */
export const AGGREGATES_VERSION = 4;

export interface Aggregates {
  key: 'aggregates';
  version: typeof AGGREGATES_VERSION;
  total: number;
  /** Leads sitting in each funnel stage now (won included). */
  open: Counts;
  /** Leads that ever reached each funnel stage (lost and parked leads included). */
  reached: Counts;
  /** Lost leads by the stage they leaked from. */
  lostFrom: Counts;
  later: number;
  /** Temperature split of open leads. */
  temperature: Counts;
  /** Open (not won, lost or parked) leads by next follow-up day. */
  followUpOn: Counts;
  /** Open leads by `stage|YYYY-MM-DD` of their last activity, for the rotting count. */
  lastActivity: Counts;
  /** Sum of deal values of leads in each stage, and how many had one. */
  value: Counts;
  valued: Counts;
  /** The same funnel figures per creation month (YYYY-MM), for the period filter. */
  cohorts: Record<string, FunnelSlice>;
}

/** The aggregates with the Insights view's slices (per creation month × source and per tag), as a rebuild folds them. */
export interface AggregatesWithInsights extends Aggregates {
  insights: InsightsKept;
}

/** Aggregates of no leads. */
export function emptyAggregates(): Aggregates {
  return {
    key: 'aggregates',
    version: AGGREGATES_VERSION,
    total: 0,
    open: {},
    reached: {},
    lostFrom: {},
    later: 0,
    temperature: {},
    followUpOn: {},
    lastActivity: {},
    value: {},
    valued: {},
    cohorts: {},
  };
}

/** The day of a lead's last activity: last contact, last stage change, or capture. */
export function lastActivityDay(lead: Lead): string {
  const times = [lead.createdAt, lead.lastTouchAt, lead.stageHistory.at(-1)?.at].filter((t): t is string => !!t);
  return times.sort().at(-1)!.slice(0, 10);
}

function bump(counts: Counts, key: string, delta: number, round = (n: number) => n) {
  const next = round((counts[key] ?? 0) + delta);
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

/**
 * Money sums are kept on a grid of thousandths (no currency has more minor digits in CLDR 48, as
 * `Intl.NumberFormat` reports them): adding and later subtracting 1,234.56 must give back exactly
 * what a rebuild gives, not 1e-13, and must leave no key behind once the last lead goes.
 */
const toThousandths = (n: number) => Math.round(n * 1000) / 1000;

function applySlice(slice: FunnelSlice, lead: Lead, sign: 1 | -1): void {
  slice.total += sign;
  for (const id of lead.reached) bump(slice.reached, id, sign);
  if (lead.stage === LOST) bump(slice.lostFrom, lead.lost?.from ?? 'unknown', sign);
  else if (lead.stage !== LATER) bump(slice.open, lead.stage, sign);
}

/** Adds (sign 1) or removes (sign -1) one lead's contribution; with `insights` present, to the slices too. Mutates `agg`. */
export function applyLead(agg: Aggregates & { insights?: InsightsKept }, lead: Lead, sign: 1 | -1, stages: StageDef[]): void {
  applySlice(agg, lead, sign);
  const month = lead.createdAt.slice(0, 7);
  const cohort = (agg.cohorts[month] ??= { total: 0, open: {}, reached: {}, lostFrom: {} });
  applySlice(cohort, lead, sign);
  if (cohort.total === 0) delete agg.cohorts[month];
  if (agg.insights) applyInsights(agg.insights, lead, sign);
  if (lead.stage === LOST) return;
  if (lead.stage === LATER) {
    agg.later += sign;
    return;
  }
  if (lead.dealValue !== null) {
    bump(agg.value, lead.stage, sign * lead.dealValue, toThousandths);
    bump(agg.valued, lead.stage, sign);
  }
  if (isClosedOrParked(lead, stages)) return;
  if (lead.temperature) bump(agg.temperature, lead.temperature, sign);
  if (lead.nextFollowUpOn) bump(agg.followUpOn, lead.nextFollowUpOn, sign);
  bump(agg.lastActivity, `${lead.stage}|${lastActivityDay(lead)}`, sign);
}

/** True when an open lead had no touchpoint and no stage change for longer than its stage's rotting days. */
export function isStale(lead: Lead, stages: StageDef[], today: string): boolean {
  if (isClosedOrParked(lead, stages)) return false;
  const stage = stages.find((s) => s.id === lead.stage);
  return stage !== undefined && lastActivityDay(lead) < dayMinus(today, stage.rottingDays);
}

/** Open leads that are stale (rotting) on `today`, from the aggregates alone. */
export function staleCount(agg: Aggregates, stages: StageDef[], today: string): number {
  let count = 0;
  for (const [key, n] of Object.entries(agg.lastActivity)) {
    const [stageId, day] = key.split('|') as [string, string];
    const stage = stages.find((s) => s.id === stageId);
    if (stage && day < dayMinus(today, stage.rottingDays)) count += n;
  }
  return count;
}

/** Replaces `before` by `after` (either may be absent for a create or a delete); the insight slices too when `agg` has them. */
export function applyChange(agg: Aggregates & { insights?: InsightsKept }, before: Lead | undefined, after: Lead | undefined, stages: StageDef[]): void {
  if (before) applyLead(agg, before, -1, stages);
  if (after) applyLead(agg, after, 1, stages);
}

/** Folds every lead from scratch: the popup's aggregates. */
export function rebuild(leads: Iterable<Lead>, stages: StageDef[]): Aggregates {
  const agg = emptyAggregates();
  for (const lead of leads) applyLead(agg, lead, 1, stages);
  return agg;
}

/** Folds every lead from scratch, the insight slices included (one pass for both). */
export function rebuildWithInsights(leads: Iterable<Lead>, stages: StageDef[]): AggregatesWithInsights {
  const agg: AggregatesWithInsights = { ...emptyAggregates(), insights: emptyInsightsKept(stages) };
  for (const lead of leads) applyLead(agg, lead, 1, stages);
  return agg;
}

export type Period = 'month' | 'quarter' | 'all';

/** The funnel of leads created this month, this quarter (of `today`, YYYY-MM-DD), or ever. */
export function sliceFor(agg: Aggregates, period: Period, today: string): FunnelSlice {
  if (period === 'all') return agg;
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const months = period === 'month' ? [today.slice(0, 7)] : [0, 1, 2].map((i) => `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1 + i).padStart(2, '0')}`);
  const out: FunnelSlice = { total: 0, open: {}, reached: {}, lostFrom: {} };
  for (const m of months) {
    const c = agg.cohorts[m];
    if (!c) continue;
    out.total += c.total;
    for (const key of ['open', 'reached', 'lostFrom'] as const) for (const [k, v] of Object.entries(c[key])) bump(out[key], k, v);
  }
  return out;
}
