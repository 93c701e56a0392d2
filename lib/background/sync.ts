/**
 * Team sync in the background: the settings a user turned on (kept in `storage.local` of this
 * browser only, the password included — never in the backup, never sent anywhere but the server),
 * the engine (lib/sync/engine.ts) started from them, local writes handed to it after each commit,
 * pulled changes applied through the repository (lib/db/sync-apply.ts), and an alarm that syncs
 * periodically and survives the service worker being stopped.
 */
import { applyRemote } from '../db/sync-apply';
import type { Db } from '../db/schema';
import { setWriteHooks, write } from '../db/tx';
import type { SyncView } from '../messaging/protocol';
import type { Lead, Touchpoint } from '../pipeline/model';
import { canonical } from '../sync/merge';
import type { LocalChange } from '../sync/edits';
import { createSyncEngine, type SyncEngine, type SyncStatus } from '../sync/engine';
import { leadFields, leadSets } from '../sync/layout';
import { grantedCheck, type PermissionsApi } from '../sync/permissions';
import type { PouchStatic } from '../sync/pouch';
import { scheduleSync, unscheduleSync, type AlarmsApi } from '../sync/schedule';
import { checkTarget, type SyncTarget } from '../sync/target';

/** The storage.local key of the sync settings. */
export const SYNC_CONFIG_KEY = 'leadline.sync';

export interface SyncConfig {
  enabled: boolean;
  target: SyncTarget;
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SyncControllerOptions {
  db: Db;
  PouchDB: PouchStatic;
  storage: StorageArea;
  alarms: AlarmsApi;
  permissions: PermissionsApi;
  /** Pulled changes landed: tell the pages and sidebars. */
  changed(leadIds: string[]): void;
  now?: () => Date;
  /** After a local write, sync this many ms later. */
  syncDelayMs?: number;
}

export interface SyncController {
  /** Resumes sync after the service worker (re)started, when it was on. */
  init(): Promise<void>;
  view(): Promise<SyncView>;
  enable(target: SyncTarget): Promise<SyncView>;
  disable(): Promise<SyncView>;
  syncNow(): Promise<SyncView>;
}

const OFF: SyncStatus = { state: 'off', lastSyncAt: null, pending: 0, error: null };
/** Problems that no retry fixes: turning sync on with them leaves it off. */
const FATAL = new Set(['wrong-password', 'forbidden', 'not-found', 'no-permission']);
const SEED_BATCH = 500;

/** Whether a lead change touches anything the team sees (a refreshed temperature does not). */
function replicated(change: LocalChange): boolean {
  if (change.type !== 'lead' || !change.before || !change.after) return true;
  const view = (lead: Lead) => canonical({ f: leadFields(lead, null), s: leadSets(lead) });
  return view(change.before) !== view(change.after);
}

/** The background's team sync. */
export function createSyncController(options: SyncControllerOptions): SyncController {
  const now = options.now ?? (() => new Date());
  let config: SyncConfig | null = null;
  let engine: SyncEngine | null = null;
  let status: SyncStatus = OFF;

  const engineFor = () =>
    createSyncEngine({
      PouchDB: options.PouchDB,
      applyRemote: async (changes) => {
        const { leadIds, skipped } = await applyRemote(options.db, now(), changes);
        for (const s of skipped) console.warn(`Leadline sync: kept ${s.id} out of this browser: ${s.why}`);
        if (leadIds.length > 0) options.changed(leadIds);
      },
      mayReach: grantedCheck(options.permissions),
      syncDelayMs: options.syncDelayMs ?? 2000,
      onStatus: (next) => (status = next),
    });

  async function save(next: SyncConfig | null) {
    config = next;
    await options.storage.set({ [SYNC_CONFIG_KEY]: next });
  }

  /** Records committed changes in the replica, then drops their outbox entry. */
  async function record(active: SyncEngine, changes: LocalChange[], seq: number) {
    await active.recordLocal(changes);
    await options.db.delete('syncOutbox', seq);
  }

  function hook(active: SyncEngine | null, owner: string | null) {
    setWriteHooks(
      options.db,
      active
        ? {
            owner: () => owner,
            wanted: replicated,
            committed: (changes, seq) => {
              // On failure the entry stays in the outbox: the next start of the worker records it.
              record(active, changes, seq).catch((error) => console.warn('Leadline sync: could not record a change', error));
            },
          }
        : null,
    );
  }

  /** Changes committed before the worker stopped and not yet recorded (recording twice changes nothing). */
  async function drainOutbox(active: SyncEngine) {
    for (const entry of await options.db.getAll('syncOutbox')) await record(active, entry.changes, entry.seq!);
  }

  /**
   * Copies this browser's leads and touchpoints into a new replica (or, `always`, reconciles an
   * existing one with them: changes made while sync was off), and makes this rep the owner of
   * leads without one.
   */
  async function seed(active: SyncEngine, owner: string, always = false) {
    if (!always && !(await active.needsSeed())) return;
    const leads = (await options.db.getAll('leads')) as Lead[];
    const touchpoints = (await options.db.getAll('touchpoints')) as Touchpoint[];
    const owned = leads.map((l) => ({ ...l, owner: l.owner ?? owner }));
    for (let i = 0; i < owned.length; i += SEED_BATCH) await active.seed({ leads: owned.slice(i, i + SEED_BATCH) });
    for (let i = 0; i < touchpoints.length; i += SEED_BATCH) await active.seed({ touchpoints: touchpoints.slice(i, i + SEED_BATCH) });
    await active.seed({}, true);
    // The local records learn their owner too (a remote write: the replica has it already).
    const unowned = leads.filter((l) => !l.owner).map((l) => l.id);
    if (unowned.length > 0) {
      await write(
        options.db,
        now(),
        async (w) => {
          for (const id of unowned) {
            const before = await w.leads.get(id);
            if (before && !before.owner) await w.putLead(before, { ...before, owner });
          }
        },
        [],
        { remote: true },
      );
      options.changed(unowned);
    }
  }

  async function run(target: SyncTarget): Promise<SyncStatus> {
    const active = engineFor();
    await active.start(target);
    engine = active;
    hook(active, target.username.trim());
    // Pull first: a wrong password or a missing database shows before anything is written, and
    // a colleague's leads arrive before this browser's are stamped into the replica.
    let result = await active.syncNow();
    if (result.error && FATAL.has(result.error.code)) return result;
    await seed(active, target.username.trim(), true);
    result = await active.syncNow();
    return result;
  }

  async function stopEngine() {
    hook(null, null);
    // Changes made from here on reach the team through the reconcile when sync is turned on again.
    await options.db.clear('syncOutbox');
    await engine?.stop();
    engine = null;
  }

  const view = (): SyncView => ({
    enabled: config?.enabled === true,
    target: config ? { url: config.target.url, database: config.target.database, username: config.target.username } : null,
    status: config?.enabled && engine ? status : { ...OFF, error: status.state === 'error' && !config?.enabled ? status.error : null },
  });

  async function load(): Promise<SyncConfig | null> {
    const stored = (await options.storage.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY] as SyncConfig | null | undefined;
    return stored ?? null;
  }

  return {
    async init() {
      config = await load();
      if (!config?.enabled) return;
      const active = engineFor();
      await active.start(config.target);
      engine = active;
      hook(active, config.target.username.trim());
      await scheduleSync(options.alarms);
      void drainOutbox(active)
        .then(() => seed(active, config!.target.username.trim()))
        .then(() => active.syncNow())
        .catch((error) => console.warn('Leadline sync: could not resume', error));
    },

    async view() {
      if (!config) config = await load();
      return view();
    },

    async enable(target) {
      const checked = checkTarget(target);
      if (!checked.ok) throw new Error(checked.message);
      await stopEngine();
      const result = await run(target);
      if (result.error && FATAL.has(result.error.code)) {
        // Nothing stays on: the password is not kept and no alarm wakes the worker for it.
        await stopEngine();
        status = { ...OFF, state: 'error', error: result.error };
        await save({ enabled: false, target: { ...target, password: '' } });
        return view();
      }
      await save({ enabled: true, target });
      await scheduleSync(options.alarms);
      return view();
    },

    async disable() {
      await stopEngine();
      await unscheduleSync(options.alarms);
      status = OFF;
      // Local data stays; the password goes (turning on again asks for it).
      if (config) await save({ enabled: false, target: { ...config.target, password: '' } });
      return view();
    },

    async syncNow() {
      if (engine) await engine.syncNow();
      return view();
    },
  };
}
