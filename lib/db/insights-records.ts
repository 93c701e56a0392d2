/**
 * How the Insights view's slices are stored: beside the popup's `aggregates` record, as a small
 * head, one record per creation month and one for the per-tag slices — not inside the aggregates.
 *
 * Why split: the slices are several times larger than the rest of the aggregates (433 KB beside
 * 172 KB on 100,000 leads over 36 months, see insight-slices.ts), and IndexedDB clones a record
 * whole on every get and put. Kept inside the aggregates, every capture, logged email or note
 * paid for reading and writing all of them (measured in the service worker at 100,000 leads:
 * ~60 ms per write for the one record, against ~9 ms for the aggregates without them). Split by
 * month, a write loads only what its lead contributes to: the month the lead was created in
 * (at most 7 slices, one per source, ~11 KB) and, for a tagged lead, the tags. A write that
 * changes nothing the slices read (sameInsightInputs) loads none of them.
 *
 * The records are valid together while the head is current (INSIGHTS_VERSION): every write
 * patches them in its own transaction, and every rebuild replaces them all.
 */
import type { Aggregates, AggregatesWithInsights } from '../pipeline/aggregates';
import { applyInsights, type InsightSlice, type InsightsKept } from '../pipeline/insight-slices';
import type { Lead } from '../pipeline/model';
import type { MetaRecord } from './schema';

/** 1: head, per-month group records and the tags record (2026-11). */
export const INSIGHTS_VERSION = 1;

export const INSIGHTS_HEAD = 'insights';
const TAGS_KEY = 'insights.tags';
const MONTH_PREFIX = 'insights.month.';
/** Every insight record but the head ('insights' sorts before 'insights.'). */
const PARTS = () => IDBKeyRange.bound('insights.', 'insights.\uffff');
const MONTHS = (from = '', to = '\uffff') => IDBKeyRange.bound(MONTH_PREFIX + from, MONTH_PREFIX + to);

export interface InsightsHead {
  key: typeof INSIGHTS_HEAD;
  version: typeof INSIGHTS_VERSION;
  /** The funnel the per-stage arrays of every slice follow. */
  stageIds: string[];
}

interface TagsRecord {
  key: typeof TAGS_KEY;
  tags: InsightsKept['tags'];
}

interface MonthRecord {
  key: string;
  /** `YYYY-MM|source` → slice, for this record's month only. */
  groups: Record<string, InsightSlice>;
}

/** The part of an object store these functions use (idb's stores in any transaction mode fit). */
export interface MetaReader {
  get(key: string): Promise<unknown>;
  getAll(query: IDBKeyRange): Promise<unknown[]>;
}
export interface MetaWriter extends MetaReader {
  put(value: MetaRecord | Aggregates): Promise<unknown>;
  delete(key: string | IDBKeyRange): Promise<unknown>;
}

/** The stored head when current, else null (the insight records are then rebuilt before they are read). */
export function liveInsightsHead(stored: unknown): InsightsHead | null {
  const head = stored as InsightsHead | undefined;
  return head?.version === INSIGHTS_VERSION && Array.isArray(head.stageIds) ? head : null;
}

const monthKey = (groupKey: string) => MONTH_PREFIX + groupKey.slice(0, 7);

/** The records freshly rebuilt aggregates are stored as: the popup's record, the head, the tags and one per creation month. */
export function aggregateRecords(all: AggregatesWithInsights): [Aggregates, ...MetaRecord[]] {
  const { insights, ...aggregates } = all;
  const months = new Map<string, MonthRecord>();
  for (const [group, slice] of Object.entries(insights.groups)) {
    const key = monthKey(group);
    const record = months.get(key) ?? months.set(key, { key, groups: {} }).get(key)!;
    record.groups[group] = slice;
  }
  const head: InsightsHead = { key: INSIGHTS_HEAD, version: INSIGHTS_VERSION, stageIds: insights.stageIds };
  const tags: TagsRecord = { key: TAGS_KEY, tags: insights.tags };
  return [aggregates, { ...head }, { ...tags }, ...[...months.values()].map((m) => ({ ...m }))];
}

/** Writes freshly rebuilt aggregates: the popup's record and every insight record, replacing all older ones. */
export async function putAllAggregates(meta: MetaWriter, all: AggregatesWithInsights): Promise<void> {
  await meta.delete(PARTS());
  await Promise.all(aggregateRecords(all).map((record) => meta.put(record)));
}

/**
 * Applies lead changes (before → after, in order) to the insight records they touch, loading only
 * those: the creation months of either version, and the tags when either has some. Writes back
 * what it loaded; a month left without leads is deleted.
 */
export async function patchInsights(meta: MetaWriter, head: InsightsHead, changes: readonly (readonly [Lead | undefined, Lead | undefined])[]): Promise<void> {
  const monthKeys = new Set<string>();
  let needTags = false;
  for (const change of changes) {
    for (const lead of change) {
      if (!lead) continue;
      monthKeys.add(monthKey(lead.createdAt));
      if (lead.tags.length > 0) needTags = true;
    }
  }
  const keys = [...monthKeys];
  const [tagsRecord, ...monthRecords] = (await Promise.all([needTags ? meta.get(TAGS_KEY) : undefined, ...keys.map((k) => meta.get(k))])) as [
    TagsRecord | undefined,
    ...(MonthRecord | undefined)[],
  ];
  const kept: InsightsKept = { stageIds: head.stageIds, groups: {}, tags: needTags ? (tagsRecord?.tags ?? {}) : {} };
  for (const record of monthRecords) Object.assign(kept.groups, record?.groups);
  for (const [before, after] of changes) {
    if (before) applyInsights(kept, before, -1);
    if (after) applyInsights(kept, after, 1);
  }
  const writes: Promise<unknown>[] = keys.map((key) => {
    const groups = Object.fromEntries(Object.entries(kept.groups).filter(([group]) => monthKey(group) === key));
    return Object.keys(groups).length === 0 ? meta.delete(key) : meta.put({ key, groups });
  });
  if (needTags) writes.push(meta.put({ key: TAGS_KEY, tags: kept.tags }));
  await Promise.all(writes);
}

/**
 * The kept slices of the given creation months (consecutive, oldest first; null: every month),
 * with the per-tag slices, from a transaction in which the head was found current. Without
 * `withGroups` only the tag slices are read.
 */
export async function readInsights(meta: MetaReader, head: InsightsHead, months: string[] | null, withGroups = true): Promise<InsightsKept> {
  // One range read over the period's months: a few dozen records at most, each ~11 KB at most.
  const range = months === null ? MONTHS() : MONTHS(months[0], months.at(-1));
  const [tagsRecord, monthRecords] = (await Promise.all([meta.get(TAGS_KEY), withGroups ? meta.getAll(range) : []])) as [TagsRecord | undefined, MonthRecord[]];
  const groups: Record<string, InsightSlice> = {};
  for (const record of monthRecords) Object.assign(groups, record.groups);
  return { stageIds: head.stageIds, groups, tags: tagsRecord ? tagsRecord.tags : {} };
}
