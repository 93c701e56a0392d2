// Storage behaviour a rep relies on without seeing it: derived keys, edits with conflicts, the due
// list, the hourly job, settings saves, backups refused for what they would break.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers/db';
import { NO_FOLLOW_UP, plainLead, sortKeysOf, stageRank, toStored } from '../../lib/db/stored';
import { exportBackup, parseBackup } from '../../lib/db/backup';
import { matches, toRow } from '../../lib/db/lead-filter';
import { AGGREGATES_VERSION, rebuild } from '../../lib/pipeline/aggregates';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { makeLead } from './helpers/leads';

const STAGES = DEFAULT_SETTINGS.stages;
const ADA = { name: 'Ada Lovelace', company: 'Analytical Engines', linkedinUrl: 'https://www.linkedin.com/in/ada/', source: 'linkedin' as const };

describe('stored leads', () => {
  it('derive sort keys for every column, with leads lacking a value after every one that has it', () => {
    const lead = makeLead({
      name: 'Émile Zola',
      company: 'Les Éditions',
      stage: 'contacted',
      temperature: 'warm',
      dealValue: 300,
      nextFollowUpOn: '2026-12-01',
      lastTouchAt: '2026-11-20T10:00:00.000Z',
    });
    expect(sortKeysOf(lead)).toEqual({
      name: 'emile zola',
      company: 'les editions',
      temp: 1,
      value: 300,
      followUp: '2026-12-01',
      touch: '2026-11-20T10:00:00.000Z',
      activityDay: '2026-11-20',
    });
    expect(sortKeysOf(makeLead({ company: null, temperature: null, dealValue: null, nextFollowUpOn: null, lastTouchAt: null }))).toMatchObject({
      company: '',
      temp: 3,
      value: -1,
      followUp: NO_FOLLOW_UP,
      touch: '',
    });
    expect(['hot', 'cold'].map((temperature) => sortKeysOf(makeLead({ temperature: temperature as 'hot' })).temp)).toEqual([0, 2]);
    expect(['prospect', 'won', 'lost', 'later', 'gone'].map((s) => stageRank(s, STAGES))).toEqual([0, 6, 7, 8, 9]);
  });

  it('store derived keys made afresh, and give back the plain lead', () => {
    const lead = makeLead({ name: 'Ada', company: 'Acme', emails: ['ada@acme.io'] });
    const stored = toStored({ ...lead, searchKeys: ['stale'], sort: { name: 'stale' } } as never, STAGES);
    expect(stored.searchKeys).toEqual(['ada', 'acme', 'ada@acme.io']);
    expect(stored.sort.name).toBe('ada');
    expect(plainLead(stored)).toEqual(lead);
  });
});

describe('the table’s filters', () => {
  const today = '2026-11-22';
  const lead = makeLead({
    stage: 'qualified',
    temperature: 'hot',
    source: 'gmail',
    tags: ['vip'],
    nextFollowUpOn: '2026-11-22',
    lastTouchAt: '2026-11-21T10:00:00.000Z',
    name: 'Ada Lovelace',
  });
  it('pass a lead that meets every filter, and stop it at the first it fails', () => {
    expect(matches(lead, { stage: 'qualified', temperature: 'hot', source: 'gmail', tag: 'vip', due: true, text: 'love ada' }, STAGES, today)).toBe(true);
    for (const filter of [
      { stage: 'prospect' },
      { temperature: 'cold' as const },
      { source: 'import' as const },
      { tag: 'x' },
      { text: 'zz' },
      { stale: true },
    ])
      expect(matches(lead, filter, STAGES, today)).toBe(false);
    expect(matches({ ...lead, nextFollowUpOn: '2026-11-23' }, { due: true }, STAGES, today)).toBe(false);
    expect(matches({ ...lead, nextFollowUpOn: null }, { due: true }, STAGES, today)).toBe(false);
    expect(matches({ ...lead, stage: 'won' }, { due: true }, STAGES, today)).toBe(false);
  });

  it('make a table row with the stale mark', () => {
    const row = toRow(makeLead({ stage: 'contacted', createdAt: '2026-10-01T10:00:00.000Z', stageHistory: [] }), STAGES, today);
    expect(row).toMatchObject({ stage: 'contacted', stale: true, name: 'Ada Lovelace', emails: [], linkedinUrl: 'https://www.linkedin.com/in/ada/' });
    expect(Object.keys(row).sort()).toEqual(
      [
        'company',
        'currency',
        'dealValue',
        'emails',
        'id',
        'lastTouchAt',
        'later',
        'linkedinUrl',
        'lost',
        'name',
        'nextFollowUpOn',
        'source',
        'stage',
        'stale',
        'tags',
        'temperature',
        'updatedAt',
      ].sort(),
    );
  });
});

describe('lead repository', () => {
  it('saves a field changed elsewhere meanwhile as a conflict, and the other fields', async () => {
    const { repo } = await freshRepo();
    const { lead } = await repo.leads.capture(ADA);
    await repo.leads.update(lead.id, { company: 'Babbage & Co' });
    const { lead: after, conflicts } = await repo.leads.update(
      lead.id,
      { company: 'Engines Ltd', notes: 'new notes', emails: ['ADA@engines.io', 'ada@engines.io'] },
      { company: 'Analytical Engines', notes: '', emails: [] },
    );
    expect(conflicts).toEqual([{ field: 'company', mine: 'Engines Ltd', theirs: 'Babbage & Co' }]);
    expect(after).toMatchObject({ company: 'Babbage & Co', notes: 'new notes', emails: ['ada@engines.io'] });
    // The same value on both sides is no conflict; BANT answers merge one by one.
    const same = await repo.leads.update(lead.id, { company: 'Babbage & Co' }, { company: 'Analytical Engines' });
    expect(same.conflicts).toEqual([]);
    await repo.leads.update(lead.id, { qualification: { budget: 'yes' } });
    const bant = await repo.leads.update(lead.id, { qualification: { need: 'yes' } }, { qualification: { need: 'unknown' } });
    expect(bant.lead.qualification).toEqual({ budget: 'yes', authority: 'unknown', need: 'yes', timeframe: 'none' });
    await expect(repo.leads.update('nobody', { notes: 'x' })).rejects.toThrow('No lead with id nobody.');
    await expect(repo.leads.mustGet('nobody')).rejects.toThrow('No lead with id nobody.');
  });

  it('opens a lead at its profile, else at the thread of its last logged email', async () => {
    const { repo, clock } = await freshRepo();
    const { lead: ada } = await repo.leads.capture(ADA);
    expect(await repo.leads.openUrlOf(ada)).toBe(ADA.linkedinUrl);
    const { lead: bo } = await repo.leads.capture({ name: 'Bo', emails: ['bo@x.io'], source: 'gmail' });
    expect(await repo.leads.openUrlOf(bo)).toBeNull();
    const thread = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF';
    await repo.touchpoints.log({ leadId: bo.id, channel: 'email', direction: 'inbound', summary: 'hi', url: thread, at: '2026-11-20T10:00:00.000Z' });
    clock.now = new Date('2026-11-22T11:00:00.000Z');
    await repo.touchpoints.log({ leadId: bo.id, channel: 'call', direction: 'outbound', summary: 'call', url: 'https://www.linkedin.com/in/bo/' });
    expect(await repo.leads.openUrlOf(bo)).toBe(thread);
  });

  it('lists due follow-ups oldest first, open leads only, at most the limit', async () => {
    const { repo } = await freshRepo();
    const due = async (name: string, day: string, stage?: string) => {
      const { lead } = await repo.leads.capture({ name, source: 'manual' });
      await repo.leads.update(lead.id, { nextFollowUpOn: day });
      if (stage) await repo.leads.move(lead.id, { to: stage });
    };
    await due('C', '2026-11-22');
    await due('A', '2026-11-01');
    await due('B', '2026-11-10');
    await due('Later', '2026-11-23');
    await due('Won', '2026-11-02', 'won');
    expect((await repo.leads.dueFollowUps('2026-11-22')).map((l) => l.name)).toEqual(['A', 'B', 'C']);
    expect((await repo.leads.dueFollowUps('2026-11-22', 2)).map((l) => l.name)).toEqual(['A', 'B']);
  });

  it('moves a lead, recomputing its temperature, and refuses an unknown stage', async () => {
    const { repo } = await freshRepo();
    const { lead } = await repo.leads.capture(ADA);
    expect((await repo.leads.move(lead.id, { to: 'won' })).temperature).toBeNull();
    await expect(repo.leads.move(lead.id, { to: 'nope' })).rejects.toThrow('Unknown stage "nope".');
    expect((await repo.aggregates.get()).open).toEqual({ won: 1 });
  });
});

describe('the hourly job', () => {
  it('returns parked leads whose day has come, with a follow-up, and writes nothing twice', async () => {
    const { repo, clock } = await freshRepo();
    const { lead } = await repo.leads.capture(ADA);
    await repo.leads.move(lead.id, { to: 'qualified' });
    await repo.leads.move(lead.id, { to: 'later', reengageOn: '2026-11-25' });
    expect(await repo.refresh()).toEqual([]);
    clock.now = new Date('2026-11-25T12:00:00.000Z');
    expect(await repo.refresh()).toEqual([lead.id]);
    expect(await repo.leads.get(lead.id)).toMatchObject({ stage: 'qualified', later: null, nextFollowUpOn: '2026-11-25' });
    expect(await repo.refresh()).toEqual([]);
  });
});

describe('settings and aggregates stores', () => {
  // The table's new sort order after a reorder is tested in jobs.test.ts (no lead is rewritten).
  it('keeps the open counts when the stage order changes', async () => {
    const { repo, db } = await freshRepo();
    const { lead } = await repo.leads.capture(ADA);
    await repo.leads.move(lead.id, { to: 'contacted' });
    const stages = [...STAGES];
    stages.splice(2, 1);
    stages.unshift(STAGES[2]!);
    await repo.settings.save({ ...DEFAULT_SETTINGS, stages });
    expect((await db.get('leads', lead.id))!.stage).toBe('contacted');
    expect((await repo.aggregates.get()).open).toEqual({ contacted: 1 });
  });

  it('rebuilds aggregates kept by an older version instead of reading them', async () => {
    const { repo, db } = await freshRepo();
    await repo.leads.capture(ADA);
    await db.put('meta', { key: 'aggregates', version: AGGREGATES_VERSION - 1, total: 99 } as never);
    expect((await repo.aggregates.get()).total).toBe(1);
    expect(await db.get('meta', 'aggregates')).toMatchObject({ version: AGGREGATES_VERSION, total: 1 });
  });
});

describe('backups refused for what they would break', () => {
  async function backup() {
    const { repo, db } = await freshRepo();
    await repo.leads.capture({ ...ADA, emails: ['ada@engines.io'] });
    await repo.leads.capture({ name: 'Bob', linkedinUrl: 'https://www.linkedin.com/in/bob/', emails: ['bob@x.io'], source: 'manual' });
    return JSON.parse((await exportBackup(db, new Date('2026-11-22T12:00:00.000Z'))).parts.join(''));
  }

  it('names the export time and the format', async () => {
    expect(await backup()).toMatchObject({ format: 'leadline-backup', version: 3, exportedAt: '2026-11-22T12:00:00.000Z', settings: DEFAULT_SETTINGS });
  });

  it('refuses a lead twice, a shared URL or email, and a stage the settings lack', async () => {
    const twice = await backup();
    twice.leads[1].id = twice.leads[0].id;
    expect(() => parseBackup(JSON.stringify(twice))).toThrow(`The backup holds lead ${twice.leads[0].id} twice. Nothing was restored.`);
    const url = await backup();
    url.leads[1].linkedinUrl = url.leads[0].linkedinUrl;
    expect(() => parseBackup(JSON.stringify(url))).toThrow(`Two leads of the backup share ${url.leads[0].linkedinUrl}. Nothing was restored.`);
    const email = await backup();
    email.leads[1].emails = email.leads[0].emails;
    expect(() => parseBackup(JSON.stringify(email))).toThrow(`Two leads of the backup share ${email.leads[0].emails[0]}. Nothing was restored.`);
    const stage = await backup();
    stage.leads[0].stage = 'demo';
    expect(() => parseBackup(JSON.stringify(stage))).toThrow(
      `Lead ${stage.leads[0].name} is in stage "demo", which the backup's settings lack. Nothing was restored.`,
    );
    const parked = await backup();
    parked.leads[0].stage = 'later';
    parked.leads[0].later = { from: 'prospect', reengageOn: '2027-01-01' };
    expect(parseBackup(JSON.stringify(parked)).leads).toHaveLength(2);
  });

  it('gives the aggregates of the leads restored', async () => {
    const file = await backup();
    expect(rebuild(parseBackup(JSON.stringify(file)).leads, STAGES).total).toBe(2);
  });
});
