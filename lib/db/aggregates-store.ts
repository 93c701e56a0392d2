/**
 * The kept aggregates: the popup's record, kept current by every write through the journal
 * (`aggregates-journal.ts`) and read from memory when nothing changed, and the Insights view's
 * records (insights-records.ts), patched by every write in place. Both are rebuilt together from
 * the stores (`aggregates-rebuild.ts`) when either is missing or old.
 */
import { applyChange, type Aggregates } from '../pipeline/aggregates';
import { insights, periodMonths, trackedTags, type InsightsOptions } from '../pipeline/insights';
import type { InsightsReply } from '../messaging/protocol';
import { readSettings } from '../settings/settings';
import { INSIGHTS_HEAD, liveInsightsHead, readInsights } from './insights-records';
import type { StageDef } from '../pipeline/model';
import type { Db } from './schema';
import { rebuildAggregates } from './aggregates-rebuild';
import { BASE, HEAD, journalRange, liveHead, newRev, type Base, type Head, type JournalEntry } from './aggregates-journal';
import { liveAggregates } from './tx';

/** Journal entries kept before they are folded into the stored record. */
export const FOLD_AFTER = 64;

interface Cached {
  rev: string;
  /** The last journal entry applied. */
  seq: number;
  /** The last entry folded into the stored record. */
  baseSeq: number;
  agg: Aggregates;
}

const caches = new WeakMap<object, Cached>();
const folding = new WeakSet<object>();

export class AggregatesStore {
  constructor(private readonly db: Db) {}

  /** The current aggregates; the repair path rebuilds them when missing or kept by an older version. */
  async get(): Promise<Aggregates> {
    const head = liveHead(await this.db.get('meta', HEAD));
    const cached = caches.get(this.db);
    if (head && cached && cached.rev === head.rev && cached.seq <= head.seq) {
      if (cached.seq < head.seq) {
        const [settings, entries] = await Promise.all([this.db.get('meta', 'settings'), this.db.getAll('meta', journalRange(cached.seq, head.seq))]);
        apply(cached, entries as JournalEntry[], readSettings(settings).stages);
      }
      this.foldLater(cached);
      return cached.agg;
    }
    return this.load();
  }

  /** The Insights view's figures, from the kept records (rebuilt first when missing, old, or kept for other stages). */
  async insights(options: InsightsOptions): Promise<InsightsReply> {
    const months = periodMonths(options.period, options.today);
    for (let attempt = 0; ; attempt++) {
      // `lastActivity` is the popup's figure, read through the journal like any other.
      const aggregates = await this.get();
      const tx = this.db.transaction('meta');
      const meta = tx.objectStore('meta');
      const [settingsRecord, headRecord] = await Promise.all([meta.get('settings'), meta.get(INSIGHTS_HEAD)]);
      const head = liveInsightsHead(headRecord);
      if (head) {
        // A tag filter reads the all-time tag slices only; otherwise the period's months.
        const kept = await readInsights(meta, head, months, !options.tag);
        await tx.done;
        const stages = readSettings(settingsRecord).stages;
        const result = insights({ insights: kept, lastActivity: aggregates.lastActivity }, stages, options);
        if (result.status !== 'stages-changed' || attempt > 0) return { insights: result, tags: trackedTags({ insights: kept }) };
      } else {
        await tx.done;
      }
      await this.rebuild();
    }
  }

  /** Rebuilds the popup's aggregates and the insight records from the leads in short transactions (`aggregates-rebuild.ts`). */
  async rebuild(): Promise<Aggregates> {
    caches.delete(this.db);
    return rebuildAggregates(this.db);
  }

  /** Reads the stored record and its journal; adopts a record that has none (or another's). */
  private async load(): Promise<Aggregates> {
    const tx = this.db.transaction('meta', 'readwrite');
    const [stored, headRecord, settings, entries] = await Promise.all([
      tx.store.get(BASE),
      tx.store.get(HEAD),
      tx.store.get('settings'),
      tx.store.getAll(journalRange()),
    ]);
    const base = liveAggregates(stored) as Base | null;
    const head = liveHead(headRecord);
    if (!base) {
      await tx.done;
      return this.rebuild();
    }
    let cached: Cached;
    const { rev: _rev, seq: _seq, ...agg } = base;
    if (head && base.rev === head.rev) {
      cached = { rev: head.rev, seq: base.seq ?? 0, baseSeq: base.seq ?? 0, agg };
      apply(
        cached,
        (entries as JournalEntry[]).filter((e) => e.seq <= head.seq),
        readSettings(settings).stages,
      );
    } else {
      // A record without a journal (an older version, or a restore wrote it): it is the truth.
      const rev = newRev();
      const fresh: Head = { key: HEAD, version: base.version, rev, seq: 0 };
      await Promise.all([tx.store.put({ ...agg, rev, seq: 0 } satisfies Base), tx.store.put(fresh), tx.store.delete(journalRange())]);
      cached = { rev, seq: 0, baseSeq: 0, agg };
    }
    await tx.done;
    caches.set(this.db, cached);
    this.foldLater(cached);
    return cached.agg;
  }

  /** Folds the journal into the stored record once it grew long, after the current request. */
  private foldLater(cached: Cached): void {
    if (cached.seq - cached.baseSeq < FOLD_AFTER || folding.has(this.db)) return;
    folding.add(this.db);
    setTimeout(() => {
      this.fold()
        .catch(() => {
          // The next read tries again.
        })
        .finally(() => folding.delete(this.db));
    }, 0);
  }

  private async fold(): Promise<void> {
    const cached = caches.get(this.db);
    if (!cached) return;
    const tx = this.db.transaction('meta', 'readwrite');
    const head = liveHead(await tx.store.get(HEAD));
    if (!head || head.rev !== cached.rev) {
      tx.abort();
      await tx.done.catch(() => {});
      return;
    }
    if (cached.seq < head.seq) {
      const [settings, entries] = await Promise.all([tx.store.get('settings'), tx.store.getAll(journalRange(cached.seq, head.seq))]);
      apply(cached, entries as JournalEntry[], readSettings(settings).stages);
    }
    await Promise.all([tx.store.put({ ...cached.agg, rev: cached.rev, seq: cached.seq }), tx.store.delete(journalRange(undefined, cached.seq))]);
    await tx.done;
    cached.baseSeq = cached.seq;
  }
}

/** Applies journal entries after the cached one, in order. Mutates. */
function apply(cached: Cached, entries: JournalEntry[], stages: StageDef[]): void {
  for (const entry of entries) {
    if (entry.rev !== cached.rev || entry.seq <= cached.seq) continue;
    for (const [before, after] of entry.pairs) applyChange(cached.agg, before ?? undefined, after ?? undefined, stages);
    cached.seq = entry.seq;
  }
}
