/**
 * The one transaction helper every repository shares. A write opens one transaction over the
 * stores it needs, loads the settings and the aggregates' journal head once, lets the body change
 * leads, appends the changes to the popup aggregates' journal once (aggregates-journal.ts), and
 * awaits `tx.done`. On any failure the transaction is aborted, so nothing of it is written.
 * Nothing outside IndexedDB is awaited while it is open.
 *
 * The Insights view's slices live in records of their own (insights-records.ts), not in the
 * journal: changes that touch them are collected and applied at the end, loading only the records
 * those leads belong to, in the same transaction. Both are kept by the same write, so the popup's
 * figures and the Insights view's never disagree about a committed write.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { AGGREGATES_VERSION, applyChange, type Aggregates, type AggregatesWithInsights } from '../pipeline/aggregates';
import { sameInsightInputs } from '../pipeline/insight-slices';
import type { Lead, StageDef, Touchpoint } from '../pipeline/model';
import { readSettings, type Settings } from '../settings/settings';
import { INSIGHTS_HEAD, liveInsightsHead, patchInsights, type InsightsHead } from './insights-records';
import type { Db, LeadlineDB } from './schema';
import { plainLead, toStored } from './stored';
import { HEAD, journalKey, liveHead, type Head } from './aggregates-journal';
import { CompanyLinks } from './company-link';
import { CodedError } from '../messaging/errors';
import type { LocalChange } from '../sync/edits';

export type StoreName = StoreNames<LeadlineDB>;
export type WriteTx = IDBPTransaction<LeadlineDB, StoreName[], 'readwrite'>;

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

/**
 * An aggregates rebuild in progress (`aggregates-rebuild.ts`): leads up to `upTo` (primary key
 * order) are already folded into `partial`, so a write to one of them must be folded there too.
 */
export interface RebuildInProgress {
  upTo: string;
  /** The popup's aggregates and the insight slices, folded together. */
  partial: AggregatesWithInsights;
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

/**
 * What a database's writes tell the world outside the transaction (team sync): the rep who owns
 * what this browser captures, and every committed change, after the commit. Writes that apply
 * pulled changes (`remote`) are not reported: they came from the team and must not echo back.
 */
export interface WriteHooks {
  owner(): string | null;
  /** Whether a change concerns the team (a refreshed temperature does not): only those are kept. */
  wanted(change: LocalChange): boolean;
  /** After the commit: the changes kept, and their outbox entry (delete it once they are recorded). */
  committed(changes: LocalChange[], outboxSeq: number): void;
}

const hooks = new WeakMap<Db, WriteHooks>();

/** Installs the hooks for one open database (the background does, once sync is set up). */
export function setWriteHooks(db: Db, next: WriteHooks | null): void {
  if (next) hooks.set(db, next);
  else hooks.delete(db);
}

/** One open write transaction with its settings loaded. */
export class Writer {
  private dirty = false;
  private readonly pairs: [Lead | null, Lead | null][] = [];
  private readonly aggregates: Aggregates | null;
  private readonly head: Head | null;
  /** Company links and figures of the leads this transaction writes. */
  readonly companyLinks: CompanyLinks;
  /** Lead changes the insight records still need, in order (applied by `flush`). */
  private readonly insightChanges: [Lead | undefined, Lead | undefined][] = [];
  /** Committed-to-be lead and touchpoint changes, in order, for the write hooks. */
  readonly changes: LocalChange[] = [];
  /** The rep who owns what this browser captures (team sync), or null. */
  owner: string | null = null;

  constructor(
    readonly tx: WriteTx,
    readonly settings: Settings,
    accounting: Accounting | Aggregates,
    readonly now: Date,
    /** The insight records' head when current; null leaves them to be rebuilt when next read. */
    private readonly insights: InsightsHead | null = null,
    /** Also told of every accounted change (a rebuild in progress). */
    private readonly observe?: (before: Lead | undefined, after: Lead | undefined) => void,
  ) {
    const a = accounting && ('journal' in accounting || 'patch' in accounting) ? accounting : accounting ? { patch: accounting as Aggregates } : null;
    this.head = a && 'journal' in a ? a.journal : null;
    this.aggregates = a && 'patch' in a ? a.patch : null;
    this.companyLinks = new CompanyLinks(
      () => this.companies,
      () => this.leads,
      now.toISOString(),
    );
  }

  get companies() {
    return this.tx.objectStore('companies');
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
    this.changes.push({ type: 'lead', before: before ?? null, after: after ?? null });
    this.observe?.(before, after);
    this.companyLinks.touch(before, after);
    if (this.insights && !sameInsightInputs(before, after)) this.insightChanges.push([before, after]);
    if (this.head) {
      this.pairs.push([before ? plainLead(before) : null, after ? plainLead(after) : null]);
      this.dirty = true;
    } else if (this.aggregates) {
      applyChange(this.aggregates, before, after, this.settings.stages);
      this.dirty = true;
    }
  }

  /** Stores a new or changed lead with its derived keys and company link, and accounts it; returns what was stored. */
  async putLead(before: Lead | undefined, after: Lead): Promise<Lead> {
    const linked = await this.companyLinks.link(before, after);
    const stored = toStored(linked, this.settings.stages, { thresholds: this.settings.thresholds });
    await (before ? this.leads.put(stored) : this.leads.add(stored));
    this.account(before, linked);
    return linked;
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

  /**
   * Writes the journal entry (or the patched aggregates) and the touched companies' figures once,
   * at the end, and patches the insight records the changes touched.
   */
  async flush(): Promise<void> {
    await this.companyLinks.flush();
    const meta = this.tx.objectStore('meta');
    const writes: Promise<unknown>[] = [];
    if (this.dirty && this.head) {
      const seq = this.head.seq + 1;
      writes.push(meta.put({ key: journalKey(seq), rev: this.head.rev, seq, pairs: this.pairs }), meta.put({ ...this.head, seq }));
    } else if (this.dirty && this.aggregates) writes.push(meta.put(this.aggregates));
    if (this.insights && this.insightChanges.length > 0) writes.push(patchInsights(meta, this.insights, this.insightChanges.splice(0)));
    await Promise.all(writes);
  }
}

const DATA = ['leads', 'touchpoints', 'meta', 'companies'] as const satisfies StoreName[];

/**
 * Runs `body` in one write transaction over leads, touchpoints, meta and companies (plus `extra`
 * stores). `remote`: the write applies changes pulled from the team, so the write hooks do not
 * hear of it.
 */
export async function write<T>(db: Db, now: Date, body: (w: Writer) => Promise<T>, extra: StoreName[] = [], options: { remote?: boolean } = {}): Promise<T> {
  const hook = options.remote ? undefined : hooks.get(db);
  const tx = db.transaction([...DATA, ...extra, ...(hook ? (['syncOutbox'] as const) : [])], 'readwrite') as unknown as WriteTx;
  let changes: LocalChange[] = [];
  let outboxSeq = 0;
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
    const result = await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const [settings, head, insights] = await Promise.all([meta.get('settings'), meta.get(HEAD), meta.get(INSIGHTS_HEAD)]);
      const live = liveHead(head);
      // Without a journal yet, the stored record itself is patched (it is read only then).
      const base = live ? null : liveAggregates(await meta.get('aggregates'));
      const accounting = live ? { journal: live } : base ? { patch: base } : null;
      const writer = new Writer(tx, readSettings(settings), accounting, now, liveInsightsHead(insights), observe);
      writer.owner = hook?.owner() ?? null;
      const out = await body(writer);
      await writer.flush();
      // In the same transaction as the change: committed together, or not at all.
      changes = hook ? writer.changes.filter((c) => hook.wanted(c)) : [];
      if (changes.length > 0) outboxSeq = (await tx.objectStore('syncOutbox').add({ changes })) as number;
      return out;
    });
    if (hook && changes.length > 0) hook.committed(changes, outboxSeq);
    return result;
  } catch (error) {
    for (const [before, after, rebuild] of folded.reverse()) applyChange(rebuild.partial, after, before, rebuild.stages);
    throw error;
  }
}
