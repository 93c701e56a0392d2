/**
 * The part of the aggregates the Insights view reads: per creation month and lead source, and per
 * tag, the funnel, leakage with lost reasons, time in stage, sales cycle and deal values — kept
 * like the rest of the aggregates (subtract a lead's old contribution, add its new one) so the
 * view never scans leads. Pure.
 *
 * What is kept, and why it stays bounded at 100,000 leads:
 * - One slice per `YYYY-MM|source` group (months × 7 sources at most). The "all sources" figures of
 *   a month are the sum of its groups, so they are not kept twice.
 * - One all-time slice per tag, for at most MAX_TRACKED_TAGS distinct tags. Tags are free text and
 *   per-month per-tag slices would multiply, so a tag filter has no period and no trend. When more
 *   distinct tags appear, per-tag slices are dropped (`tags: null`) and stay dropped until the next
 *   rebuild (settings save or repair), which keeps them again if the tags fit: an incremental update
 *   cannot bring back a tag's history once it was let go.
 * - Within a slice, per stage: counts, deal value sums (integer thousandths of the value, so incremental
 *   updates never drift from a rebuild), a day histogram of completed stays (see histogram.ts) and at most
 *   MAX_REASONS lost reasons. The sales cycle is a minutes sum and a day histogram; won deal values
 *   a value histogram.
 * - Measured (100,000 leads created over 36 months, spread evenly over the 7 sources, every lead
 *   moving through a random number of stages, half of them lost with 15 reasons): 252 group
 *   slices and 20 tag slices, 455 KB as IndexedDB stores it (V8 serialisation), beside 172 KB for
 *   the rest of the aggregates. Stays 29 %, lost reasons 21 %, won values 18 %, counts 8 %.
 * - Per-stage figures are arrays in the order of `stageIds`, not objects keyed by stage id: the
 *   record is cloned on every write, and property names repeated in every slice made up most of
 *   it. Saving settings rebuilds the aggregates, so the order always matches the settings' stages;
 *   `stageIds` lets a reader check that. Stage ids no longer in the settings are left out.
 *
 * Choices a reader of the figures should know:
 * - Time in stage counts completed stays only: from entering a stage to the next stage change
 *   (forward, back, lost or parked). A lead still in a stage adds nothing until it leaves, so the
 *   figures say "how long leads that moved on took", and a stage nobody left has no median. Skipped
 *   stages get no stay. A pair of history entries out of time order adds nothing.
 * - The sales cycle of a won lead runs from its capture (`createdAt`) to its last move into the won
 *   stage; a won lead without such a move in its history has no cycle.
 * - Lost reasons are folded (Unicode NFKC, lower case, runs of white space as one space, at most
 *   80 characters). Each slice keeps the first MAX_REASONS folded reasons per stage it meets; a
 *   lost lead whose reason finds no free place is counted as "other" (lost − Σ kept). Kept counts
 *   are exact as long as no reason ever arrived while all places were taken (so then incremental
 *   updates equal a rebuild), and never more than the truth after that: a freed place is reused,
 *   and a later subtraction of that reason may come off the newer holder.
 * - Deal values are summed whatever their currency, as the popup's weighted pipeline does.
 */
import { LATER, LOST } from './constants';
import type { Lead, StageDef } from './model';
import { addHistogram, addValues, bumpHistogram, bumpValues, dayBucket } from './histogram';
import { DAY_MS } from './time';

type Counts = Record<string, number>;

/** Distinct tags kept with an all-time slice each. */
export const MAX_TRACKED_TAGS = 50;
/** Lost reasons kept per stage of one slice. */
export const MAX_REASONS = 4;
/** Folded lost reasons are cut to this many characters. */
export const REASON_LENGTH = 80;

/** The insight figures of one group of leads. Per-stage arrays follow `InsightsKept.stageIds`. */
export interface InsightSlice {
  leads: number;
  /** Leads that reached each stage (skipped stages count as reached). */
  reached: number[];
  /** Leads in each stage now (for the won stage: won leads). */
  open: number[];
  /** Lost leads by the stage they leaked from. */
  lost: number[];
  /** Lost leads whose stage is not in the funnel (no longer, or never recorded). */
  lostElsewhere: number;
  /** Σ deal value, in integer thousandths, of the leads in each stage now, and how many have one. */
  milli: number[];
  valued: number[];
  /** Completed stays in each stage, as dense day histograms. */
  stays: number[][];
  /** Per stage: folded lost reason → lost leads that gave it (at most MAX_REASONS each). */
  reasons: Counts[];
  /** Sales cycle of won leads: Σ whole minutes, how many, and a day histogram. */
  cycleMinutes: number;
  cycles: number;
  cycleDays: number[];
  /** Deal values of won leads that have one, as a value histogram. */
  wonValues: number[];
}

export interface InsightsKept {
  /** The funnel stage ids the per-stage arrays follow, in order (the last is the won stage). */
  stageIds: string[];
  /** `YYYY-MM|source` (UTC creation month, as the cohorts) → slice. */
  groups: Record<string, InsightSlice>;
  /** Tag → all-time slice; null once more than MAX_TRACKED_TAGS distinct tags were met. */
  tags: Record<string, InsightSlice> | null;
}

/** Insight slices of no leads, for the funnel `stages`. */
export function emptyInsightsKept(stages: StageDef[]): InsightsKept {
  return { stageIds: stages.map((s) => s.id), groups: {}, tags: {} };
}

/** A slice with no leads, for `stageCount` stages. */
export function emptySlice(stageCount: number): InsightSlice {
  const zeros = (): number[] => Array.from({ length: stageCount }, () => 0);
  return {
    leads: 0,
    reached: zeros(),
    open: zeros(),
    lost: zeros(),
    lostElsewhere: 0,
    milli: zeros(),
    valued: zeros(),
    stays: Array.from({ length: stageCount }, () => []),
    reasons: Array.from({ length: stageCount }, () => ({})),
    cycleMinutes: 0,
    cycles: 0,
    cycleDays: [],
    wonValues: [],
  };
}

/** The group key of a lead: its UTC creation month and its source. */
export function groupKey(lead: Pick<Lead, 'createdAt' | 'source'>): string {
  return `${lead.createdAt.slice(0, 7)}|${lead.source}`;
}

/** A lost reason as it is counted: case and white space folded, length bounded. */
export function foldReason(reason: string): string {
  const folded = reason.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  // Cut by code points, not UTF-16 units, so no surrogate pair is split.
  return folded.length <= REASON_LENGTH ? folded : Array.from(folded).slice(0, REASON_LENGTH).join('');
}

/** What one lead adds to a slice (stages as indexes), computed once per apply. */
interface Contribution {
  reached: number[];
  open: number;
  /** Index of the stage it leaked from; -1 when lost elsewhere; null when not lost. */
  lostFrom: number | null;
  reason: string | null;
  milli: number | null;
  /** Stage index, day bucket, stage index, day bucket, … of each completed stay. */
  stays: number[];
  cycleMinutes: number | null;
  wonValue: number | null;
}

function contributionOf(lead: Lead, stageIds: string[]): Contribution {
  const won = stageIds.length - 1;
  const inFunnel = lead.stage !== LOST && lead.stage !== LATER;
  const open = inFunnel ? stageIds.indexOf(lead.stage) : -1;
  const stays: number[] = [];
  const history = lead.stageHistory;
  // Each instant is parsed once: a rebuild walks every history entry of every lead.
  let enteredAt = history.length > 0 ? Date.parse(history[0]!.at) : NaN;
  let wonAt = open === won && history[0]?.to === lead.stage ? enteredAt : NaN;
  for (let i = 0; i + 1 < history.length; i++) {
    const leftAt = Date.parse(history[i + 1]!.at);
    const stage = stageIds.indexOf(history[i]!.to);
    if (stage >= 0 && leftAt >= enteredAt) stays.push(stage, dayBucket((leftAt - enteredAt) / DAY_MS));
    if (open === won && history[i + 1]!.to === lead.stage) wonAt = leftAt;
    enteredAt = leftAt;
  }
  const cycleMs = wonAt - Date.parse(lead.createdAt);
  const reached: number[] = [];
  for (const id of lead.reached) {
    const i = stageIds.indexOf(id);
    if (i >= 0 && !reached.includes(i)) reached.push(i);
  }
  return {
    reached,
    open,
    lostFrom: lead.stage === LOST ? stageIds.indexOf(lead.lost?.from ?? '') : null,
    reason: lead.stage === LOST && lead.lost ? foldReason(lead.lost.reason) : null,
    milli: open >= 0 && lead.dealValue !== null ? Math.round(lead.dealValue * 1000) : null,
    stays,
    // NaN (no move into won recorded) and negative spans fail the test: no cycle.
    cycleMinutes: cycleMs >= 0 ? Math.round(cycleMs / 60_000) : null,
    wonValue: open === won ? lead.dealValue : null,
  };
}

function bumpReason(reasons: Counts, reason: string, sign: 1 | -1): void {
  const kept = reasons[reason];
  if (sign === 1) {
    if (kept !== undefined) reasons[reason] = kept + 1;
    else if (Object.keys(reasons).length < MAX_REASONS) reasons[reason] = 1;
    // else: counted as "other" (the stage's lost count minus its kept reasons).
  } else if (kept !== undefined) {
    if (kept <= 1) delete reasons[reason];
    else reasons[reason] = kept - 1;
  }
}

/** Adds (sign 1) or removes (sign -1) one lead's contribution to a slice. Mutates. */
function applyToSlice(slice: InsightSlice, c: Contribution, sign: 1 | -1): void {
  slice.leads += sign;
  for (const i of c.reached) slice.reached[i]! += sign;
  if (c.open >= 0) {
    slice.open[c.open]! += sign;
    if (c.milli !== null) {
      slice.milli[c.open]! += sign * c.milli;
      slice.valued[c.open]! += sign;
    }
  }
  if (c.lostFrom !== null && c.lostFrom < 0) slice.lostElsewhere += sign;
  else if (c.lostFrom !== null) {
    slice.lost[c.lostFrom]! += sign;
    if (c.reason !== null) bumpReason(slice.reasons[c.lostFrom]!, c.reason, sign);
  }
  for (let i = 0; i < c.stays.length; i += 2) bumpHistogram(slice.stays[c.stays[i]!]!, c.stays[i + 1]!, sign);
  if (c.cycleMinutes !== null) {
    slice.cycleMinutes += sign * c.cycleMinutes;
    slice.cycles += sign;
    bumpHistogram(slice.cycleDays, dayBucket(c.cycleMinutes / 1440), sign);
  }
  if (c.wonValue !== null) bumpValues(slice.wonValues, c.wonValue, sign);
}

/** Adds (sign 1) or removes (sign -1) one lead's contribution to the insight slices. Mutates `kept`. */
export function applyInsights(kept: InsightsKept, lead: Lead, sign: 1 | -1): void {
  const c = contributionOf(lead, kept.stageIds);
  const n = kept.stageIds.length;
  const key = groupKey(lead);
  const group = (kept.groups[key] ??= emptySlice(n));
  applyToSlice(group, c, sign);
  if (group.leads === 0) delete kept.groups[key];
  for (const tag of new Set(lead.tags)) {
    if (kept.tags === null) return;
    let slice = kept.tags[tag];
    if (!slice) {
      // While tags are kept every kept lead's tags have a slice, so only an addition lands here.
      if (sign === -1) continue;
      if (Object.keys(kept.tags).length >= MAX_TRACKED_TAGS) {
        kept.tags = null;
        return;
      }
      slice = kept.tags[tag] = emptySlice(n);
    }
    applyToSlice(slice, c, sign);
    if (slice.leads === 0) delete kept.tags[tag];
  }
}

/** Adds every figure of `from` into `into` (lost reasons by folded text). Mutates `into`. */
export function addSlice(into: InsightSlice, from: InsightSlice): void {
  into.leads += from.leads;
  into.lostElsewhere += from.lostElsewhere;
  into.cycleMinutes += from.cycleMinutes;
  into.cycles += from.cycles;
  addHistogram(into.cycleDays, from.cycleDays);
  addValues(into.wonValues, from.wonValues);
  for (const key of ['reached', 'open', 'lost', 'milli', 'valued'] as const) from[key].forEach((v, i) => (into[key][i]! += v));
  from.stays.forEach((h, i) => addHistogram(into.stays[i]!, h));
  from.reasons.forEach((counts, i) => {
    const to = into.reasons[i]!;
    for (const [reason, n] of Object.entries(counts)) to[reason] = (to[reason] ?? 0) + n;
  });
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * True when two versions of a lead contribute the same to the insight slices: everything the slices
 * read (group, tags, stage and its history, the leak, the deal value) is equal. Most writes (a
 * logged touchpoint, a temperature, a note, a follow-up date) change none of it, so they need not
 * load the slices at all.
 */
export function sameInsightInputs(a: Lead | undefined, b: Lead | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.stage === b.stage &&
    a.createdAt === b.createdAt &&
    a.source === b.source &&
    a.dealValue === b.dealValue &&
    a.lost?.from === b.lost?.from &&
    a.lost?.reason === b.lost?.reason &&
    sameList(a.reached, b.reached) &&
    sameList(a.tags, b.tags) &&
    a.stageHistory.length === b.stageHistory.length &&
    a.stageHistory.every((h, i) => h.to === b.stageHistory[i]!.to && h.at === b.stageHistory[i]!.at)
  );
}
