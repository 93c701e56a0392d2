/**
 * The one transaction helper every repository shares. A write opens one transaction over the
 * stores it needs, loads the settings and the live aggregates once, lets the body change leads
 * (each change patches the aggregates in memory), writes the aggregates back once, and awaits
 * `tx.done`. On any failure the transaction is aborted, so nothing of it is written. Nothing
 * outside IndexedDB is awaited while it is open.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { AGGREGATES_VERSION, applyChange, type Aggregates } from '../pipeline/aggregates';
import type { Lead, StageDef, Touchpoint } from '../pipeline/model';
import { readSettings, type Settings } from '../settings/settings';
import type { Db, LeadlineDB } from './schema';
import { plainLead, toStored } from './stored';
import { HEAD, journalKey, liveHead, type Head } from './aggregates-journal';

export type StoreName = StoreNames<LeadlineDB>;
export type WriteTx = IDBPTransaction<LeadlineDB, StoreName[], 'readwrite'>;

export class NotFoundError extends Error {}

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

/**
 * An aggregates rebuild in progress (`aggregates-rebuild.ts`): leads up to `upTo` (primary key
 * order) are already folded into `partial`, so a write to one of them must be folded there too.
 */
export interface RebuildInProgress {
  upTo: string;
  partial: Aggregates;
  stages: StageDef[];
}

const rebuilds = new WeakMap<object, RebuildInProgress>();

/** Registers (or, with null, ends) the rebuild in progress over `db`; writes keep it current. */
export function trackRebuild(db: Db, rebuild: RebuildInProgress | null): void {
  if (rebuild) rebuilds.set(db, rebuild);
  else rebuilds.delete(db);
}

/**
 * Where a write's lead changes go: appended to the aggregates journal (`aggregates-journal.ts`),
 * or — for a stored record that has no journal yet — patched into it; nowhere while the
 * aggregates are missing or stale (the next read rebuilds them).
 */
export type Accounting = { journal: Head } | { patch: Aggregates } | null;

/** One open write transaction with its settings loaded. */
export class Writer {
  private dirty = false;
  private readonly pairs: [Lead | null, Lead | null][] = [];
  private readonly aggregates: Aggregates | null;
  private readonly head: Head | null;

  constructor(
    readonly tx: WriteTx,
    readonly settings: Settings,
    accounting: Accounting | Aggregates,
    readonly now: Date,
    /** Also told of every accounted change (a rebuild in progress). */
    private readonly observe?: (before: Lead | undefined, after: Lead | undefined) => void,
  ) {
    const a = accounting && ('journal' in accounting || 'patch' in accounting) ? accounting : accounting ? { patch: accounting as Aggregates } : null;
    this.head = a && 'journal' in a ? a.journal : null;
    this.aggregates = a && 'patch' in a ? a.patch : null;
  }

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
    this.observe?.(before, after);
    if (this.head) {
      this.pairs.push([before ? plainLead(before) : null, after ? plainLead(after) : null]);
      this.dirty = true;
    } else if (this.aggregates) {
      applyChange(this.aggregates, before, after, this.settings.stages);
      this.dirty = true;
    }
  }

  /** Stores a new or changed lead with its derived keys, and accounts it. */
  async putLead(before: Lead | undefined, after: Lead): Promise<void> {
    const stored = toStored(after, this.settings.stages, { thresholds: this.settings.thresholds });
    await (before ? this.leads.put(stored) : this.leads.add(stored));
    this.account(before, after);
  }

  /** Removes a lead record (its touchpoints are the caller's), and accounts it. */
  async deleteLead(lead: Lead): Promise<void> {
    await this.leads.delete(lead.id);
    this.account(lead, undefined);
  }

  /** Writes the journal entry (or the patched aggregates) once, at the end. */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    const meta = this.tx.objectStore('meta');
    if (this.head) {
      const seq = this.head.seq + 1;
      await Promise.all([meta.put({ key: journalKey(seq), rev: this.head.rev, seq, pairs: this.pairs }), meta.put({ ...this.head, seq })]);
    } else if (this.aggregates) await meta.put(this.aggregates);
  }
}

const DATA = ['leads', 'touchpoints', 'meta'] as const satisfies StoreName[];

/** Runs `body` in one write transaction over leads, touchpoints and meta (plus `extra` stores). */
export async function write<T>(db: Db, now: Date, body: (w: Writer) => Promise<T>, extra: StoreName[] = []): Promise<T> {
  const tx = db.transaction([...DATA, ...extra], 'readwrite') as unknown as WriteTx;
  // Changes folded into a rebuild in progress, undone if this transaction fails.
  const folded: [Lead | undefined, Lead | undefined, RebuildInProgress][] = [];
  const observe = (before: Lead | undefined, after: Lead | undefined) => {
    const rebuild = rebuilds.get(db);
    const id = (before ?? after)?.id;
    if (!rebuild || id === undefined || id > rebuild.upTo) return;
    applyChange(rebuild.partial, before, after, rebuild.stages);
    folded.push([before, after, rebuild]);
  };
  try {
    return await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const [settings, head] = await Promise.all([meta.get('settings'), meta.get(HEAD)]);
      const live = liveHead(head);
      // Without a journal yet, the stored record itself is patched (it is read only then).
      const base = live ? null : liveAggregates(await meta.get('aggregates'));
      const writer = new Writer(tx, readSettings(settings), live ? { journal: live } : base ? { patch: base } : null, now, observe);
      const result = await body(writer);
      await writer.flush();
      return result;
    });
  } catch (error) {
    for (const [before, after, rebuild] of folded.reverse()) applyChange(rebuild.partial, after, before, rebuild.stages);
    throw error;
  }
}
