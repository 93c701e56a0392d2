/**
 * The sync engine in the extension's real MV3 service worker (the synclab build), replicating with
 * pouchdb-server in memory on 127.0.0.1 (tests/e2e/sync-server.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClock } from '../../lib/sync/clock';
import { applyLocal } from '../../lib/sync/edits';
import type { SyncTarget } from '../../lib/sync/target';
import { DEVICE_B, jeff, kireet } from '../unit/helpers/sync';
import { buildLab, grantOrigin, launchLab, removeProfile, requestByClick, type ChromeInPage, type LabSession } from './sync-lab';
import { startCouch, type CouchServer } from './sync-server';

let couch: CouchServer;
const sessions: LabSession[] = [];
const USERS = { ana: 'ana-T7pQw2Lz', ben: 'ben-Vd4kRm8s' };

beforeAll(async () => {
  buildLab();
  couch = await startCouch();
  await couch.createUser('ana', USERS.ana);
  await couch.createUser('ben', USERS.ben);
}, 120_000);

afterAll(async () => {
  for (const s of sessions) {
    await s.close().catch(() => {});
    removeProfile(s.userDataDir);
  }
  await couch?.stop();
});

async function lab(): Promise<LabSession> {
  const session = await launchLab();
  sessions.push(session);
  return session;
}

async function granted(): Promise<LabSession> {
  const session = await lab();
  expect(await grantOrigin(session, 'http://127.0.0.1/*')).toBe(true);
  return session;
}

function target(database: string, user: keyof typeof USERS, password = USERS[user]): SyncTarget {
  return { url: couch.url, database, username: user, password };
}

const start = (s: LabSession, t: SyncTarget, replica?: string) => s.worker.evaluate((tt, r) => globalThis.leadlineSyncLab!.start(tt, r), t, replica);
const sync = (s: LabSession) => s.worker.evaluate(() => globalThis.leadlineSyncLab!.sync());
const capture = (s: LabSession, n: number) => s.worker.evaluate((count) => globalThis.leadlineSyncLab!.capture(count), n);
const received = (s: LabSession) => s.worker.evaluate(() => globalThis.leadlineSyncLab!.received());
const docCount = async (db: string) => ((await couch.request('GET', `/${db}`)).json as { doc_count: number }).doc_count;

describe('team sync from the MV3 service worker', () => {
  test('without the origin granted the worker cannot reach a CouchDB that has CORS off; once granted it syncs', async () => {
    await couch.createDatabase('leadline-permission', ['ana']);
    const session = await lab();
    const probe = () => session.worker.evaluate((u) => globalThis.leadlineSyncLab!.probe(u), `${couch.url}/`);
    expect(await probe()).toEqual({ error: 'TypeError: Failed to fetch' });
    await start(session, target('leadline-permission', 'ana'));
    expect((await sync(session)).error).toEqual({
      code: 'no-permission',
      message: 'Leadline is not allowed to contact this server yet — choose "Start syncing" in Settings to allow it.',
      retrying: false,
    });
    // Only origins the manifest lists as optional can be asked for.
    await expect(requestByClick(session, 'ftp://127.0.0.1/*')).rejects.toThrow();
    expect(await grantOrigin(session, 'http://127.0.0.1/*')).toBe(true);
    expect(await session.worker.evaluate(() => (globalThis as unknown as ChromeInPage).chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(
      true,
    );
    expect(await probe()).toEqual({ status: 200 });
    expect(await sync(session)).toMatchObject({ state: 'idle', error: null, pending: 0 });
    expect(session.problems.filter((p) => !p.includes('Failed to fetch') && !p.includes('ERR_FAILED'))).toEqual([]);
  });

  test('a few hundred documents replicate both ways', async () => {
    await couch.createDatabase('leadline-both-ways', ['ana', 'ben']);
    // Ben's machine wrote 300 leads (the layout as lib/sync/edits.ts writes it), already on the server.
    const clock = createClock(DEVICE_B, () => Date.parse('2026-11-20T10:00:00.000Z'));
    const docs = Array.from({ length: 300 }, (_, i) => {
      const lead = (i % 2 ? kireet : jeff)({ id: crypto.randomUUID(), notes: `Met at the booth, visit ${i}` });
      return applyLocal(undefined, { type: 'lead', before: null, after: lead }, clock.tick(), 'ben')!;
    });
    expect((await couch.request('POST', '/leadline-both-ways/_bulk_docs', { docs })).status).toBe(201);

    const session = await granted();
    await start(session, target('leadline-both-ways', 'ana'));
    const pulled = await sync(session);
    expect(pulled).toMatchObject({ state: 'idle', error: null, pending: 0 });
    const got = await received(session);
    expect(got.count).toBe(300);
    const sample = got.leads[docs[7]!._id.slice('lead:'.length)];
    expect(sample).toMatchObject({
      type: 'lead',
      deleted: false,
      lead: { name: 'Kireet Agrawal', company: 'Gantry', notes: 'Met at the booth, visit 7', owner: 'ben' },
      updatedAt: '2026-11-20T10:00:00.000Z',
    });

    const { ids } = await capture(session, 300);
    expect((await sync(session)).pending).toBe(0);
    expect(await docCount('leadline-both-ways')).toBe(600);
    const mine = (await couch.request('GET', `/leadline-both-ways/lead:${ids[0]}`)).json as {
      fields: Record<string, unknown>;
      by: Record<string, string>;
      stamps: Record<string, string>;
    };
    expect(mine.fields).toMatchObject({ name: 'Kireet Agrawal', company: 'Gantry', owner: 'ana', deleted: false });
    expect(mine.by.name).toBe('ana');
    expect(mine.stamps.name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9A-F]{4}-[0-9a-f]{16}$/);
    expect(session.problems).toEqual([]);
  });

  test('two profiles: a capture on A reaches B, concurrent edits converge with no field lost, a deletion propagates', async () => {
    await couch.createDatabase('leadline-two', ['ana', 'ben']);
    const a = await granted();
    const b = await granted();
    await start(a, target('leadline-two', 'ana'));
    await start(b, target('leadline-two', 'ben'));
    const [id] = (await capture(a, 1)).ids;
    await sync(a);
    await sync(b);
    expect((await received(b)).leads[id!]).toMatchObject({ type: 'lead', lead: { name: 'Kireet Agrawal', owner: 'ana' } });

    // Both edit while apart; Ben's edit comes later.
    await a.worker.evaluate((i) => globalThis.leadlineSyncLab!.edit(i, { notes: 'Budget approved', dealValue: 24000 }), id!);
    await new Promise((r) => setTimeout(r, 20));
    await b.worker.evaluate((i) => globalThis.leadlineSyncLab!.edit(i, { company: 'Microsoft', notes: 'Moved to Microsoft' }), id!);
    for (let round = 0; round < 2; round++) for (const s of [a, b]) expect((await sync(s)).error).toBeNull();
    const onA = (await received(a)).leads[id!];
    const onB = (await received(b)).leads[id!];
    expect(onA).toEqual(onB);
    expect(onA).toMatchObject({ lead: { company: 'Microsoft', notes: 'Moved to Microsoft', dealValue: 24000 } });
    const serverDoc = (await couch.request('GET', `/leadline-two/lead:${id}?conflicts=true`)).json as { _conflicts?: string[]; by: Record<string, string> };
    expect(serverDoc._conflicts).toBeUndefined();
    expect([serverDoc.by.company, serverDoc.by.notes, serverDoc.by.dealValue]).toEqual(['ben', 'ben', 'ana']);

    await a.worker.evaluate((i) => globalThis.leadlineSyncLab!.remove(i), id!);
    await sync(a);
    await sync(b);
    expect((await received(b)).leads[id!]).toMatchObject({ type: 'lead', deleted: true });
    expect([...a.problems, ...b.problems]).toEqual([]);
  });

  test('bad credentials give a clear error and write nothing', async () => {
    await couch.createDatabase('leadline-bad-password', ['ana']);
    const session = await granted();
    await start(session, target('leadline-bad-password', 'ana', 'not-the-password'));
    await capture(session, 3);
    const status = await sync(session);
    expect(status).toMatchObject({
      state: 'error',
      pending: 3,
      lastSyncAt: null,
      error: { code: 'wrong-password', message: 'Wrong user name or password.', retrying: false },
    });
    expect(await docCount('leadline-bad-password')).toBe(0);
    expect((await received(session)).count).toBe(0);
    // Ben exists but is not a member of this database.
    await start(session, target('leadline-bad-password', 'ben'));
    expect((await sync(session)).error?.code).toBe('forbidden');
    expect(await docCount('leadline-bad-password')).toBe(0);
  });

  test('a service worker stopped in the middle of a push resumes without duplicates', async () => {
    await couch.createDatabase('leadline-resume', ['ana']);
    const session = await granted();
    await start(session, target('leadline-resume', 'ana'));
    await capture(session, 3000);
    await session.worker.evaluate(() => void globalThis.leadlineSyncLab!.sync());
    while ((await docCount('leadline-resume')) === 0) await new Promise((r) => setTimeout(r, 10));
    const isWorker = (t: { type(): string; url(): string }) => t.type() === 'service_worker' && t.url().endsWith('/background.js');
    const before = new Set(session.browser.targets().filter(isWorker));
    // Puppeteer stops a service worker by closing its target and detaching (an attached DevTools
    // session would keep it alive), as Chrome does to an idle worker.
    await session.worker.close();
    const page = await session.browser.newPage();
    const atStop = await docCount('leadline-resume');
    expect(atStop).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 500));
    // Stopped: nothing more arrives until the worker is woken.
    expect(await docCount('leadline-resume')).toBe(atStop);
    // Opening an extension page wakes the worker again.
    const wake = session.browser.waitForTarget((t) => isWorker(t) && !before.has(t), { timeout: 15_000 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const worker = (await (await wake).worker())!;
    worker.on('console', (msg) => {
      if (msg.type() === 'error') session.problems.push(`service worker: ${msg.text()}`);
    });
    const resumed = { ...session, worker };
    await start(resumed, target('leadline-resume', 'ana'));
    expect((await sync(resumed)).pending).toBe(0);
    expect(await docCount('leadline-resume')).toBe(3000);
    const { rows } = (await couch.request('GET', '/leadline-resume/_all_docs')).json as { rows: { value: { rev: string } }[] };
    expect(rows.filter((r) => !r.value.rev.startsWith('1-'))).toEqual([]);
  });
});
