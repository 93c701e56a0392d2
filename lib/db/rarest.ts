/**
 * Which of several index-range groups holds the fewest entries, without counting whole ranges (a
 * count walks every entry: ~1 s for 100,000). Each group's first primary keys are read, a few
 * hundred first, then more only while every group fills its probe. Shared by quick search and the
 * table's filters.
 */
export interface KeyReader {
  getAllKeys(range: IDBKeyRange, count?: number): Promise<IDBValidKey[]>;
}

export interface RangeGroup {
  index: KeyReader;
  ranges: IDBKeyRange[];
}

export const PROBES = [500, 20_000];

/**
 * The rarest group's position and, when it ends within the last probe, all its primary keys
 * (deduplicated, in index order); `keys: null` when every group is larger than that (position 0).
 */
export async function rarest(groups: RangeGroup[], probes = PROBES): Promise<{ at: number; keys: IDBValidKey[] | null }> {
  for (const probe of probes) {
    const read = await Promise.all(groups.map((g) => Promise.all(g.ranges.map((r) => g.index.getAllKeys(r, probe)))));
    // A group is known whole when none of its ranges filled the probe; the smallest of those wins
    // (any group that filled a probe holds at least that many).
    let best: { at: number; keys: IDBValidKey[] } | null = null;
    read.forEach((perRange, at) => {
      if (perRange.some((k) => k.length >= probe)) return;
      const keys = [...new Set(perRange.flat())];
      if (!best || keys.length < best.keys.length) best = { at, keys };
    });
    if (best) return best;
  }
  return { at: 0, keys: null };
}
