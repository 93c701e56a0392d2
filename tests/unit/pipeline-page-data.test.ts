import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers/db';
import { LeadQueries, type TableQuery } from '../../lib/db/lead-query';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { exportBackup, parseBackup, restoreBackup } from '../../lib/db/backup';
import { rebuild } from '../../lib/pipeline/aggregates';
import { duplicateGroups } from '../../lib/pipeline/merge';

const STAGES = DEFAULT_SETTINGS.stages;
const TODAY = '2026-11-22';
const q = (over: Partial<TableQuery> = {}): TableQuery => ({ filter: {}, sort: 'name', desc: false, offset: 0, limit: 50, ...over });

async function seeded() {
  const ctx = await freshRepo();
  const { repo } = ctx;
  const names = ['Cy Young', 'ada Lovelace', 'Bob Stone', 'Dee Dee', 'Émile Zola'];
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const { lead } = await repo.leads.capture({ name, company: i % 2 ? 'Acme' : 'Globex', emails: [`p${i}@x.io`], source: i === 4 ? 'import' : 'linkedin' });
    ids.push(lead.id);
  }
  await repo.leads.move(ids[1]!, { to: 'qualified' });
  await repo.leads.update(ids[1]!, { dealValue: 500, tags: ['vip'], nextFollowUpOn: '2026-11-20' });
  await repo.leads.update(ids[2]!, { dealValue: 100, nextFollowUpOn: '2026-12-01' });
  await repo.leads.move(ids[3]!, { to: 'lost', reason: 'no budget' });
  return { ...ctx, ids, queries: new LeadQueries(ctx.db) };
}

const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name);

describe('table queries through indexes', () => {
  it('sorts and pages every lead without a filter, in either direction', async () => {
    const { queries } = await seeded();
    expect(names(await queries.table(q(), STAGES, TODAY))).toEqual(['ada Lovelace', 'Bob Stone', 'Cy Young', 'Dee Dee', 'Émile Zola']);
    const page = await queries.table(q({ offset: 2, limit: 2 }), STAGES, TODAY);
    expect(page).toMatchObject({ total: 5, offset: 2 });
    expect(names(page)).toEqual(['Cy Young', 'Dee Dee']);
    expect(names(await queries.table(q({ sort: 'value', desc: true, limit: 2 }), STAGES, TODAY))).toEqual(['ada Lovelace', 'Bob Stone']);
    // Funnel order, Lost after every stage.
    expect(names(await queries.table(q({ sort: 'stage', desc: true, limit: 2 }), STAGES, TODAY))).toEqual(['Dee Dee', 'ada Lovelace']);
    // Without a follow-up sorts after every date.
    expect(names(await queries.table(q({ sort: 'followUp', limit: 3 }), STAGES, TODAY))).toEqual(['ada Lovelace', 'Bob Stone', expect.any(String)]);
  });

  it('combines filters, choosing any as the driver, and sorts the result', async () => {
    const { queries } = await seeded();
    expect(names(await queries.table(q({ filter: { text: 'acme' } }), STAGES, TODAY))).toEqual(['ada Lovelace', 'Dee Dee']);
    expect(names(await queries.table(q({ filter: { text: 'acme', stage: 'prospect' } }), STAGES, TODAY))).toEqual([]);
    expect(names(await queries.table(q({ filter: { stage: 'prospect' }, sort: 'name', desc: true }), STAGES, TODAY))).toEqual([
      'Émile Zola',
      'Cy Young',
      'Bob Stone',
    ]);
    expect(names(await queries.table(q({ filter: { source: 'import' } }), STAGES, TODAY))).toEqual(['Émile Zola']);
    expect(names(await queries.table(q({ filter: { tag: 'vip' } }), STAGES, TODAY))).toEqual(['ada Lovelace']);
    expect(names(await queries.table(q({ filter: { due: true } }), STAGES, TODAY))).toEqual(['ada Lovelace']);
    expect(names(await queries.table(q({ filter: { temperature: 'cold', text: 'glob' } }), STAGES, TODAY))).toEqual(['Bob Stone', 'Cy Young', 'Émile Zola']);
  });

  it('finds stale leads by stage and last-activity day', async () => {
    const { queries, repo, clock, ids } = await seeded();
    expect((await queries.table(q({ filter: { stale: true } }), STAGES, TODAY)).total).toBe(0);
    clock.now = new Date('2027-01-10T10:00:00.000Z');
    await repo.leads.update(ids[0]!, { notes: 'an edit is no contact' });
    queries.invalidate();
    // Prospect rots after 14 days, qualified after 21; the lost lead never rots.
    const stale = await queries.table(q({ filter: { stale: true } }), STAGES, '2027-01-10');
    expect(names(stale)).toEqual(['ada Lovelace', 'Bob Stone', 'Cy Young', 'Émile Zola']);
    expect(stale.rows.every((r) => r.stale)).toBe(true);
  });

  it('serves a repeated filtered query from its cache until invalidated', async () => {
    const { queries, repo, ids } = await seeded();
    expect((await queries.table(q({ filter: { stage: 'prospect' } }), STAGES, TODAY)).total).toBe(3);
    await repo.leads.move(ids[0]!, { to: 'qualified' });
    expect((await queries.table(q({ filter: { stage: 'prospect' } }), STAGES, TODAY)).total).toBe(3);
    queries.invalidate();
    expect((await queries.table(q({ filter: { stage: 'prospect' } }), STAGES, TODAY)).total).toBe(2);
  });

  it('gives the board each column’s count and most recently updated cards', async () => {
    const { queries } = await seeded();
    const board = await queries.board(STAGES, TODAY, 2);
    expect(board.map((c) => c.stage)).toEqual([...STAGES.map((s) => s.id), 'lost', 'later']);
    const prospect = board.find((c) => c.stage === 'prospect')!;
    expect(prospect.total).toBe(3);
    expect(prospect.rows).toHaveLength(2);
    expect(board.find((c) => c.stage === 'lost')!.rows.map((r) => r.name)).toEqual(['Dee Dee']);
  });
});

describe('delete with undo', () => {
  it('moves leads and their touchpoints to the trash and puts them back, aggregates included', async () => {
    const { repo, db, ids } = await seeded();
    await repo.touchpoints.log({ leadId: ids[0]!, channel: 'call', direction: 'outbound', summary: 'called' });
    const before = await repo.aggregates.get();
    const { batchId, count } = await repo.trash.delete([ids[0]!, ids[1]!]);
    expect(count).toBe(2);
    expect(await db.count('leads')).toBe(3);
    expect(await db.count('touchpoints')).toBe(0);
    expect((await repo.aggregates.get()).total).toBe(3);
    expect(await repo.leads.findByEmail('p0@x.io')).toBeUndefined();
    await repo.trash.undelete(batchId);
    expect(await db.count('leads')).toBe(5);
    expect(await db.count('touchpoints')).toBe(1);
    expect(await repo.aggregates.get()).toEqual(before);
    expect((await repo.search('lovelace')).map((l) => l.id)).toEqual([ids[1]]);
    await expect(repo.trash.undelete(batchId)).rejects.toThrow(/no longer in the trash/);
  });

  it('refuses an undo whose email was taken meanwhile, writing nothing', async () => {
    const { repo, db, ids } = await seeded();
    const { batchId } = await repo.trash.delete([ids[0]!]);
    await repo.leads.capture({ name: 'New Owner', emails: ['p0@x.io'], source: 'manual' });
    await expect(repo.trash.undelete(batchId)).rejects.toThrow(/Cannot undo/);
    expect(await db.count('leads')).toBe(5);
    expect(await db.count('trash')).toBe(1);
  });

  it('purges trash older than 30 days', async () => {
    const { repo, db, ids, clock } = await seeded();
    await repo.trash.delete([ids[0]!]);
    clock.now = new Date('2026-12-23T10:00:00.000Z');
    expect(await repo.trash.purge()).toBe(1);
    expect(await db.count('trash')).toBe(0);
  });
});

describe('touchpoints in the timeline', () => {
  it('edits and deletes a touchpoint and recomputes the lead', async () => {
    const { repo, ids } = await seeded();
    const { touchpoint } = await repo.touchpoints.log({
      leadId: ids[0]!,
      channel: 'email',
      direction: 'inbound',
      summary: 'replied',
      at: '2026-11-21T09:00:00.000Z',
    });
    expect((await repo.leads.get(ids[0]!))?.temperature).toBe('hot');
    let lead = await repo.touchpoints.update(touchpoint.id, { at: '2026-09-01T09:00:00.000Z', summary: 'replied, long ago' });
    expect(lead.lastTouchAt).toBe('2026-09-01T09:00:00.000Z');
    expect(lead.temperature).toBe('cold');
    expect((await repo.touchpoints.of(ids[0]!))[0]?.summary).toBe('replied, long ago');
    await expect(repo.touchpoints.update(touchpoint.id, { at: 'yesterday' })).rejects.toThrow();
    lead = await repo.touchpoints.delete(touchpoint.id);
    expect(lead.lastTouchAt).toBeNull();
    expect(await repo.touchpoints.of(ids[0]!)).toEqual([]);
  });
});

describe('duplicates and merge', () => {
  it('groups same name with the same or a missing company', () => {
    const l = (id: string, name: string, company: string | null) => ({ id, name, company });
    const groups = duplicateGroups([
      l('1', 'Ada Lovelace', 'Acme'),
      l('2', 'ada  lovelace', 'ACME'),
      l('3', 'Ada Lovelace', null),
      l('4', 'Bob', 'X'),
      l('5', 'Bob', 'Y'),
    ]);
    expect(groups.map((g) => g.map((x) => x.id))).toEqual([['1', '2', '3']]);
  });

  it('merges two records keeping every touchpoint and the fuller value of each field', async () => {
    const { repo, db } = await freshRepo();
    const a = (await repo.leads.capture({ name: 'Kim Lee', company: 'Acme', emails: ['kim@acme.io'], source: 'gmail' })).lead;
    const b = (
      await repo.leads.capture({
        name: 'Kim Lee',
        company: 'Acme',
        headline: 'VP Sales',
        linkedinUrl: 'https://www.linkedin.com/in/kimlee/',
        source: 'linkedin',
      })
    ).lead;
    await repo.leads.update(b.id, { dealValue: 900, tags: ['warm-intro'], notes: 'met at a fair' });
    await repo.leads.move(b.id, { to: 'contacted' });
    await repo.touchpoints.log({ leadId: a.id, channel: 'email', direction: 'inbound', summary: 'hi', externalId: 'm1' });
    await repo.touchpoints.log({ leadId: b.id, channel: 'email', direction: 'inbound', summary: 'hi', externalId: 'm1' });
    await repo.touchpoints.log({ leadId: b.id, channel: 'call', direction: 'outbound', summary: 'call' });
    expect((await repo.merges.duplicates()).map((g) => g.map((l) => l.id).sort())).toEqual([[a.id, b.id].sort()]);
    const merged = await repo.merges.merge(a.id, b.id);
    expect(merged).toMatchObject({
      id: a.id,
      headline: 'VP Sales',
      linkedinUrl: 'https://www.linkedin.com/in/kimlee/',
      emails: ['kim@acme.io'],
      dealValue: 900,
      tags: ['warm-intro'],
      notes: 'met at a fair',
      stage: 'contacted',
    });
    expect(await db.count('leads')).toBe(1);
    expect((await repo.touchpoints.of(a.id)).map((t) => t.summary).sort()).toEqual(['call', 'hi']);
    expect((await repo.leads.findByLinkedinUrl('https://www.linkedin.com/in/kimlee/'))?.id).toBe(a.id);
    expect(await repo.aggregates.get()).toEqual(rebuild([merged], DEFAULT_SETTINGS.stages));
    expect(await repo.merges.duplicates()).toEqual([]);
  });
});

describe('import', () => {
  it('creates new leads, merges rows matching a stored lead, and reports rows that clash', async () => {
    const { repo, db } = await freshRepo();
    const kim = (await repo.leads.capture({ name: 'Kim Lee', emails: ['kim@acme.io'], source: 'gmail' })).lead;
    await repo.leads.capture({ name: 'Other', emails: ['taken@x.io'], source: 'manual' });
    await repo.touchpoints.log({ leadId: kim.id, channel: 'email', direction: 'inbound', summary: 'replied' });
    expect((await repo.leads.get(kim.id))?.temperature).toBe('hot');
    const results = await repo.importRows([
      { line: 2, name: 'Kim Lee', company: 'Acme Robotics', emails: ['KIM@acme.io'], source: 'import' },
      { line: 3, name: 'Ann New', company: 'Initech', emails: ['ann@initech.io'], dealValue: 300, stage: 'qualified', source: 'import' },
      { line: 4, name: 'Ann Again', emails: ['ann@initech.io'], source: 'import' },
      { line: 5, name: 'Clash', linkedinUrl: 'https://www.linkedin.com/in/clash/', emails: ['kim@acme.io', 'taken@x.io'], source: 'import' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['merged', 'created', 'merged', 'error']);
    expect(results[3]).toMatchObject({ line: 5, reason: 'taken@x.io already belongs to Other' });
    expect(await db.count('leads')).toBe(3);
    // Merged: the descriptive fields filled, the temperature (from the touchpoints) kept.
    expect(await repo.leads.get(kim.id)).toMatchObject({ company: 'Acme Robotics', temperature: 'hot' });
    const ann = await repo.leads.findByEmail('ann@initech.io');
    expect(ann).toMatchObject({
      name: 'Ann Again'.length > 'Ann New'.length ? 'Ann Again' : 'Ann New',
      stage: 'qualified',
      reached: ['prospect', 'qualified'],
      dealValue: 300,
    });
    expect((await repo.aggregates.get()).total).toBe(3);
  });
});

describe('backup and restore', () => {
  it('round-trips every lead, touchpoint and setting', async () => {
    const { repo, db, ids } = await seeded();
    await repo.touchpoints.log({ leadId: ids[0]!, channel: 'call', direction: 'outbound', summary: 'called' });
    await repo.settings.save({ ...DEFAULT_SETTINGS, currency: 'EUR' });
    const { parts } = await exportBackup(db);
    const text = parts.join('');
    const leadsBefore = (await db.getAll('leads')).sort((a, b) => a.id.localeCompare(b.id));
    const aggBefore = await repo.aggregates.get();
    const other = await freshRepo();
    await other.repo.leads.capture({ name: 'To be replaced', source: 'manual' });
    await restoreBackup(other.db, parseBackup(text));
    expect((await other.db.getAll('leads')).sort((a, b) => a.id.localeCompare(b.id))).toEqual(leadsBefore);
    expect(await other.db.count('touchpoints')).toBe(1);
    expect((await other.repo.settings.get()).currency).toBe('EUR');
    expect(await other.repo.aggregates.get()).toEqual(aggBefore);
  });

  it('rejects a corrupt or foreign file with a clear message', async () => {
    const { db, repo } = await seeded();
    const text = (await exportBackup(db)).parts.join('');
    expect(() => parseBackup('{"leads": [')).toThrow(/not JSON/);
    expect(() => parseBackup('{"contacts": []}')).toThrow(/not a Leadline backup/);
    expect(() => parseBackup(text.replace('"version":3', '"version":9'))).toThrow(/version 9/);
    const broken = JSON.parse(text);
    broken.leads[2].emails = ['not-an-email'];
    expect(() => parseBackup(JSON.stringify(broken))).toThrow(/damaged at leads\.2\.emails\.0: not an email address/);
    const orphan = JSON.parse(text);
    orphan.touchpoints.push({
      id: 't',
      leadId: 'nobody',
      channel: 'call',
      direction: 'outbound',
      at: '2026-11-22T10:00:00.000Z',
      summary: '',
      url: null,
      externalId: null,
      createdAt: '2026-11-22T10:00:00.000Z',
    });
    expect(() => parseBackup(JSON.stringify(orphan))).toThrow(/belongs to no lead/);
    expect(await repo.aggregates.get()).toMatchObject({ total: 5 });
  });
});
