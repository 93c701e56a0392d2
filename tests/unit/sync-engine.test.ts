/**
 * The sync engine with real PouchDB 9: the IndexedDB adapter on fake-indexeddb for each machine's
 * replica, another PouchDB database standing in for the team's CouchDB (PouchDB replicates
 * database-to-database with the same protocol), and the http adapter with a stubbed fetch where
 * the server's answers matter (errors).
 */
import { createSyncEngine, type SyncEngine } from '../../lib/sync/engine';
import type { LocalChange } from '../../lib/sync/edits';
import type { RemoteChange } from '../../lib/sync/layout';
import { pouchWithPlugins, type PouchDatabase } from '../../lib/sync/pouch';
import type { SyncTarget } from '../../lib/sync/target';
import type { Lead, Touchpoint } from '../../lib/pipeline/model';
import { emailTouchpoint, jeff, kireet, TOUCHPOINT_IDS } from './helpers/sync';

const PouchDB = pouchWithPlugins();
const T0 = Date.parse('2026-11-22T09:30:00.000Z');
let run = 0;

/** What a repository does with pulled changes, reduced to a map per store. */
class FakeRepository {
  leads = new Map<string, Lead>();
  touchpoints = new Map<string, Touchpoint>();
  batches: RemoteChange[][] = [];
  constructor(
    private readonly engine: () => SyncEngine,
    readonly user: string,
  ) {}

  async applyRemote(changes: RemoteChange[]) {
    this.batches.push(changes);
    for (const c of changes) {
      if (c.type === 'lead') {
        if (c.deleted) this.leads.delete(c.id);
        else {
          const { owner: _owner, ...lead } = c.lead;
          this.leads.set(c.id, { ...lead, companyId: null, temperature: null, temperatureReasons: [], lastTouchAt: null, updatedAt: c.updatedAt });
        }
      } else if (c.type === 'touchpoint') {
        if (c.deleted) this.touchpoints.delete(c.id);
        else this.touchpoints.set(c.id, c.touchpoint);
      }
    }
  }

  /** A local write, recorded as the repository would after its transaction. */
  async write(change: LocalChange) {
    if (change.type === 'lead') {
      const id = (change.after ?? change.before)!.id;
      if (change.after) this.leads.set(id, change.after);
      else this.leads.delete(id);
    } else if (change.type === 'touchpoint') {
      const id = (change.after ?? change.before)!.id;
      if (change.after) this.touchpoints.set(id, change.after);
      else this.touchpoints.delete(id);
    }
    await this.engine().recordLocal([change]);
  }

  async edit(id: string, patch: Partial<Lead>) {
    const before = this.leads.get(id)!;
    await this.write({ type: 'lead', before, after: { ...before, ...patch } });
  }
}

const TARGET: SyncTarget = { url: 'http://127.0.0.1:5984', database: 'leadline-team', username: 'ana', password: 'correct horse battery staple' };

interface Machine {
  engine: SyncEngine;
  repo: FakeRepository;
  wall: { ms: number };
  localName: string;
}

function machine(server: PouchDatabase, user: string, localName = `replica-${++run}`, wallStart = T0): Machine {
  const wall = { ms: wallStart };
  let engine: SyncEngine;
  const repo = new FakeRepository(() => engine, user);
  engine = createSyncEngine({
    PouchDB,
    localName,
    now: () => wall.ms,
    applyRemote: (changes) => repo.applyRemote(changes),
    openRemote: () => server,
    batchSize: 50,
  });
  return { engine, repo, wall, localName };
}

async function started(server: PouchDatabase, user: string, localName?: string, wallStart?: number): Promise<Machine> {
  const m = machine(server, user, localName, wallStart);
  await m.engine.start({ ...TARGET, username: user });
  return m;
}

const newServer = () => new PouchDB(`server-${++run}`, { adapter: 'indexeddb' });

/** Syncs until a round moves nothing (what the alarm does over time). */
async function settle(...machines: Machine[]) {
  for (let round = 0; round < 3; round++) for (const m of machines) expect((await m.engine.syncNow()).error).toBeNull();
}

async function conflictsOn(db: PouchDatabase): Promise<string[]> {
  const { rows } = await db.allDocs({ include_docs: true, conflicts: true });
  return rows.filter((r) => (r.doc?._conflicts ?? []).length > 0).map((r) => r.id);
}

describe('sync engine', () => {
  test('a lead captured on one machine arrives on another with its touchpoints', async () => {
    const server = newServer();
    const a = await started(server, 'ana');
    const b = await started(server, 'ben');
    await a.repo.write({ type: 'lead', before: null, after: jeff() });
    await a.repo.write({ type: 'touchpoint', before: null, after: emailTouchpoint() });
    await a.repo.write({
      type: 'touchpoint',
      before: null,
      after: emailTouchpoint({ id: TOUCHPOINT_IDS[1], channel: 'call', direction: 'inbound', summary: 'Returned my call', url: null, externalId: null }),
    });
    expect(a.engine.status()).toMatchObject({ state: 'idle', pending: 3, lastSyncAt: null });
    a.wall.ms += 2000;
    expect(await a.engine.syncNow()).toEqual({ state: 'idle', pending: 0, lastSyncAt: '2026-11-22T09:30:02.000Z', error: null });
    await b.engine.syncNow();
    expect(b.repo.leads.get(jeff().id)).toMatchObject({
      name: 'Jeff Weiner',
      company: 'LinkedIn',
      linkedinUrl: 'https://www.linkedin.com/in/jeffweiner08/',
      stage: 'prospect',
    });
    expect([...b.repo.touchpoints.values()].map((t) => [t.channel, t.direction, t.summary]).sort()).toEqual([
      ['call', 'inbound', 'Returned my call'],
      ['email', 'outbound', 'Intro: pipeline review'],
    ]);
    // Nothing B pulled counts as B's to push.
    expect(b.engine.status().pending).toBe(0);
  });

  test('the same lead edited on both machines while apart converges to one record with no field lost', async () => {
    const server = newServer();
    const a = await started(server, 'ana');
    const b = await started(server, 'ben');
    await a.repo.write({ type: 'lead', before: null, after: jeff() });
    await settle(a, b);
    a.wall.ms += 60_000;
    b.wall.ms += 60_000;
    await a.repo.edit(jeff().id, { notes: 'Budget approved', qualification: { budget: 'yes', authority: 'unknown', need: 'unknown', timeframe: 'none' } });
    b.wall.ms += 30_000;
    await b.repo.edit(jeff().id, { company: 'Microsoft', notes: 'Moved to Microsoft', tags: ['enterprise'] });
    // Both push their branch; the server holds a conflict until a machine merges it.
    await a.engine.syncNow();
    await b.engine.syncNow();
    await settle(a, b);
    const onA = a.repo.leads.get(jeff().id)!;
    const onB = b.repo.leads.get(jeff().id)!;
    expect(onA).toEqual(onB);
    expect([onA.company, onA.notes, onA.qualification.budget, onA.tags]).toEqual(['Microsoft', 'Moved to Microsoft', 'yes', ['enterprise']]);
    expect(await conflictsOn(server)).toEqual([]);
  });

  test('a deletion propagates, an edit made meanwhile does not bring the lead back, and undo does', async () => {
    const server = newServer();
    const a = await started(server, 'ana');
    const b = await started(server, 'ben');
    await a.repo.write({ type: 'lead', before: null, after: jeff() });
    await a.repo.write({ type: 'lead', before: null, after: kireet() });
    await settle(a, b);
    a.wall.ms += 1000;
    await a.repo.write({ type: 'lead', before: jeff(), after: null });
    b.wall.ms += 2000;
    await b.repo.edit(jeff().id, { notes: 'Asked for pricing' });
    await settle(a, b);
    expect([...a.repo.leads.keys()]).toEqual([kireet().id]);
    expect([...b.repo.leads.keys()]).toEqual([kireet().id]);
    a.wall.ms += 5000;
    await a.repo.write({ type: 'lead', before: null, after: jeff() });
    await settle(a, b);
    expect(b.repo.leads.get(jeff().id)?.notes).toBe('Asked for pricing');
    expect(a.repo.leads.get(jeff().id)?.notes).toBe('Asked for pricing');
  });

  test('a write that raced a pull gets the merged record handed back', async () => {
    const server = newServer();
    const a = await started(server, 'ana');
    const b = await started(server, 'ben');
    await a.repo.write({ type: 'lead', before: null, after: jeff() });
    await settle(a, b);
    b.wall.ms += 1000;
    await b.repo.edit(jeff().id, { company: 'Microsoft' });
    await b.engine.syncNow();
    await a.engine.syncNow();
    // A's repository wrote from a copy read before the pull landed: company is stale in `after`.
    a.wall.ms += 5000;
    a.repo.batches = [];
    await a.engine.recordLocal([{ type: 'lead', before: jeff(), after: jeff({ notes: 'Follow up in January' }) }]);
    expect(a.repo.batches).toHaveLength(1);
    expect(a.repo.batches[0]![0]).toMatchObject({ type: 'lead', lead: { company: 'Microsoft', notes: 'Follow up in January' } });
  });

  test('a restarted service worker resumes: pending writes survive, applied changes are not applied twice', async () => {
    const server = newServer();
    const a1 = await started(server, 'ana');
    await a1.repo.write({ type: 'lead', before: null, after: jeff() });
    await a1.repo.write({ type: 'lead', before: null, after: kireet() });
    // The worker stops before it syncs: a new engine on the same replica.
    const a2 = await started(server, 'ana', a1.localName);
    expect(a2.engine.status().pending).toBe(2);
    await a2.engine.syncNow();
    expect((await server.allDocs({})).rows.map((r) => r.id).sort()).toEqual([`lead:${kireet().id}`, `lead:${jeff().id}`].sort());

    const b1 = await started(server, 'ben');
    await b1.engine.syncNow();
    expect(
      b1.repo.batches
        .flat()
        .map((c) => c.type === 'lead' && c.lead.name)
        .sort(),
    ).toEqual(['Jeff Weiner', 'Kireet Agrawal']);
    const b2 = await started(server, 'ben', b1.localName);
    await b2.engine.syncNow();
    expect(b2.repo.batches).toEqual([]);
  });

  test('a replica belongs to one database: pointing it at another starts afresh', async () => {
    const server = newServer();
    const a = await started(server, 'ana');
    await a.repo.write({ type: 'lead', before: null, after: jeff() });
    expect(await a.engine.needsSeed()).toBe(true);
    await a.engine.seed({ leads: [kireet()] }, true);
    expect(await a.engine.needsSeed()).toBe(false);
    expect(a.engine.status().pending).toBe(2);
    await a.engine.start({ ...TARGET, database: 'another-team' });
    expect(a.engine.status().pending).toBe(0);
    expect(await a.engine.needsSeed()).toBe(true);
  });
});

describe('sync errors', () => {
  function httpMachine(fetch: (url: string, init: RequestInit) => Promise<Response>, mayReach?: () => Promise<boolean>) {
    const applied: RemoteChange[][] = [];
    const engine = createSyncEngine({
      PouchDB,
      localName: `replica-${++run}`,
      applyRemote: async (c) => void applied.push(c),
      remoteOptions: { fetch },
      ...(mayReach ? { mayReach } : {}),
    });
    return { engine, applied };
  }

  test('bad credentials say "wrong password" and write nothing on either side', async () => {
    const requests: string[] = [];
    const { engine, applied } = httpMachine(async (url, init) => {
      requests.push(`${init.method ?? 'GET'} ${url}`);
      // CouchDB's answer to a wrong password (express-pouchdb routes/special-test-auth.js has the same body).
      return new Response(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }), { status: 401 });
    });
    await engine.start(TARGET);
    await engine.recordLocal([{ type: 'lead', before: null, after: jeff() }]);
    const status = await engine.syncNow();
    expect(status).toEqual({
      state: 'error',
      lastSyncAt: null,
      pending: 1,
      error: { code: 'wrong-password', message: 'Wrong user name or password.', retrying: false },
    });
    expect(requests).toEqual(['GET http://127.0.0.1:5984/leadline-team/']);
    expect(applied).toEqual([]);
  });

  test('a database that does not exist is reported, not created', async () => {
    const requests: string[] = [];
    const { engine } = httpMachine(async (url, init) => {
      requests.push(`${init.method ?? 'GET'} ${url}`);
      return new Response(JSON.stringify({ error: 'not_found', reason: 'Database does not exist.' }), { status: 404 });
    });
    await engine.start(TARGET);
    expect((await engine.syncNow()).error).toEqual({ code: 'not-found', message: 'Database not found on the server — check its name.', retrying: false });
    expect(requests.filter((r) => r.startsWith('PUT'))).toEqual([]);
  });

  test('no answer at all is "server unreachable — will retry"', async () => {
    const { engine } = httpMachine(async () => {
      throw new TypeError('Failed to fetch');
    });
    await engine.start(TARGET);
    expect(await engine.syncNow()).toMatchObject({
      state: 'error',
      error: { code: 'unreachable', message: 'Server unreachable — will retry.', retrying: true },
    });
  });

  test('without the host permission nothing is sent', async () => {
    const requests: string[] = [];
    const { engine } = httpMachine(
      async (url) => {
        requests.push(url);
        return new Response('{}');
      },
      async () => false,
    );
    await engine.start(TARGET);
    expect((await engine.syncNow()).error?.code).toBe('no-permission');
    expect(requests).toEqual([]);
  });

  test('the password never appears in the status or its errors', async () => {
    const { engine } = httpMachine(
      async () => new Response(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }), { status: 401 }),
    );
    await engine.start(TARGET);
    const status = await engine.syncNow();
    expect(JSON.stringify(status)).not.toContain('correct horse');
  });

  test('a stopped engine does nothing until started again', async () => {
    const requests: string[] = [];
    const { engine } = httpMachine(async (url) => {
      requests.push(url);
      return new Response('{}');
    });
    await engine.start(TARGET);
    await engine.stop();
    expect(await engine.syncNow()).toMatchObject({ state: 'off' });
    expect(requests).toEqual([]);
  });
});
