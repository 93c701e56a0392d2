import { describe, expect, it } from 'vitest';
import { rarest, type KeyReader } from '../../lib/db/rarest';

/** An index stand-in: each range (by its lower bound) holds `n` keys. */
function reader(sizes: Record<string, number>): KeyReader & { reads: number[] } {
  const reads: number[] = [];
  return {
    reads,
    async getAllKeys(range, count = Infinity) {
      const n = Math.min(sizes[range.lower as string] ?? 0, count);
      reads.push(n);
      return Array.from({ length: n }, (_, i) => `${range.lower as string}-${i}`);
    },
  };
}
const r = (name: string) => IDBKeyRange.only(name);

describe('rarest index range', () => {
  it('picks the smallest group from bounded reads, growing the probe only while every group fills it', async () => {
    const index = reader({ common: 100_000, rare: 3, mid: 1_200 });
    expect(
      await rarest([
        { index, ranges: [r('common')] },
        { index, ranges: [r('rare')] },
      ]),
    ).toEqual({ at: 1, keys: ['rare-0', 'rare-1', 'rare-2'] });
    expect(Math.max(...index.reads)).toBe(500);
    const wider = await rarest([
      { index, ranges: [r('common')] },
      { index, ranges: [r('mid')] },
    ]);
    expect(wider.at).toBe(1);
    expect(wider.keys).toHaveLength(1_200);
  });

  it('sums a group of several ranges, and gives no keys when every group is larger than the probes', async () => {
    const index = reader({ a: 100, b: 100, c: 150 });
    expect(
      (
        await rarest([
          { index, ranges: [r('a'), r('b')] },
          { index, ranges: [r('c')] },
        ])
      ).at,
    ).toBe(1);
    expect(
      await rarest(
        [
          { index, ranges: [r('a')] },
          { index, ranges: [r('c')] },
        ],
        [50],
      ),
    ).toEqual({ at: 0, keys: null });
  });
});
