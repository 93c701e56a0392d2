/**
 * The one transaction helper every repository shares. A write opens one transaction over the
 * stores it needs, loads the settings and the live aggregates once, lets the body change leads
 * (each change patches the aggregates in memory), writes the aggregates back once, and awaits
 * `tx.done`. On any failure the transaction is aborted, so nothing of it is written. Nothing
 * outside IndexedDB is awaited while it is open.
 *
 * The Insights view's slices live in records of their own (insights-records.ts): changes that
 * touch them are collected and applied at the end, loading only the records those leads belong
 * to, in the same transaction.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { AGGREGATES_VERSION, applyChange, type Aggregates } from '../pipeline/aggregates';
import { sameInsightInputs } from '../pipeline/insight-slices';
import type { Lead, Touchpoint } from '../pipeline/model';
import { readSettings, type Settings } from '../settings/settings';
import { INSIGHTS_HEAD, liveInsightsHead, patchInsights, type InsightsHead } from './insights-records';
import type { Db, LeadlineDB } from './schema';
import { toStored } from './stored';
import { CodedError } from '../messaging/errors';
import type { LocalChange } from '../sync/edits';

export type StoreName = StoreNames<LeadlineDB>;
export type WriteTx = IDBPTransaction<LeadlineDB, StoreName[], 'readwrite'>;

/**
 * What a database's writes tell the world outside the transaction (team sync): the rep who owns
 * what this browser captures, and every committed change, after the commit. Writes that apply
 * pulled changes (`remote`) are not reported: they came from the team and must not echo back.
 */
export interface WriteHooks {
  owner(): string | null;
  committed(changes: LocalChange[]): void;
}

const hooks = new WeakMap<Db, WriteHooks>();

/** Installs the hooks for one open database (the background does, once sync is set up). */
export function setWriteHooks(db: Db, next: WriteHooks | null): void {
  if (next) hooks.set(db, next);
  else hooks.delete(db);
}

/** A record that is not (or no longer) there. */
export class NotFoundError extends CodedError {}

/** Every touchpoint key of one lead in the `byLead` index (`[leadId, at]`). */
export function byLeadRange(leadId: string): IDBKeyRange {
  return IDBKeyRange.bound([leadId, ''], [leadId, '\uffff']);
}

/** The stored aggregates when current (to patch in place), else null: the next read rebuilds them. */
export function liveAggregates(stored: unknown): Aggregates | null {
  return (stored as Aggregates | undefined)?.version === AGGREGATES_VERSION ? (stored as Aggregates) : null;
}

/**
 * Runs a transaction's body and waits for the commit; on failure aborts it (so nothing is written)
 * and keeps its settled `done` from surfacing as an unhandled rejection.
 */
export async function commit<T>(tx: { done: Promise<void>; abort(): void }, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted (a failed request aborts its transaction) or finished.
    }
    await tx.done.catch(() => {});
    throw error;
  }
}

/** One open write transaction with its settings and aggregates loaded. */
export class Writer {
  private dirty = false;
  /** Lead changes the insight records still need, in order (applied by `flush`). */
  private readonly insightChanges: [Lead | undefined, Lead | undefined][] = [];
  /** Committed-to-be lead and touchpoint changes, in order, for the write hooks. */
  readonly changes: LocalChange[] = [];

  constructor(
    readonly tx: WriteTx,
    readonly settings: Settings,
    private readonly aggregates: Aggregates | null,
    readonly now: Date,
    /** The insight records' head when current; null leaves them to be rebuilt when next read. */
    private readonly insights: InsightsHead | null = null,
    /** The rep who owns what this browser captures (team sync), or null. */
    readonly owner: string | null = null,
  ) {}

  get leads() {
    return this.tx.objectStore('leads');
  }

  get touchpoints() {
    return this.tx.objectStore('touchpoints');
  }

  /** The lead's touchpoints in this transaction. */
  touchpointsOf(leadId: string): Promise<Touchpoint[]> {
    return this.touchpoints.index('byLead').getAll(byLeadRange(leadId));
  }

  /** Accounts a lead change in the aggregates without writing the lead (the caller writes it). */
  account(before: Lead | undefined, after: Lead | undefined): void {
    this.changes.push({ type: 'lead', before: before ?? null, after: after ?? null });
    if (this.insights && !sameInsightInputs(before, after)) this.insightChanges.push([before, after]);
    if (!this.aggregates) return;
    applyChange(this.aggregates, before, after, this.settings.stages);
    this.dirty = true;
  }

  /** Stores a new or changed lead with its derived keys, and accounts it. */
  async putLead(before: Lead | undefined, after: Lead): Promise<void> {
    const stored = toStored(after, this.settings.stages);
    await (before ? this.leads.put(stored) : this.leads.add(stored));
    this.account(before, after);
  }

  /** Removes a lead record (its touchpoints are the caller's), and accounts it. */
  async deleteLead(lead: Lead): Promise<void> {
    await this.leads.delete(lead.id);
    this.account(lead, undefined);
  }

  /** Stores a new or changed touchpoint (its lead is the caller's to recompute). */
  async putTouchpoint(before: Touchpoint | undefined, after: Touchpoint): Promise<void> {
    await this.touchpoints.put(after);
    this.changes.push({ type: 'touchpoint', before: before ?? null, after });
  }

  /** Removes a touchpoint (its lead is the caller's to recompute). */
  async deleteTouchpoint(tp: Touchpoint): Promise<void> {
    await this.touchpoints.delete(tp.id);
    this.changes.push({ type: 'touchpoint', before: tp, after: null });
  }

  /** Writes the patched aggregates once, at the end, and patches the insight records the changes touched. */
  async flush(): Promise<void> {
    const meta = this.tx.objectStore('meta');
    await Promise.all([
      this.aggregates && this.dirty ? meta.put(this.aggregates) : null,
      this.insights && this.insightChanges.length > 0 ? patchInsights(meta, this.insights, this.insightChanges.splice(0)) : null,
    ]);
  }
}

const DATA = ['leads', 'touchpoints', 'meta'] as const satisfies StoreName[];

/**
 * Runs `body` in one write transaction over leads, touchpoints and meta (plus `extra` stores).
 * `remote`: the write applies changes pulled from the team, so the write hooks do not hear of it.
 */
export async function write<T>(db: Db, now: Date, body: (w: Writer) => Promise<T>, extra: StoreName[] = [], options: { remote?: boolean } = {}): Promise<T> {
  const tx = db.transaction([...DATA, ...extra], 'readwrite') as unknown as WriteTx;
  const hook = hooks.get(db);
  let writer: Writer | null = null;
  const result = await commit(tx, async () => {
    const meta = tx.objectStore('meta');
    const [settings, aggregates, insights] = await Promise.all([meta.get('settings'), meta.get('aggregates'), meta.get(INSIGHTS_HEAD)]);
    writer = new Writer(tx, readSettings(settings), liveAggregates(aggregates), now, liveInsightsHead(insights), hook?.owner() ?? null);
    const out = await body(writer);
    await writer.flush();
    return out;
  });
  const changes = (writer as Writer | null)?.changes ?? [];
  if (hook && !options.remote && changes.length > 0) hook.committed(changes);
  return result;
}
