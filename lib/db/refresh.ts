/**
 * The hourly job: temperatures recomputed as time passes, and parked leads whose date has come
 * returned to their stage. Only leads whose recheck instant has come are visited (the `byRecheck`
 * index, `recheck.ts`), in short transactions (`jobs.ts`), each lead leaving with its next
 * instant. Idempotent: run twice at the same time, the second finds nothing due.
 */
import { nextRecheck } from '../pipeline/recheck';
import { reengageIfDue } from '../pipeline/stages';
import { engagementOf, withTemperature } from '../pipeline/temperature';
import { inChunks, type ChunkOptions, type JobStats } from './jobs';
import type { Db } from './schema';
import { toStored } from './stored';
import { write } from './tx';

/** The meta record of the last refresh (what it did, for the record and the benchmark). */
export const REFRESH_RECORD = 'job.refresh';

export type RefreshRecord = JobStats & {
  key: typeof REFRESH_RECORD;
  /** The instant the refresh worked for. */
  at: string;
  /** Leads whose temperature or stage changed. */
  changed: number;
};

/** Recomputes every lead due at `now`; returns the ids of those that changed. */
export async function refresh(db: Db, now: Date, options: ChunkOptions = {}): Promise<string[]> {
  const until = IDBKeyRange.upperBound(now.toISOString());
  const changed: string[] = [];
  const stats = await inChunks(
    (size) =>
      write(db, now, async (w) => {
        const { stages } = w.settings;
        const due = await w.leads.index('byRecheck').getAll(until, size);
        // All reads queued at once, then all writes: one round trip per batch, not per lead.
        const touchpoints = await Promise.all(due.map((lead) => w.touchpointsOf(lead.id)));
        const puts = due.map((before, i) => {
          const moved = reengageIfDue(before, now, stages) ?? before;
          const after = withTemperature(moved, touchpoints[i]!, now, w.settings);
          let next = nextRecheck(after, engagementOf(touchpoints[i]!), w.settings, now);
          // Never due again within this run (only a parked lead not yet moved could be).
          if (next && next.getTime() <= now.getTime()) next = new Date(now.getTime() + 1);
          if (after !== before) {
            w.account(before, after);
            changed.push(before.id);
          }
          return w.leads.put(toStored(after, stages, { recheck: next }));
        });
        await Promise.all(puts);
        return { items: due.length, done: due.length < size };
      }),
    options,
  );
  const record: RefreshRecord = { key: REFRESH_RECORD, at: now.toISOString(), changed: changed.length, ...stats };
  await db.put('meta', record);
  return changed;
}
