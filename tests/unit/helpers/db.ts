import { openLeadlineDb } from '../../../lib/db/schema';
import { createRepositories } from '../../../lib/db/repositories';

let counter = 0;

/** Every repository on a fresh fake-indexeddb database, with a controllable clock. */
export async function freshRepo(start = '2026-11-22T10:00:00.000Z') {
  const clock = { now: new Date(start) };
  const db = await openLeadlineDb(`leadline-test-${++counter}`);
  return { db, repo: createRepositories(db, () => clock.now), clock };
}
