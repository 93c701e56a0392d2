import { createClock, formatStamp } from '../../lib/sync/clock';
import { applyLocal } from '../../lib/sync/edits';
import { toRemoteChange, type Json, type RevDoc, type SyncDoc, type SyncedLead } from '../../lib/sync/layout';
import { canonical, mergeAll, mergeDocs, resolveConflict, sameContent } from '../../lib/sync/merge';
import type { Lead } from '../../lib/pipeline/model';
import { DEVICE_A, DEVICE_B, jeff } from './helpers/sync';

const T0 = Date.parse('2026-11-22T09:30:00.000Z');
const at = (ms: number, node = DEVICE_A, counter = 0) => formatStamp(T0 + ms, counter, node);

function doc(fields: Record<string, Json>, stamps: Record<string, string>, sets: Record<string, Json[]> = {}, by: Record<string, string> = {}): SyncDoc {
  return { _id: 'lead:5f3be69b-0926-43c3-a8b8-b999651aa2ac', type: 'lead', v: 1, fields, stamps, by, sets };
}

describe('field-by-field merge', () => {
  test('each field takes the later edit, whichever version it came from', () => {
    const a = doc({ company: 'LinkedIn', notes: 'Met at SaaStr' }, { company: at(10), notes: at(30) }, {}, { company: 'ana', notes: 'ana' });
    const b = doc({ company: 'Microsoft', notes: 'Old note' }, { company: at(20, DEVICE_B), notes: at(5, DEVICE_B) }, {}, { company: 'ben', notes: 'ben' });
    const merged = mergeDocs(a, b);
    expect(merged.fields).toEqual({ company: 'Microsoft', notes: 'Met at SaaStr' });
    expect(merged.stamps).toEqual({ company: at(20, DEVICE_B), notes: at(30) });
    expect(merged.by).toEqual({ company: 'ben', notes: 'ana' });
  });

  test('the same millisecond is decided by the counter, then by the device id', () => {
    const a = doc({ notes: 'from A' }, { notes: at(0, DEVICE_A, 1) });
    const b = doc({ notes: 'from B' }, { notes: at(0, DEVICE_B, 2) });
    expect(mergeDocs(a, b).fields.notes).toBe('from B');
    const c = doc({ notes: 'from B' }, { notes: at(0, DEVICE_B, 1) });
    // '46ff…' sorts after '0d9a…': device A wins an exact tie.
    expect(mergeDocs(c, a).fields.notes).toBe('from A');
    expect(mergeDocs(a, c).fields.notes).toBe('from A');
  });

  test('a field only one side has is kept (a newer layout’s field survives an older app)', () => {
    const older = doc({ notes: 'x' }, { notes: at(1) });
    const newer = { ...doc({ notes: 'x', companyId: 'c-1' }, { notes: at(1), companyId: at(2) }), v: 2 };
    const merged = mergeDocs(older, newer);
    expect(merged.fields).toEqual({ companyId: 'c-1', notes: 'x' });
    expect(merged.v).toBe(2);
  });

  test('stage history is the union of both sides, in time order, without duplicates', () => {
    const created = { from: null, to: 'prospect', at: '2026-11-02T08:15:00.000Z' };
    const a = doc(
      {},
      {},
      { stageHistory: [created, { from: 'prospect', to: 'qualified', at: '2026-11-05T10:00:00.000Z' }], reached: ['prospect', 'qualified'] },
    );
    const b = doc(
      {},
      {},
      { stageHistory: [{ from: 'prospect', to: 'contacted', at: '2026-11-04T16:20:00.000Z' }, created], reached: ['prospect', 'qualified', 'contacted'] },
    );
    const merged = mergeDocs(a, b);
    expect(merged.sets.stageHistory).toEqual([
      { at: '2026-11-02T08:15:00.000Z', from: null, to: 'prospect' },
      { at: '2026-11-04T16:20:00.000Z', from: 'prospect', to: 'contacted' },
      { at: '2026-11-05T10:00:00.000Z', from: 'prospect', to: 'qualified' },
    ]);
    expect(merged.sets.reached).toEqual(['contacted', 'prospect', 'qualified']);
  });

  test('commutative, associative and idempotent on a three-way edit', () => {
    const a = doc({ notes: 'a', company: 'LinkedIn' }, { notes: at(3), company: at(1) }, { reached: ['prospect'] });
    const b = doc({ notes: 'b', dealValue: 12000 }, { notes: at(2, DEVICE_B), dealValue: at(4, DEVICE_B) }, { reached: ['qualified'] });
    const c = doc(
      { company: 'Microsoft', dealValue: 9000 },
      { company: at(5, 'c0ffee0000000001'), dealValue: at(4, 'c0ffee0000000001') },
      { reached: ['contacted'] },
    );
    const text = (d: SyncDoc) => canonical(d as unknown as Json);
    expect(text(mergeDocs(a, b))).toBe(text(mergeDocs(b, a)));
    expect(text(mergeDocs(mergeDocs(a, b), c))).toBe(text(mergeDocs(a, mergeDocs(b, c))));
    expect(text(mergeDocs(a, a))).toBe(text(mergeAll([a])));
    expect(text(mergeDocs(mergeDocs(a, b), b))).toBe(text(mergeDocs(a, b)));
    expect(mergeAll([c, a, b]).fields).toEqual({ company: 'Microsoft', dealValue: 9000, notes: 'a' });
  });

  test('canonical text ignores key order, so equal records hash to equal revisions', () => {
    expect(canonical({ b: 1, a: [{ y: 2, x: null }] })).toBe('{"a":[{"x":null,"y":2}],"b":1}');
    const a = doc({ notes: 'x', company: 'y' }, { notes: at(1), company: at(2) });
    const b = doc({ company: 'y', notes: 'x' }, { company: at(2), notes: at(1) });
    expect(JSON.stringify(mergeDocs(a, b))).toBe(JSON.stringify(mergeDocs(b, a)));
    expect(sameContent(a, b)).toBe(true);
  });

  test('refuses to merge two different documents', () => {
    expect(() => mergeDocs(doc({}, {}), { ...doc({}, {}), _id: 'lead:110c9bfe-27fb-409f-ad55-38762d86bce5' })).toThrow(
      'Cannot merge lead:5f3be69b-0926-43c3-a8b8-b999651aa2ac with lead:110c9bfe-27fb-409f-ad55-38762d86bce5.',
    );
  });
});

describe('conflict resolution', () => {
  const rev = (d: SyncDoc, r: string): RevDoc => ({ ...d, _rev: r });

  test('writes the merge on the winning revision and deletes every losing leaf', () => {
    const winner = rev(doc({ notes: 'winner' }, { notes: at(1) }), '2-b1946ac92492d2347c6235b4d2611184');
    const loser = rev(doc({ notes: 'loser but later' }, { notes: at(9, DEVICE_B) }), '2-591785b794601e212b260e25925636fd');
    const { write, remove } = resolveConflict(winner, [loser]);
    expect(write?._rev).toBe('2-b1946ac92492d2347c6235b4d2611184');
    expect(write?.fields.notes).toBe('loser but later');
    expect(remove).toEqual([{ _id: winner._id, _rev: '2-591785b794601e212b260e25925636fd', _deleted: true }]);
  });

  test('writes nothing new when the winner already holds the merge (a second machine resolving the same conflict)', () => {
    const winner = rev(doc({ notes: 'newest' }, { notes: at(9) }), '3-b1946ac92492d2347c6235b4d2611184');
    const loser = rev(doc({ notes: 'older' }, { notes: at(2, DEVICE_B) }), '3-591785b794601e212b260e25925636fd');
    const { write, remove } = resolveConflict(winner, [loser]);
    expect(write).toBeNull();
    expect(remove.map((r) => r._rev)).toEqual(['3-591785b794601e212b260e25925636fd']);
  });
});

/** Small deterministic PRNG (mulberry32), so a failing interleaving can be replayed from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const DEVICES = [DEVICE_A, DEVICE_B, '9c3e2a7f01d4b6e8'] as const;
const STAGES = ['prospect', 'qualified', 'contacted', 'nurturing', 'proposal'] as const;

function localLead(d: SyncDoc): Lead {
  const change = toRemoteChange(d);
  if (!change || change.type !== 'lead') throw new Error('not a lead');
  const { owner: _owner, ...rest } = change.lead as SyncedLead;
  return { ...rest, companyId: null, temperature: null, temperatureReasons: [], lastTouchAt: null, updatedAt: change.updatedAt } as Lead;
}

describe('random edit interleavings on three machines converge', () => {
  test.each(Array.from({ length: 60 }, (_, i) => i + 1))('seed %i', (seed) => {
    const r = prng(seed);
    const walls = DEVICES.map((_, i) => T0 + i * r.int(4000));
    const clocks = DEVICES.map((d, i) => createClock(d, () => walls[i]!));
    const created = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, clocks[0]!.tick(), 'ana')!;
    const replicas: SyncDoc[] = DEVICES.map(() => created);
    const history: SyncDoc[] = [created];
    // Every stamped (field, value) and every set element ever written, to check the outcome against.
    const written: { field: string; stamp: string; value: Json }[] = Object.entries(created.fields).map(([field, value]) => ({
      field,
      stamp: created.stamps[field]!,
      value,
    }));
    const everHistory = new Set(created.sets.stageHistory!.map((h) => canonical(h)));
    for (let step = 0; step < 40; step++) {
      const i = r.int(3);
      walls[i] = walls[i]! + r.int(1500) - 200;
      if (r.next() < 0.35) {
        const j = (i + 1 + r.int(2)) % 3;
        replicas[j] = mergeDocs(replicas[j]!, replicas[i]!);
        clocks[j]!.observe(Object.values(replicas[i]!.stamps).sort().at(-1)!);
        continue;
      }
      const before = replicas[i]!.fields.deleted === true ? null : localLead(replicas[i]!);
      const kind = r.int(10);
      let after: Lead | null;
      if (!before) {
        // A tombstoned lead: sometimes the user undoes the delete, otherwise nothing to edit.
        if (kind >= 5) continue;
        after = localLead(replicas[i]!);
      } else if (kind === 0) after = null;
      else if (kind < 3) {
        const to = r.pick(STAGES);
        const when = new Date(walls[i]!).toISOString();
        after =
          to === before.stage
            ? before
            : {
                ...before,
                stage: to,
                stageHistory: [...before.stageHistory, { from: before.stage, to, at: when }],
                reached: [...new Set([...before.reached, to])],
              };
      } else if (kind < 5) after = { ...before, notes: `note ${seed}-${step}` };
      else if (kind < 7) after = { ...before, company: r.pick(['LinkedIn', 'Microsoft', 'Gantry', null]), dealValue: r.pick([null, 5000, 12000]) };
      else if (kind < 9)
        after = {
          ...before,
          tags: r.pick([[], ['enterprise'], ['enterprise', 'q4']]),
          qualification: { ...before.qualification, budget: r.pick(['yes', 'no', 'unknown'] as const) },
        };
      else after = { ...before, nextFollowUpOn: r.pick([null, '2026-12-01', '2026-12-15']) };
      const next = applyLocal(replicas[i], { type: 'lead', before, after }, clocks[i]!.tick(), DEVICES[i]!);
      if (!next) continue;
      for (const [field, stamp] of Object.entries(next.stamps))
        if (stamp !== replicas[i]!.stamps[field]) written.push({ field, stamp, value: next.fields[field]! });
      for (const h of next.sets.stageHistory ?? []) everHistory.add(canonical(h));
      replicas[i] = next;
      history.push(next);
    }
    // Full exchange: every machine sees every other's latest version, in a random order.
    const order = [0, 1, 2].sort(() => r.next() - 0.5);
    const final = order.map((i) => mergeAll([replicas[i]!, ...order.filter((j) => j !== i).map((j) => replicas[j]!)]));
    const text = final.map((d) => canonical(d as unknown as Json));
    expect(text[1]).toBe(text[0]);
    expect(text[2]).toBe(text[0]);
    // Merging every version ever written, in any order, gives the same record: nothing is lost
    // to an unlucky exchange order.
    expect(canonical(mergeAll([...history].reverse()) as unknown as Json)).toBe(text[0]);
    // Each field holds the value of its latest edit anywhere.
    for (const field of Object.keys(final[0]!.fields)) {
      const latest = written
        .filter((w) => w.field === field)
        .sort((a, b) => (a.stamp < b.stamp ? -1 : 1))
        .at(-1)!;
      expect([field, final[0]!.fields[field]]).toEqual([field, latest.value]);
    }
    // No stage move is lost, and the history reads in time order.
    expect(new Set(final[0]!.sets.stageHistory!.map((h) => canonical(h)))).toEqual(everHistory);
    const times = final[0]!.sets.stageHistory!.map((h) => (h as { at: string }).at);
    expect(times).toEqual([...times].sort());
  });
});
