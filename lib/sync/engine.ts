/**
 * The sync engine, run by the background service worker.
 *
 * Design: a local PouchDB database (IndexedDB adapter, `_pouch_leadline-sync`) holds the
 * replicated documents (layout.ts) and is replicated with the team's CouchDB by PouchDB's own
 * replicator, one shot at a time. The `leadline` IndexedDB stays the one store every view reads:
 * - local writes come in through `recordLocal` (the repository's before/after of each write),
 *   which stamps only the changed fields (edits.ts) into the replica;
 * - pulled documents are read from the replica's changes feed after the last applied sequence,
 *   conflicts are merged and cleared (merge.ts), and the merged records go to `applyRemote`, which
 *   the repository implements with the same code as local writes (aggregates, temperatures,
 *   indexes).
 * Why a replica and not our own change log replicated straight over HTTP: the CouchDB protocol's
 * revision trees, `_revs_diff`, `_bulk_docs` with `new_edits: false` and checkpoints are what
 * PouchDB's replicator already does right; a replica also gives conflict detection for free (a
 * pulled revision that forks from ours shows up in `_conflicts`) and resumes where it stopped:
 * PouchDB writes a checkpoint (`_local/<replication id>`, on both sides) after every batch, and
 * this engine keeps the last sequence it handed to the repository in `_local/leadline-sync`.
 *
 * No filtered replication: the team database holds the team's pipeline and nothing else, and a
 * filter is no privacy boundary (PouchDB's replication guide: "beware trying to use filtered
 * replication to enforce security … A better strategy is the 'one database per user' method");
 * "My leads / Team" is a view over owners, and a rep whose leads others must not read needs a
 * database of their own. Design documents and strays that show up are skipped (`readSyncDoc`).
 *
 * The repository's side of the contract:
 * - call `recordLocal` after each committed write (lead, touchpoint, stage settings), with the
 *   record before and after; until that call has resolved the change exists only locally, so a
 *   crash-proof caller keeps an outbox in the same transaction as the write and drains it here;
 * - `applyRemote` is idempotent (the same change may come twice, e.g. after a restart), never
 *   echoes its writes back to `recordLocal`, skips a record that still has an undrained local
 *   change (that change is recorded next, and the engine then hands back the merged record), and
 *   throws only when it wants the whole batch retried later (a bad record is skipped and reported,
 *   not thrown).
 */
import { createClock, newDeviceId, type Clock, type ClockState } from './clock';
import { applyLocal, docIdOf, localMatches, reconcileLocal, type LocalChange } from './edits';
import { classify, problem, type SyncProblem } from './errors';
import { newestStamp, readSyncDoc, toRemoteChange, type LocalLead, type RemoteChange, type SyncDoc } from './layout';
import { resolveConflict } from './merge';
import type { PouchDatabase, PouchDoc, PouchStatic } from './pouch';
import { checkTarget, type SyncTarget } from './target';
import type { Touchpoint } from '../pipeline/model';

export type SyncState = 'off' | 'idle' | 'syncing' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** When the last sync finished without error (ISO instant). */
  lastSyncAt: string | null;
  /** Local changes not yet on the server (documents). */
  pending: number;
  error: SyncProblem | null;
}

export interface SyncEngineOptions {
  PouchDB: PouchStatic;
  /** The repository's handler for pulled changes (see the contract above). */
  applyRemote(changes: RemoteChange[]): Promise<void>;
  /** Local replica name; PouchDB prefixes `_pouch_` for the IndexedDB database. */
  localName?: string;
  localOptions?: Record<string, unknown>;
  /** Extra options for the http adapter (tests pass `fetch`). */
  remoteOptions?: Record<string, unknown>;
  /** Opens the team database; by default PouchDB's http adapter (tests may hand in a local database). */
  openRemote?(dbUrl: string, options: Record<string, unknown>): PouchDatabase;
  now?: () => number;
  /** Documents per replication batch and per `applyRemote` call. */
  batchSize?: number;
  /** After a local write, sync this many ms later (coalescing bursts); null: only when asked. */
  syncDelayMs?: number | null;
  /** Whether the extension may contact the origin (host permission); absent: assume yes. */
  mayReach?(originPattern: string): Promise<boolean>;
  onStatus?(status: SyncStatus): void;
}

export interface SeedBatch {
  leads?: LocalLead[];
  touchpoints?: Touchpoint[];
}

export interface SyncEngine {
  /** Checks the target and opens the replica (a new replica when the database changed). No network yet. */
  start(target: SyncTarget): Promise<SyncStatus>;
  /** Stops syncing; the replica and local data stay. */
  stop(): Promise<void>;
  /** Deletes the replica (leaving the team); the next start seeds a new one. */
  forget(): Promise<void>;
  /** True when the replica has not been seeded from the local store yet. */
  needsSeed(): Promise<boolean>;
  /** Copies local records into a new replica (every field stamped now); `done` marks the seed complete. */
  seed(batch: SeedBatch, done?: boolean): Promise<void>;
  /** Records committed local writes into the replica. */
  recordLocal(changes: LocalChange[]): Promise<void>;
  /** Pulls, applies, resolves conflicts and pushes once; concurrent calls share one run. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
}

/**
 * The engine's own state: a `_local` document, which replication never copies ("Local documents
 * are not replicated to other databases", CouchDB API reference, api/local.rst; PouchDB keeps its
 * replication checkpoints the same way).
 */
const STATE_ID = '_local/leadline-sync';

interface EngineState {
  device: string;
  clock: ClockState;
  /** Replica sequence up to which pulled changes were handed to the repository. */
  applied: number | string;
  lastSyncAt: string | null;
  /** Documents written locally and not yet pushed, with the write counter at their last write. */
  dirty: Record<string, number>;
  writes: number;
  /** The database URL the replica belongs to. */
  target: string | null;
  seeded: boolean;
}

/** The engine for one browser profile. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const PouchDB = options.PouchDB;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 500;
  const localName = options.localName ?? 'leadline-sync';
  const localOptions = options.localOptions ?? { adapter: 'indexeddb' };

  let local: PouchDatabase | null = null;
  let remote: PouchDatabase | null = null;
  let user = '';
  let originPattern = '';
  let state: EngineState | null = null;
  let stateRev: string | undefined;
  let clock: Clock | null = null;
  let current: SyncStatus = { state: 'off', lastSyncAt: null, pending: 0, error: null };
  let running: Promise<SyncStatus> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Revisions this engine wrote, by document: pulled back, they need no apply. */
  const ownRevs = new Map<string, string>();

  // One queue for everything that reads and writes replica documents, so a projection handed to
  // the repository is never older than a local write recorded before it.
  let tail: Promise<unknown> = Promise.resolve();
  function queued<T>(job: () => Promise<T>): Promise<T> {
    const run = tail.then(job, job);
    tail = run.catch(() => {});
    return run;
  }

  function publish(next: Partial<SyncStatus>) {
    current = { ...current, ...next, pending: state ? Object.keys(state.dirty).length : 0 };
    options.onStatus?.(current);
  }

  async function loadState(db: PouchDatabase): Promise<EngineState> {
    try {
      const doc = (await db.get(STATE_ID)) as PouchDoc & EngineState;
      stateRev = doc._rev;
      return {
        device: doc.device,
        clock: doc.clock,
        applied: doc.applied,
        lastSyncAt: doc.lastSyncAt,
        dirty: doc.dirty ?? {},
        writes: doc.writes ?? 0,
        target: doc.target,
        seeded: doc.seeded === true,
      };
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      stateRev = undefined;
      return { device: newDeviceId(), clock: { ms: 0, counter: 0 }, applied: 0, lastSyncAt: null, dirty: {}, writes: 0, target: null, seeded: false };
    }
  }

  async function saveState() {
    if (!local || !state || !clock) return;
    state.clock = clock.state();
    const result = await local.put({ _id: STATE_ID, ...(stateRev ? { _rev: stateRev } : {}), ...state });
    stateRev = result.rev;
  }

  function requireOpen(): { db: PouchDatabase; st: EngineState; ck: Clock } {
    if (!local || !state || !clock) throw new Error('Sync is not set up: start it with a server first.');
    return { db: local, st: state, ck: clock };
  }

  async function readDocs(db: PouchDatabase, ids: string[]): Promise<Map<string, { doc: SyncDoc; rev: string } | { doc: undefined; rev: undefined }>> {
    const found = new Map<string, { doc: SyncDoc; rev: string } | { doc: undefined; rev: undefined }>();
    const { rows } = await db.allDocs({ keys: ids, include_docs: true });
    for (const row of rows) {
      const doc = row.doc && !row.value?.deleted ? readSyncDoc(row.doc) : null;
      found.set(row.key, doc && row.doc?._rev ? { doc, rev: row.doc._rev } : { doc: undefined, rev: undefined });
    }
    return found;
  }

  /**
   * Writes the documents `build` returns (null: leave it), retrying any that a concurrent pull
   * moved on (409). Returns every document as it now is, written or left.
   */
  async function writeDocs(db: PouchDatabase, ids: string[], build: (id: string, doc: SyncDoc | undefined) => SyncDoc | null): Promise<Map<string, SyncDoc>> {
    const written = new Map<string, SyncDoc>();
    let todo = ids;
    for (let attempt = 0; todo.length > 0; attempt++) {
      if (attempt === 5) throw new Error(`Could not record ${todo.length} change(s): the replica kept changing underneath.`);
      const existing = await readDocs(db, todo);
      const batch: PouchDoc[] = [];
      for (const id of todo) {
        const found = existing.get(id);
        const next = build(id, found?.doc);
        if (!next) {
          if (found?.doc) written.set(id, found.doc);
          continue;
        }
        batch.push({ ...next, ...(found?.rev ? { _rev: found.rev } : {}) } as unknown as PouchDoc);
        written.set(id, next);
      }
      const results = await db.bulkDocs(batch);
      const retry: string[] = [];
      results.forEach((r, i) => {
        const id = batch[i]!._id;
        if (r.ok || r.rev) {
          ownRevs.set(id, r.rev!);
          state!.dirty[id] = ++state!.writes;
        } else if (r.status === 409 || r.name === 'conflict') {
          retry.push(id);
          written.delete(id);
        } else {
          throw new Error(`Could not record ${id}: ${r.message ?? r.name ?? 'unknown error'}`);
        }
      });
      todo = retry;
    }
    return written;
  }

  function scheduleSync() {
    if (options.syncDelayMs === null || options.syncDelayMs === undefined || current.state === 'off') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void syncNow();
    }, options.syncDelayMs);
  }

  /** Hands pulled documents (replica changes after `applied`) to the repository, merging conflicts first. */
  async function applyPulled(): Promise<void> {
    const { db, st, ck } = requireOpen();
    for (;;) {
      // First the revisions only: this engine's own writes (a single leaf it wrote) need no
      // apply, and reading their bodies back would double the cost of a large push.
      const { results, last_seq } = await db.changes({ since: st.applied, limit: batchSize, style: 'all_docs', return_docs: true });
      if (results.length === 0) break;
      const wanted = results.filter((c) => !(c.changes.length === 1 && ownRevs.get(c.id) === c.changes[0]!.rev)).map((c) => c.id);
      const { rows } = wanted.length > 0 ? await db.allDocs({ keys: wanted, include_docs: true, conflicts: true }) : { rows: [] };
      const out: RemoteChange[] = [];
      const resolutions: PouchDoc[] = [];
      for (const row of rows) {
        const raw = row.doc;
        if (!raw || raw._deleted || !raw._rev) continue;
        let doc = readSyncDoc(raw);
        if (!doc) continue;
        const conflicts = raw._conflicts ?? [];
        if (conflicts.length > 0) {
          const leaves = await db.get(doc._id, { open_revs: conflicts });
          const losers = leaves.flatMap((l) => {
            if (!('ok' in l) || l.ok._deleted) return [];
            const loser = readSyncDoc(l.ok);
            return loser && l.ok._rev ? [{ ...loser, _rev: l.ok._rev }] : [];
          });
          const { write, remove } = resolveConflict({ ...doc, _rev: raw._rev }, losers);
          if (write) resolutions.push(write as unknown as PouchDoc);
          resolutions.push(...(remove as unknown as PouchDoc[]));
          if (write) doc = write;
        } else if (ownRevs.get(doc._id) === raw._rev) {
          continue;
        }
        ck.observe(newestStamp(doc));
        const remoteChange = toRemoteChange(doc);
        if (remoteChange) out.push(remoteChange);
      }
      if (resolutions.length > 0) {
        const results = await db.bulkDocs(resolutions);
        results.forEach((r, i) => {
          const id = resolutions[i]!._id;
          // A resolution that lost a race with a local write is redone next time: the write
          // shows up in the changes feed again, still conflicted.
          if (r.rev && !resolutions[i]!._deleted) {
            ownRevs.set(id, r.rev);
            state!.dirty[id] = ++state!.writes;
          }
        });
      }
      if (out.length > 0) await options.applyRemote(out);
      st.applied = last_seq;
      await saveState();
    }
  }

  async function runSync(): Promise<SyncStatus> {
    const { db } = requireOpen();
    if (!remote) return current;
    publish({ state: 'syncing' });
    try {
      if (options.mayReach && !(await options.mayReach(originPattern))) {
        publish({ state: 'error', error: problem('no-permission') });
        return current;
      }
      // One cheap request first: it tells a wrong password or a missing database apart from
      // replication trouble, before anything is written on either side. Not `info()`: PouchDB's
      // http adapter returns an error body (`{ error: 'unauthorized' }`) from it as if it were
      // the database's info, dropping the status.
      if (remote.fetch) {
        const response = await remote.fetch('', { method: 'GET' });
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
          throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status, reason: typeof body.reason === 'string' ? body.reason : '' });
        }
      } else await remote.info();
      await db.replicate.from(remote, { batch_size: batchSize, batches_limit: 4 });
      await queued(applyPulled);
      const mark = state!.writes;
      const pushed = await db.replicate.to(remote, { batch_size: batchSize, batches_limit: 4 });
      await queued(async () => {
        if (pushed.doc_write_failures === 0) for (const [id, n] of Object.entries(state!.dirty)) if (n <= mark) delete state!.dirty[id];
        state!.lastSyncAt = new Date(now()).toISOString();
        await saveState();
      });
      // A document the server refused (a validate_doc_update rule, a reader-only member) stays
      // pending and is said so, rather than passing for synced.
      if (pushed.doc_write_failures > 0) publish({ state: 'error', lastSyncAt: state!.lastSyncAt, error: problem('refused') });
      else publish({ state: 'idle', lastSyncAt: state!.lastSyncAt, error: null });
    } catch (error) {
      publish({ state: 'error', error: classify(error) });
    }
    return current;
  }

  /** Set when a sync is asked for during a run: local writes recorded after its push go out in one more run. */
  let again = false;

  function syncNow(): Promise<SyncStatus> {
    if (current.state === 'off' || !remote) return Promise.resolve(current);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let status: SyncStatus;
      do {
        again = false;
        status = await runSync();
      } while (again && remote && current.state !== 'off');
      return status;
    })().finally(() => (running = null));
    return running;
  }

  return {
    async start(target) {
      const checked = checkTarget(target);
      if (!checked.ok) throw new Error(checked.message);
      await queued(async () => {
        if (!local) local = new PouchDB(localName, localOptions);
        state = await loadState(local);
        if (state.target !== null && state.target !== checked.dbUrl) {
          // The replica belongs to another database: its documents must not leak into this one.
          await local.destroy();
          local = new PouchDB(localName, localOptions);
          state = await loadState(local);
        }
        state.target = checked.dbUrl;
        clock = createClock(state.device, now, state.clock);
        user = target.username.trim();
        originPattern = checked.originPattern;
        // skip_setup: PouchDB would otherwise create a missing database; a typo in the name
        // must say "not found", not start a second team database.
        const remoteOptions = { adapter: 'http', skip_setup: true, auth: { username: user, password: target.password }, ...options.remoteOptions };
        remote = options.openRemote ? options.openRemote(checked.dbUrl, remoteOptions) : new PouchDB(checked.dbUrl, remoteOptions);
        await saveState();
      });
      publish({ state: 'idle', lastSyncAt: state!.lastSyncAt, error: null });
      return current;
    },

    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
      remote = null;
      publish({ state: 'off' });
    },

    async forget() {
      await this.stop();
      await queued(async () => {
        const db = local ?? new PouchDB(localName, localOptions);
        await db.destroy();
        local = null;
        state = null;
        clock = null;
        ownRevs.clear();
      });
      publish({ state: 'off', lastSyncAt: null, error: null });
    },

    async needsSeed() {
      return queued(async () => !requireOpen().st.seeded);
    },

    async seed(batch, done = false) {
      await queued(async () => {
        const { db, st, ck } = requireOpen();
        const records = [
          ...(batch.leads ?? []).map((lead) => ({ id: `lead:${lead.id}`, record: { type: 'lead' as const, lead } })),
          ...(batch.touchpoints ?? []).map((touchpoint) => ({ id: `touchpoint:${touchpoint.id}`, record: { type: 'touchpoint' as const, touchpoint } })),
        ];
        const byId = new Map(records.map((r) => [r.id, r.record]));
        if (byId.size > 0) await writeDocs(db, [...byId.keys()], (id, doc) => reconcileLocal(doc, byId.get(id)!, ck.tick(), user));
        if (done) st.seeded = true;
        await saveState();
      });
      publish({});
      scheduleSync();
    },

    async recordLocal(changes) {
      if (changes.length === 0) return;
      await queued(async () => {
        const { db, ck } = requireOpen();
        const byId = new Map<string, LocalChange[]>();
        for (const change of changes) byId.set(docIdOf(change), [...(byId.get(docIdOf(change)) ?? []), change]);
        const finals = await writeDocs(db, [...byId.keys()], (id, doc) => {
          let next: SyncDoc | undefined = doc;
          for (const change of byId.get(id)!) next = applyLocal(next, change, ck.tick(), user) ?? next;
          return next === doc ? null : (next ?? null);
        });
        await saveState();
        // The merged document may hold colleagues' edits the local record does not have yet
        // (pulled but skipped, or applied before this write overwrote them): hand it back.
        const back: RemoteChange[] = [];
        for (const [id, doc] of finals) {
          const last = byId.get(id)!.at(-1)!;
          if (localMatches(doc, last)) continue;
          const remoteChange = toRemoteChange(doc);
          if (remoteChange) back.push(remoteChange);
        }
        // Inside the queue: a pull applied after this sees a newer document, never an older one.
        if (back.length > 0) await options.applyRemote(back);
      });
      publish({});
      scheduleSync();
    },

    syncNow,
    status: () => current,
  };
}
