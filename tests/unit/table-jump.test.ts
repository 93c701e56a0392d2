import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers/db';
import { makeLead } from './helpers/leads';
import { LeadQueries } from '../../lib/db/lead-query';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { stageRank, toStored } from '../../lib/db/stored';
import type { Db } from '../../lib/db/schema';

const STAGES = DEFAULT_SETTINGS.stages;
const TODAY = '2026-11-22';
// Anchors every 40 entries here (1,000 in use), so a few hundred leads cross several.
const ANCHOR_EVERY = 40;
const N = 2 * ANCHOR_EVERY + 25;

/** N leads with many equal sort keys (names repeat, stages repeat), stored directly. */
async function many(): Promise<Db> {
  const { db } = await freshRepo();
  const tx = db.transaction('leads', 'readwrite');
  for (let i = 0; i < N; i++) {
    const stage = STAGES[i % 5]!.id;
    const lead = makeLead({
      id: `l${String((i * 7919) % N).padStart(5, '0')}`,
      name: `Name ${i % 7}`,
      linkedinUrl: null,
      stage,
      dealValue: i % 3 ? (i % 50) * 10 : null,
    });
    await tx.store.put(toStored(lead, STAGES));
  }
  await tx.done;
  return db;
}

/** The expected order: by the sort key, ties by id, both reversed when descending. */
async function expected(db: Db, index: 'sort.name' | 'byStage' | 'sort.value', desc: boolean): Promise<string[]> {
  const leads = await db.getAll('leads');
  const key = (l: (typeof leads)[number]) => (index === 'sort.name' ? l.sort.name : index === 'sort.value' ? l.sort.value : stageRank(l.stage, STAGES));
  const order = leads.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1)).map((l) => l.id);
  return desc ? order.reverse() : order;
}

describe('table pages at any offset', () => {
  it.each([
    ['name', 'sort.name', false],
    ['name', 'sort.name', true],
    ['stage', 'byStage', false],
    ['stage', 'byStage', true],
    ['value', 'sort.value', true],
  ] as const)('by %s (%s), descending %s: any page, reached cold, from anchors, and after the data changed', async (sort, index, desc) => {
    const db = await many();
    const want = await expected(db, index, desc);
    const queries = new LeadQueries(db, { prebuild: false, anchorEvery: ANCHOR_EVERY });
    // The stage sort pages stage by stage, with each stage's count (the aggregates' in use).
    const counts: Record<string, number> = {};
    for (const l of await db.getAll('leads')) counts[l.stage] = (counts[l.stage] ?? 0) + 1;
    const page = async (offset: number) => (await queries.table({ filter: {}, sort, desc, offset, limit: 12 }, STAGES, TODAY, N, counts)).rows.map((r) => r.id);
    // Cold: no anchor yet; the walk records them on its way.
    expect(await page(N - 40)).toEqual(want.slice(N - 40, N - 28));
    // From the anchors now known, including pages across an anchor and the very end.
    for (const offset of [0, ANCHOR_EVERY - 10, ANCHOR_EVERY, 2 * ANCHOR_EVERY + 1, ANCHOR_EVERY + 17, N - 5])
      expect(await page(offset)).toEqual(want.slice(offset, offset + 12));
    expect(await page(N + 10)).toEqual([]);
    // A write drops the anchors: pages stay right.
    await db.delete('leads', want[5]!);
    for (const k of Object.keys(counts)) counts[k] = 0;
    for (const l of await db.getAll('leads')) counts[l.stage] = (counts[l.stage] ?? 0) + 1;
    queries.invalidate();
    const after = want.filter((id) => id !== want[5]);
    expect(await page(ANCHOR_EVERY + 3)).toEqual(after.slice(ANCHOR_EVERY + 3, ANCHOR_EVERY + 15));
  });

  it('records every anchor in the background once a first page was asked', async () => {
    const db = await many();
    const want = await expected(db, 'sort.name', false);
    const queries = new LeadQueries(db, { anchorEvery: ANCHOR_EVERY });
    await queries.table({ filter: {}, sort: 'name', desc: false, offset: 0, limit: 10 }, STAGES, TODAY, N);
    await new Promise((r) => setTimeout(r, 300));
    const anchors = (queries as unknown as { anchors: Map<string, { offset: number; primaryKey: string }[]> }).anchors.get('sort.name|next')!;
    expect(anchors.map((a) => a.offset)).toEqual([ANCHOR_EVERY, 2 * ANCHOR_EVERY]);
    expect(anchors.map((a) => a.primaryKey)).toEqual([want[ANCHOR_EVERY], want[2 * ANCHOR_EVERY]]);
  });
});
