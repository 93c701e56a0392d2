/** What the Insights view is given and gives back (the figures themselves: insights.ts). */
import type { Metric } from './formula';
import type { LeadSource } from './model';

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
