/**
 * Team sync meets the repository: local writes reach the sync hook after they commit (with the
 * owner this browser captures for), and pulled changes go through the same write path as local
 * ones — aggregates, last contact and temperature right, nothing echoed back to the team.
 */
import { describe, expect, it } from 'vitest';
import { applyRemote } from '../../lib/db/sync-apply';
import { setWriteHooks } from '../../lib/db/tx';
import type { LocalChange } from '../../lib/sync/edits';
import { leadFields, leadSets, toRemoteChange, touchpointFields, type SyncDoc } from '../../lib/sync/layout';
import { freshRepo } from './helpers/db';
import { emailTouchpoint, jeff, kireet, LEAD_IDS } from './helpers/sync';

/** The document a colleague's machine would have pushed for a lead (one stamp for every field). */
function leadDoc(lead = jeff(), owner = 'ana', deleted = false): SyncDoc {
  const fields = leadFields(lead, owner, deleted);
  const stamp = '2026-11-03T09:00:00.000Z-0000-46ffc1d4dcdf2ec2';
  return {
    _id: `lead:${lead.id}`,
    type: 'lead',
    v: 1,
    fields,
    stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])),
    by: Object.fromEntries(Object.keys(fields).map((k) => [k, owner])),
    sets: leadSets(lead),
  };
}

function touchpointDoc(tp = emailTouchpoint()): SyncDoc {
  const fields = touchpointFields(tp);
  const stamp = '2026-11-03T10:00:05.000Z-0000-46ffc1d4dcdf2ec2';
  return {
    _id: `touchpoint:${tp.id}`,
    type: 'touchpoint',
    v: 1,
    fields,
    stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])),
    by: Object.fromEntries(Object.keys(fields).map((k) => [k, 'ana'])),
    sets: {},
  };
}

describe('sync and the repository', () => {
  it('hands every committed local write to the hook, with this browser as the owner of what it captures', async () => {
    const { db, repo } = await freshRepo();
    const heard: LocalChange[] = [];
    setWriteHooks(db, { owner: () => 'ben', wanted: () => true, committed: (changes) => heard.push(...changes) });
    const { lead } = await repo.leads.capture({ name: 'Jeff Weiner', source: 'linkedin', linkedinUrl: 'https://www.linkedin.com/in/jeffweiner08/' });
    expect(lead.owner).toBe('ben');
    await repo.touchpoints.log({ leadId: lead.id, channel: 'linkedin-connection', direction: 'outbound', summary: 'Connection request' });
    expect(heard.map((c) => [c.type, c.before === null, c.after === null])).toEqual([
      ['lead', true, false],
      ['touchpoint', true, false],
      ['lead', false, false],
    ]);
    await repo.trash.delete([lead.id]);
    expect(heard.slice(3).map((c) => [c.type, c.after === null])).toEqual([
      ['touchpoint', true],
      ['lead', true],
    ]);
  });

  it('keeps each committed change in the outbox, in the same transaction, until the sync side drops it', async () => {
    const { db, repo } = await freshRepo();
    const heard: number[] = [];
    // Only lead changes concern the team in this stand-in.
    setWriteHooks(db, { owner: () => 'ben', wanted: (c) => c.type === 'lead', committed: (_changes, seq) => heard.push(seq) });
    const { lead } = await repo.leads.capture({ name: 'Jeff Weiner', source: 'linkedin', linkedinUrl: 'https://www.linkedin.com/in/jeffweiner08/' });
    await repo.touchpoints.log({ leadId: lead.id, channel: 'note', direction: 'internal', summary: 'Met at the booth' });
    const outbox = await db.getAll('syncOutbox');
    expect(outbox.map((e) => [e.seq, e.changes.map((c) => c.type)])).toEqual([
      [1, ['lead']],
      [2, ['lead']],
    ]);
    expect(heard).toEqual([1, 2]);
    // A write that fails writes no outbox entry either.
    await expect(repo.leads.update('no-such-lead', { notes: 'x' })).rejects.toThrow();
    expect(await db.count('syncOutbox')).toBe(2);
    // Pulled changes never go to the outbox.
    await applyRemote(db, new Date(), [toRemoteChange(leadDoc(kireet({ linkedinUrl: 'https://www.linkedin.com/in/kireetagrawal/' })))!]);
    expect((await repo.leads.get(LEAD_IDS[1]))?.name).toBe('Kireet Agrawal');
    expect(await db.count('syncOutbox')).toBe(2);
  });

  it('stores a pulled lead and its touchpoint like a local write, and tells the hook nothing', async () => {
    const { db, repo } = await freshRepo('2026-11-04T10:00:00.000Z');
    const heard: LocalChange[] = [];
    setWriteHooks(db, { owner: () => 'ben', wanted: () => true, committed: (changes) => heard.push(...changes) });
    const result = await applyRemote(db, new Date('2026-11-04T10:00:00.000Z'), [toRemoteChange(leadDoc())!, toRemoteChange(touchpointDoc())!]);
    expect(result).toEqual({ leadIds: [LEAD_IDS[0]], skipped: [] });
    const stored = await repo.leads.mustGet(LEAD_IDS[0]);
    expect(stored.owner).toBe('ana');
    expect(stored.name).toBe('Jeff Weiner');
    expect(stored.lastTouchAt).toBe('2026-11-03T10:00:00.000Z');
    expect(stored.temperature).not.toBeNull();
    expect((await repo.touchpoints.of(LEAD_IDS[0])).map((t) => t.summary)).toEqual(['Intro: pipeline review']);
    expect((await repo.aggregates.get()).total).toBe(1);
    expect(heard).toEqual([]);

    // The colleague deletes it: gone here too, with its touchpoints, and out of the counts.
    await applyRemote(db, new Date('2026-11-04T11:00:00.000Z'), [toRemoteChange(leadDoc(jeff(), 'ana', true))!]);
    expect(await repo.leads.get(LEAD_IDS[0])).toBeUndefined();
    expect(await repo.touchpoints.of(LEAD_IDS[0])).toEqual([]);
    expect((await repo.aggregates.get()).total).toBe(0);
    expect(heard).toEqual([]);
  });

  it('keeps out a pulled lead whose LinkedIn URL another lead here holds, and says so', async () => {
    const { db, repo } = await freshRepo();
    const { lead } = await repo.leads.capture({ name: 'Jeff Weiner', source: 'linkedin', linkedinUrl: 'https://www.linkedin.com/in/jeffweiner08/' });
    const result = await applyRemote(db, new Date(), [toRemoteChange(leadDoc())!]);
    expect(result.leadIds).toEqual([]);
    expect(result.skipped).toEqual([{ id: LEAD_IDS[0], why: `same LinkedIn profile, Sales Navigator page or email as lead ${lead.id}` }]);
    expect((await repo.aggregates.get()).total).toBe(1);
  });

  it('"My leads": the table and the board show one rep\'s leads, everyone\'s without the filter', async () => {
    const { db, repo } = await freshRepo();
    setWriteHooks(db, { owner: () => 'ben', wanted: () => true, committed: () => {} });
    await repo.leads.capture({ name: 'Kireet Agrawal', company: 'Gantry', source: 'linkedin', linkedinUrl: 'https://www.linkedin.com/in/kireetagrawal/' });
    setWriteHooks(db, null);
    await applyRemote(db, new Date(), [toRemoteChange(leadDoc())!]);
    const { stages } = await repo.settings.get();
    const names = async (owner?: string) =>
      (await repo.queries.table({ filter: owner ? { owner } : {}, sort: 'name', desc: false, offset: 0, limit: 10 }, stages, '2026-11-22')).rows.map(
        (r) => r.name,
      );
    expect(await names()).toEqual(['Jeff Weiner', 'Kireet Agrawal']);
    expect(await names('ben')).toEqual(['Kireet Agrawal']);
    expect(await names('ana')).toEqual(['Jeff Weiner']);
    const board = await repo.queries.board(stages, '2026-11-22', 10, undefined, 'ana');
    expect(board.filter((c) => c.total > 0).map((c) => [c.stage, c.total, c.rows.map((r) => r.name)])).toEqual([['prospect', 1, ['Jeff Weiner']]]);
  });
});
