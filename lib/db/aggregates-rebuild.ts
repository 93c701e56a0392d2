/**
 * Rebuilding the aggregates from the leads in short transactions. Leads are folded in primary-key
 * order, a batch per read transaction; a write meanwhile to a lead already folded is folded too
 * (the write helper is told through `trackRebuild`), and one to a lead not yet reached is seen
 * when its batch is read. The result — the popup's record and every insight record — is stored in
 * one small transaction at the end. Writes made while the rebuild runs do not account into the
 * stale records (their heads are gone), so nothing is counted twice.
 */
import { applyLead, emptyAggregates, type Aggregates, type AggregatesWithInsights } from '../pipeline/aggregates';
import { emptyInsightsKept } from '../pipeline/insight-slices';
import { readSettings } from '../settings/settings';
import { inChunks, type ChunkOptions, type JobStats } from './jobs';
import type { Db } from './schema';
import { liveAggregates, trackRebuild, type RebuildInProgress } from './tx';
import { BASE, HEAD, journalRange, newRev, type Base, type Head } from './aggregates-journal';
import { INSIGHTS_HEAD, putAllAggregates } from './insights-records';

/** Past every primary key: once every lead is folded, every later write is folded too. */
const ALL = '\uffff';

interface Running {
  promise: Promise<Aggregates>;
  /** Set when the settings changed under it: the rebuild starts over with the new stages. */
  restart: boolean;
}

const running = new WeakMap<object, Running>();

/** The meta record of the last rebuild (what it did, for the record and the benchmark). */
export const REBUILD_RECORD = 'job.aggregates';

/** Rebuilds the aggregates of `db` (joining a rebuild already running) and stores them. */
export function rebuildAggregates(db: Db, options: ChunkOptions = {}): Promise<Aggregates> {
  const current = running.get(db);
  if (current) return current.promise;
  const run: Running = { promise: Promise.resolve(null as unknown as Aggregates), restart: false };
  run.promise = (async () => {
    try {
      for (;;) {
        run.restart = false;
        const result = await rebuildOnce(db, run, options);
        if (result) return result;
      }
    } finally {
      running.delete(db);
    }
  })();
  running.set(db, run);
  return run.promise;
}

/** The settings changed (stages): a rebuild running with the old ones starts over. */
export function restartRebuild(db: Db): void {
  const current = running.get(db);
  if (current) current.restart = true;
}

async function rebuildOnce(db: Db, run: Running, options: ChunkOptions): Promise<Aggregates | null> {
  // The old records go first: writes stop patching them (without the heads they account nowhere),
  // and a complete record found at the end can only have been written by someone else.
  const start = db.transaction('meta', 'readwrite');
  const [settings] = await Promise.all([start.store.get('settings'), start.store.delete(BASE), start.store.delete(HEAD), start.store.delete(INSIGHTS_HEAD)]);
  await start.done;
  const { stages } = readSettings(settings);
  const partial: AggregatesWithInsights = { ...emptyAggregates(), insights: emptyInsightsKept(stages) };
  const state: RebuildInProgress = { upTo: '', partial, stages };
  trackRebuild(db, state);
  try {
    const stats: JobStats = await inChunks(async (size) => {
      if (run.restart) return { items: 0, done: true };
      const batch = await db.transaction('leads').store.getAll(state.upTo === '' ? null : IDBKeyRange.lowerBound(state.upTo, true), size);
      // Folded before anything else runs: a write queued behind this read sees the new `upTo`.
      for (const lead of batch) applyLead(state.partial, lead, 1, stages);
      const done = batch.length < size;
      state.upTo = done ? ALL : batch.at(-1)!.id;
      return { items: batch.length, done };
    }, options);
    if (run.restart) return null;
    const tx = db.transaction('meta', 'readwrite');
    // A complete record written meanwhile by someone else (a restore replaced everything, the
    // insight records with it) wins.
    const stored = liveAggregates(await tx.store.get(BASE));
    let result: Aggregates;
    if (stored) result = stored;
    else {
      // A new revision: journal entries of any earlier one no longer apply.
      const rev = newRev();
      const { insights: _slices, ...aggregates } = state.partial;
      result = aggregates;
      const head: Head = { key: HEAD, version: result.version, rev, seq: 0 };
      await Promise.all([
        putAllAggregates(tx.store, Object.assign({ rev, seq: 0 } satisfies Pick<Base, 'rev' | 'seq'>, state.partial)),
        tx.store.put(head),
        tx.store.delete(journalRange()),
      ]);
    }
    await tx.store.put({ key: REBUILD_RECORD, at: new Date().toISOString(), leads: state.partial.total, ...stats });
    await tx.done;
    return result;
  } finally {
    trackRebuild(db, null);
  }
}
