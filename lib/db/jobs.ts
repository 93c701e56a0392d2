/**
 * Bulk jobs in short transactions. A job is a step run again and again, each time in its own
 * transaction over a batch of leads, until it says it is done. Batches are sized from the time
 * the last one took, so each transaction stays near the budget however fast the machine is, and
 * the job pauses between them: a capture or a popup read that arrives meanwhile waits for one
 * batch at most.
 */

/** What a finished job did, for its record and the benchmark. */
export type JobStats = {
  /** Wall time from start to end, pauses included (ms). */
  ms: number;
  /** Transactions run. */
  chunks: number;
  /** The longest one (ms). */
  longestChunkMs: number;
  /** Items the steps reported handling. */
  items: number;
};

export interface ChunkOptions {
  /** Target duration of one transaction (ms). */
  budgetMs?: number;
  /** First batch size, and the bounds of later ones. */
  first?: number;
  min?: number;
  max?: number;
  /** Pause between transactions (ms), so waiting requests go first. */
  pauseMs?: number;
}

/** One step's outcome: how many items it handled, and whether anything is left. */
export interface StepResult {
  items: number;
  done: boolean;
}

export const CHUNK_BUDGET_MS = 20;

const clock = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Runs `step(batchSize)` until it reports done; see the module comment. */
export async function inChunks(step: (size: number) => Promise<StepResult>, options: ChunkOptions = {}): Promise<JobStats> {
  const budget = options.budgetMs ?? CHUNK_BUDGET_MS;
  const min = options.min ?? 5;
  const max = options.max ?? 2000;
  const pause = options.pauseMs ?? 4;
  // Small at first: a batch of leads with their touchpoints can take long on a busy machine.
  let size = options.first ?? 10;
  const start = clock();
  const stats: JobStats = { ms: 0, chunks: 0, longestChunkMs: 0, items: 0 };
  for (;;) {
    const t0 = clock();
    const result = await step(size);
    const took = clock() - t0;
    stats.chunks += 1;
    stats.items += result.items;
    stats.longestChunkMs = Math.max(stats.longestChunkMs, took);
    if (result.done) break;
    // Aim the next batch at the budget, growing at most twofold at a time.
    if (result.items > 0) size = Math.round(Math.min(max, Math.max(min, Math.min(size * 2, (size * budget) / Math.max(took, 1)))));
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  stats.ms = clock() - start;
  stats.longestChunkMs = Math.round(stats.longestChunkMs * 10) / 10;
  stats.ms = Math.round(stats.ms);
  return stats;
}
