/**
 * Test-only handle on the sync engine inside the service worker, installed by the `synclab`
 * build (`wxt build --mode synclab`) and never by a production build: end-to-end tests and the
 * benchmark drive it with `worker.evaluate`. Pulled changes are collected here instead of going to
 * the repository, which is not wired to sync yet.
 */
import { createSyncEngine, type SyncEngine, type SyncStatus } from './engine';
import type { LocalChange } from './edits';
import type { RemoteChange } from './layout';
import { browser } from 'wxt/browser';
import { grantedCheck } from './permissions';
import { pouchWithPlugins, type PouchDatabase } from './pouch';
import type { SyncTarget } from './target';
import { EMPTY_QUALIFICATION, type Lead } from '../pipeline/model';

export interface SyncLab {
  start(target: SyncTarget, replica?: string): Promise<SyncStatus>;
  /** Records `count` captured leads as the repository would, in batches of 500. */
  capture(count: number): Promise<{ ms: number; ids: string[] }>;
  edit(id: string, patch: Partial<Lead>): Promise<void>;
  remove(id: string): Promise<void>;
  sync(): Promise<SyncStatus & { ms: number }>;
  /** What applyRemote received so far: per lead id, the last change. */
  received(): { count: number; leads: Record<string, RemoteChange> };
  /** PouchDB's own replication of `count` plain documents to and from `dbUrl`: the floor. */
  bulkFloor(dbUrl: string, auth: { username: string; password: string }, count: number): Promise<{ pushMs: number; pullMs: number; pulled: number }>;
  /** One GET from the worker, to see whether the origin is reachable without PouchDB in the way. */
  probe(url: string): Promise<{ status: number } | { error: string }>;
}

declare global {
  var leadlineSyncLab: SyncLab | undefined;
}

/** A lead as capture makes it; the name and company are real captured values (tests/fixtures/linkedin, Kireet Agrawal's profile). */
function capturedLead(id: string, at: string): Lead {
  return {
    id,
    name: 'Kireet Agrawal',
    headline: 'Software Engineer at Gantry',
    company: 'Gantry',
    location: 'Berkeley, California, United States',
    linkedinUrl: null,
    photoUrl: null,
    emails: [],
    source: 'linkedin',
    stage: 'prospect',
    reached: ['prospect'],
    stageHistory: [{ from: null, to: 'prospect', at }],
    lost: null,
    later: null,
    qualification: { ...EMPTY_QUALIFICATION },
    temperature: null,
    temperatureReasons: [],
    temperatureOverride: null,
    dealValue: null,
    currency: 'USD',
    expectedCloseOn: null,
    nextFollowUpOn: null,
    tags: [],
    notes: '',
    lastTouchAt: null,
    createdAt: at,
    updatedAt: at,
    companyId: null,
    linkedinMemberId: null,
    salesNavUrl: null,
  };
}

/** Puts the lab handle on the worker's global scope. */
export function installSyncLab(): void {
  const PouchDB = pouchWithPlugins();
  const leads = new Map<string, Lead>();
  const received = new Map<string, RemoteChange>();
  let count = 0;
  let engine: SyncEngine | null = null;

  const applyRemote = async (changes: RemoteChange[]) => {
    for (const c of changes) {
      count++;
      const key = c.type === 'settings' ? 'settings' : c.id;
      received.set(key, c);
      if (c.type === 'lead' && !c.deleted) {
        const { owner: _owner, ...lead } = c.lead;
        leads.set(c.id, { ...lead, companyId: null, temperature: null, temperatureReasons: [], lastTouchAt: null, updatedAt: c.updatedAt });
      }
      if (c.type === 'lead' && c.deleted) leads.delete(c.id);
    }
  };

  const record = async (changes: LocalChange[]) => {
    if (!engine) throw new Error('start the lab first');
    await engine.recordLocal(changes);
  };

  globalThis.leadlineSyncLab = {
    async start(target, replica = 'leadline-sync') {
      engine = createSyncEngine({ PouchDB, applyRemote, localName: replica, batchSize: 500, mayReach: grantedCheck(browser.permissions) });
      return engine.start(target);
    },
    async capture(n) {
      const started = performance.now();
      const at = new Date().toISOString();
      const ids: string[] = [];
      for (let i = 0; i < n; i += 500) {
        const batch: LocalChange[] = [];
        for (let j = i; j < Math.min(n, i + 500); j++) {
          const lead = capturedLead(crypto.randomUUID(), at);
          leads.set(lead.id, lead);
          ids.push(lead.id);
          batch.push({ type: 'lead', before: null, after: lead });
        }
        await record(batch);
      }
      return { ms: performance.now() - started, ids };
    },
    async edit(id, patch) {
      const before = leads.get(id);
      if (!before) throw new Error(`no lead ${id}`);
      const after = { ...before, ...patch };
      leads.set(id, after);
      await record([{ type: 'lead', before, after }]);
    },
    async remove(id) {
      const before = leads.get(id);
      if (!before) throw new Error(`no lead ${id}`);
      leads.delete(id);
      await record([{ type: 'lead', before, after: null }]);
    },
    async sync() {
      if (!engine) throw new Error('start the lab first');
      const started = performance.now();
      const status = await engine.syncNow();
      return { ...status, ms: performance.now() - started };
    },
    received: () => ({ count, leads: Object.fromEntries(received) }),
    async bulkFloor(dbUrl, auth, n) {
      const remote: PouchDatabase = new PouchDB(dbUrl, { adapter: 'http', auth });
      const source: PouchDatabase = new PouchDB(`floor-src-${Date.now()}`, { adapter: 'indexeddb' });
      const docs = Array.from({ length: n }, (_, i) => ({ _id: `plain-${String(i).padStart(6, '0')}`, name: 'Kireet Agrawal', company: 'Gantry', n: i }));
      for (let i = 0; i < n; i += 1000) await source.bulkDocs(docs.slice(i, i + 1000));
      let started = performance.now();
      await source.replicate.to(remote, { batch_size: 500, batches_limit: 4 });
      const pushMs = performance.now() - started;
      const target: PouchDatabase = new PouchDB(`floor-dst-${Date.now()}`, { adapter: 'indexeddb' });
      started = performance.now();
      await target.replicate.from(remote, { batch_size: 500, batches_limit: 4 });
      const pullMs = performance.now() - started;
      const pulled = (await target.info()).doc_count;
      await source.destroy();
      await target.destroy();
      return { pushMs, pullMs, pulled };
    },
    async probe(url) {
      try {
        const response = await fetch(url);
        return { status: response.status };
      } catch (error) {
        return { error: String(error) };
      }
    },
  };
}
