/**
 * How the aggregates are kept without rewriting them on every write. At 100,000 leads they are
 * about half a megabyte (the Insights slices most of it), which IndexedDB stores out of line:
 * reading and writing that record cost a capture 20–30 ms. So a write appends one small journal
 * record — the leads before and after it — and bumps a small head record; readers keep the
 * aggregates in memory and apply the entries they have not seen; now and then the journal is folded
 * into the stored record (the base). Base, head and journal share a revision: a base written by
 * anyone else (a restore) carries none, and is adopted with the journal before it dropped.
 */
import { AGGREGATES_VERSION, type Aggregates } from '../pipeline/aggregates';
import type { Lead } from '../pipeline/model';

export const BASE = 'aggregates';
export const HEAD = 'aggregates.head';
export const JOURNAL = 'aggregates.journal/';

/** The latest journal entry of the current revision. */
export type Head = { key: typeof HEAD; version: number; rev: string; seq: number };

/** One write's lead changes: [before, after], null for a create or a delete. */
export type JournalEntry = { key: string; rev: string; seq: number; pairs: [Lead | null, Lead | null][] };

/** The stored aggregates, with the revision and the last journal entry folded into them. */
export type Base = Aggregates & { rev?: string; seq?: number };

export const journalKey = (seq: number) => `${JOURNAL}${String(seq).padStart(12, '0')}`;

/** Journal entries after `seq` (all of them without), up to `upTo` when given. */
export function journalRange(after?: number, upTo?: number): IDBKeyRange {
  return IDBKeyRange.bound(
    after === undefined ? JOURNAL : journalKey(after),
    upTo === undefined ? `${JOURNAL}\uffff` : journalKey(upTo),
    after !== undefined,
    false,
  );
}

/** The head when it belongs to aggregates of the current version, else null. */
export function liveHead(stored: unknown): Head | null {
  const head = stored as Head | undefined;
  return head?.key === HEAD && head.version === AGGREGATES_VERSION ? head : null;
}

/** A new revision id. */
export const newRev = () => crypto.randomUUID();
