/**
 * Sync benchmark: 10,000 leads pushed and pulled by the sync engine in the extension's service
 * worker, beside the floor the issue sets — PouchDB's own replication of 10,000 plain documents
 * between the same kind of local database (IndexedDB adapter) and the same server. pouchdb-server
 * runs in memory on 127.0.0.1. Prints one JSON object.
 */
import { buildLab, grantOrigin, launchLab, removeProfile } from '../tests/e2e/sync-lab';
import { startCouch } from '../tests/e2e/sync-server';

const N = Number(process.env.SYNC_BENCH_N ?? 10_000);

buildLab();
const couch = await startCouch();
await couch.createUser('ana', 'ana-T7pQw2Lz');
await couch.createUser('ben', 'ben-Vd4kRm8s');
await couch.createDatabase('bench-floor', ['ana', 'ben']);
await couch.createDatabase('bench-leads', ['ana', 'ben']);
const session = await launchLab();
try {
  if (!(await grantOrigin(session, 'http://127.0.0.1/*'))) throw new Error('origin not granted');
  const w = session.worker;

  const floor = await w.evaluate(
    (url, n) => globalThis.leadlineSyncLab!.bulkFloor(url, { username: 'ana', password: 'ana-T7pQw2Lz' }, n),
    `${couch.url}/bench-floor`,
    N,
  );

  await w.evaluate(
    (url) => globalThis.leadlineSyncLab!.start({ url, database: 'bench-leads', username: 'ana', password: 'ana-T7pQw2Lz' }, 'bench-a'),
    couch.url,
  );
  const recorded = await w.evaluate((n) => globalThis.leadlineSyncLab!.capture(n).then((r) => r.ms), N);
  const pushed = await w.evaluate(() => globalThis.leadlineSyncLab!.sync());

  // A second machine: a fresh replica pulls everything and hands it to applyRemote.
  await w.evaluate(
    (url) => globalThis.leadlineSyncLab!.start({ url, database: 'bench-leads', username: 'ben', password: 'ben-Vd4kRm8s' }, 'bench-b'),
    couch.url,
  );
  const before = await w.evaluate(() => globalThis.leadlineSyncLab!.received().count);
  const pulled = await w.evaluate(() => globalThis.leadlineSyncLab!.sync());
  const applied = (await w.evaluate(() => globalThis.leadlineSyncLab!.received().count)) - before;

  const round = (ms: number) => Math.round(ms);
  const result = {
    documents: N,
    floor: { pushMs: round(floor.pushMs), pullMs: round(floor.pullMs), pulled: floor.pulled },
    leads: {
      recordLocalMs: round(recorded),
      pushMs: round(pushed.ms),
      pullAndApplyMs: round(pulled.ms),
      applied,
      errors: [pushed.error, pulled.error].filter(Boolean),
    },
    ratio: { push: +(pushed.ms / floor.pushMs).toFixed(2), pull: +(pulled.ms / floor.pullMs).toFixed(2) },
    problems: session.problems,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await session.close();
  removeProfile(session.userDataDir);
  await couch.stop();
}
