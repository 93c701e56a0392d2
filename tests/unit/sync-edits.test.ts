import { createClock } from '../../lib/sync/clock';
import { applyLocal, localMatches, reconcileLocal } from '../../lib/sync/edits';
import { docTypeOf, externalTouchpointId, readSyncDoc, toRemoteChange, touchpointDocId, type SyncDoc } from '../../lib/sync/layout';
import { mergeDocs } from '../../lib/sync/merge';
import { DEFAULT_STAGES } from '../../lib/pipeline/model';
import { DEVICE_A, DEVICE_B, emailTouchpoint, GMAIL_MESSAGE_IDS, jeff, LEAD_IDS } from './helpers/sync';

const T0 = Date.parse('2026-11-22T09:30:00.000Z');

/** Two reps' machines with their own clocks; B's runs 40 s behind A's. */
function machines() {
  let wallA = T0;
  let wallB = T0 - 40_000;
  const a = createClock(DEVICE_A, () => wallA);
  const b = createClock(DEVICE_B, () => wallB);
  return { a, b, later: (ms: number) => ((wallA += ms), (wallB += ms)) };
}

function leadOf(doc: SyncDoc) {
  const change = toRemoteChange(doc);
  if (!change || change.type !== 'lead') throw new Error('not a lead document');
  return change;
}

describe('local writes into documents', () => {
  test('a captured lead becomes a document with every field stamped, owned by the rep who captured it', () => {
    const { a } = machines();
    const doc = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    expect(doc._id).toBe('lead:5f3be69b-0926-43c3-a8b8-b999651aa2ac');
    expect(doc.fields.name).toBe('Jeff Weiner');
    expect(doc.fields.owner).toBe('ana');
    expect(doc.fields.position).toEqual({ later: null, lost: null, stage: 'prospect' });
    expect(new Set(Object.values(doc.stamps))).toEqual(new Set(['2026-11-22T09:30:00.000Z-0000-46ffc1d4dcdf2ec2']));
    // Derived values stay local: every machine computes them itself.
    expect(Object.keys(doc.fields)).not.toContain('temperature');
    expect(Object.keys(doc.fields)).not.toContain('lastTouchAt');
    expect(Object.keys(doc.fields)).not.toContain('updatedAt');
    const back = leadOf(doc);
    expect(back.lead.linkedinUrl).toBe('https://www.linkedin.com/in/jeffweiner08/');
    expect(back.lead.qualification).toEqual({ budget: 'unknown', authority: 'unknown', need: 'unknown', timeframe: 'none' });
    expect(back.updatedAt).toBe('2026-11-22T09:30:00.000Z');
    expect(back.deleted).toBe(false);
  });

  test('an edit stamps only the fields it changed', () => {
    const { a, later } = machines();
    const created = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    later(1000);
    const edited = applyLocal(created, { type: 'lead', before: jeff(), after: jeff({ notes: 'Wants a demo in Q1', dealValue: 24000 }) }, a.tick(), 'ana')!;
    const changed = Object.keys(edited.stamps).filter((k) => edited.stamps[k] !== created.stamps[k]);
    expect(changed.sort()).toEqual(['dealValue', 'notes']);
    // Recomputed temperature is not an edit.
    expect(
      applyLocal(edited, { type: 'lead', before: jeff(), after: jeff({ temperature: 'warm', updatedAt: '2026-11-22T10:00:00.000Z' }) }, a.tick(), 'ana'),
    ).toBeNull();
  });

  test('concurrent edits of one lead on two machines keep both, field by field; the later edit of a shared field wins', () => {
    const { a, b, later } = machines();
    const created = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    later(60_000);
    // Offline on both: Ana qualifies the budget and writes a note, Ben changes the company and the note.
    const onA = applyLocal(
      created,
      {
        type: 'lead',
        before: jeff(),
        after: jeff({ qualification: { budget: 'yes', authority: 'unknown', need: 'unknown', timeframe: 'none' }, notes: 'Budget approved' }),
      },
      a.tick(),
      'ana',
    )!;
    later(5_000);
    const onB = applyLocal(created, { type: 'lead', before: jeff(), after: jeff({ company: 'Microsoft', notes: 'Moved to Microsoft' }) }, b.tick(), 'ben')!;
    const merged = mergeDocs(onA, onB);
    expect(mergeDocs(onB, onA)).toEqual(merged);
    const lead = leadOf(merged).lead;
    expect(lead.qualification.budget).toBe('yes');
    expect(lead.company).toBe('Microsoft');
    // B's clock runs 40 s behind, yet its edit came 5 s later in real time: its stamp is still
    // earlier (wall clocks are what a stamp measures), so A's note wins. Documented limit.
    expect(lead.notes).toBe('Budget approved');
    expect(merged.by).toMatchObject({ budget: 'ana', company: 'ben', notes: 'ana' });
  });

  test('after seeing a colleague’s edit, a machine with a slow clock still overwrites it', () => {
    const { a, b, later } = machines();
    const created = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    later(1000);
    const onA = applyLocal(created, { type: 'lead', before: jeff(), after: jeff({ notes: 'Call Tuesday' }) }, a.tick(), 'ana')!;
    b.observe(onA.stamps.notes!);
    const onB = applyLocal(onA, { type: 'lead', before: jeff({ notes: 'Call Tuesday' }), after: jeff({ notes: 'Call moved to Thursday' }) }, b.tick(), 'ben')!;
    expect(leadOf(mergeDocs(onA, onB)).lead.notes).toBe('Call moved to Thursday');
  });

  test('stage, lost reason and parking move together; history from both machines is kept', () => {
    const { a, b, later } = machines();
    const created = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    later(60_000);
    const movedA = jeff({
      stage: 'qualified',
      reached: ['prospect', 'qualified'],
      stageHistory: [...jeff().stageHistory, { from: 'prospect', to: 'qualified', at: '2026-11-22T09:31:00.000Z' }],
    });
    const onA = applyLocal(created, { type: 'lead', before: jeff(), after: movedA }, a.tick(), 'ana')!;
    later(10_000);
    const lostB = jeff({
      stage: 'lost',
      lost: { from: 'prospect', reason: 'Chose a competitor', at: '2026-11-22T09:30:30.000Z' },
      stageHistory: [...jeff().stageHistory, { from: 'prospect', to: 'lost', at: '2026-11-22T09:30:30.000Z' }],
    });
    const onB = applyLocal(created, { type: 'lead', before: jeff(), after: lostB }, b.tick(), 'ben')!;
    const lead = leadOf(mergeDocs(onA, onB)).lead;
    // A's move is stamped later (B's clock is behind): the lead is qualified, with no stray lost reason.
    expect([lead.stage, lead.lost, lead.later]).toEqual(['qualified', null, null]);
    expect(lead.stageHistory).toEqual([
      { at: '2026-11-02T08:15:00.000Z', from: null, to: 'prospect' },
      { at: '2026-11-22T09:30:30.000Z', from: 'prospect', to: 'lost' },
      { at: '2026-11-22T09:31:00.000Z', from: 'prospect', to: 'qualified' },
    ]);
    expect(lead.reached).toEqual(['prospect', 'qualified']);
  });

  test('a deleted lead stays deleted when another machine edits it meanwhile, and the edit is kept for an undo', () => {
    const { a, b, later } = machines();
    const created = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    later(60_000);
    const deletedOnA = applyLocal(created, { type: 'lead', before: jeff(), after: null }, a.tick(), 'ana')!;
    later(60_000);
    const editedOnB = applyLocal(created, { type: 'lead', before: jeff(), after: jeff({ notes: 'Asked for pricing' }) }, b.tick(), 'ben')!;
    const merged = mergeDocs(deletedOnA, editedOnB);
    expect(leadOf(merged).deleted).toBe(true);
    expect(leadOf(merged).lead.notes).toBe('Asked for pricing');
    // Undo on A: the record comes back with Ben's note, not with A's copy from its trash.
    later(1_000);
    const undone = applyLocal(merged, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    expect(Object.keys(undone.stamps).filter((k) => undone.stamps[k] !== merged.stamps[k])).toEqual(['deleted']);
    expect(leadOf(undone).deleted).toBe(false);
    expect(leadOf(undone).lead.notes).toBe('Asked for pricing');
    expect(localMatches(undone, { type: 'lead', before: null, after: jeff() })).toBe(false);
  });

  test('deleting a lead that never reached the replica writes nothing', () => {
    const { a } = machines();
    expect(applyLocal(undefined, { type: 'lead', before: jeff(), after: null }, a.tick(), 'ana')).toBeNull();
  });

  test('touchpoints are tombstoned, never removed, and two reps logging the same email share one document', () => {
    const { a, b } = machines();
    const id = externalTouchpointId(LEAD_IDS[0], GMAIL_MESSAGE_IDS[0]);
    expect(id).toBe('ext:5f3be69b-0926-43c3-a8b8-b999651aa2ac:156559dc1867409f');
    const tp = emailTouchpoint({ id });
    const onA = applyLocal(undefined, { type: 'touchpoint', before: null, after: tp }, a.tick(), 'ana')!;
    const onB = applyLocal(undefined, { type: 'touchpoint', before: null, after: { ...tp, createdAt: '2026-11-03T10:02:00.000Z' } }, b.tick(), 'ben')!;
    expect(onA._id).toBe(touchpointDocId(id));
    expect(onB._id).toBe(onA._id);
    const merged = mergeDocs(onA, onB);
    const gone = applyLocal(merged, { type: 'touchpoint', before: tp, after: null }, a.tick(), 'ana')!;
    const change = toRemoteChange(gone);
    expect(change).toMatchObject({ type: 'touchpoint', id, deleted: true, touchpoint: { summary: 'Intro: pipeline review', externalId: '156559dc1867409f' } });
  });

  test('team stage settings are one last-writer-wins field', () => {
    const { a } = machines();
    const renamed = DEFAULT_STAGES.map((s) => (s.id === 'nurturing' ? { ...s, name: 'Warming up' } : s));
    const first = applyLocal(undefined, { type: 'settings', before: null, after: DEFAULT_STAGES }, a.tick(), 'ana')!;
    const second = applyLocal(first, { type: 'settings', before: DEFAULT_STAGES, after: renamed }, a.tick(), 'ana')!;
    expect(second._id).toBe('settings:team');
    expect(toRemoteChange(second)).toMatchObject({ type: 'settings', stages: renamed });
    expect(applyLocal(second, { type: 'settings', before: renamed, after: renamed }, a.tick(), 'ana')).toBeNull();
  });

  test('seeding takes the local record as it is and keeps the owner the team already recorded', () => {
    const { a, b, later } = machines();
    const created = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    later(1000);
    const seeded = reconcileLocal(created, { type: 'lead', lead: jeff({ notes: 'Typed while sync was off' }) }, b.tick(), 'ben')!;
    expect(seeded.fields.notes).toBe('Typed while sync was off');
    expect(seeded.fields.owner).toBe('ana');
    expect(reconcileLocal(seeded, { type: 'lead', lead: jeff({ notes: 'Typed while sync was off' }) }, b.tick(), 'ben')).toBeNull();
  });
});

describe('reading pulled documents', () => {
  test('only our documents are read; design documents and strays are left alone', () => {
    expect(docTypeOf('lead:5f3be69b-0926-43c3-a8b8-b999651aa2ac')).toBe('lead');
    expect(docTypeOf('_design/leadline')).toBeNull();
    expect(docTypeOf('lead:')).toBeNull();
    expect(readSyncDoc({ _id: '_design/leadline', views: {} })).toBeNull();
    expect(readSyncDoc({ _id: 'lead:x', type: 'touchpoint', v: 1, fields: {}, stamps: {}, by: {}, sets: {} })).toBeNull();
    expect(readSyncDoc({ _id: 'lead:x', type: 'lead', v: 1, fields: {}, stamps: { name: 7 }, by: {}, sets: {} })).toBeNull();
    expect(readSyncDoc({ _id: 'lead:x', type: 'lead', v: 1, fields: {}, stamps: {}, by: {}, sets: {}, _rev: '1-abc' })).toEqual({
      _id: 'lead:x',
      type: 'lead',
      v: 1,
      fields: {},
      stamps: {},
      by: {},
      sets: {},
    });
  });

  test('a lead document missing a field this version needs is not handed to the repository', () => {
    const { a } = machines();
    const doc = applyLocal(undefined, { type: 'lead', before: null, after: jeff() }, a.tick(), 'ana')!;
    const { name: _name, ...fields } = doc.fields;
    expect(toRemoteChange({ ...doc, fields })).toBeNull();
  });
});
