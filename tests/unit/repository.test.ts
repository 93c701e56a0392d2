import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers/db';
import { rebuild } from '../../lib/pipeline/aggregates';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const ADA = { name: 'Ada Lovelace', company: 'Analytical Engines', linkedinUrl: 'https://www.linkedin.com/in/ada/', source: 'linkedin' as const };

describe('Repository', () => {
  it('captures a lead at the first stage with history, reached stages and a temperature', async () => {
    const { repo } = await freshRepo();
    const { lead, created } = await repo.leads.capture(ADA);
    expect(created).toBe(true);
    expect(lead).toMatchObject({ stage: 'prospect', reached: ['prospect'], source: 'linkedin', temperature: 'cold' });
    expect(lead.stageHistory).toEqual([{ from: null, to: 'prospect', at: '2026-11-22T10:00:00.000Z' }]);
    expect(lead.temperatureReasons).toEqual([{ rule: 'no-timeframe', params: { timeframe: 'none' } }]);
  });

  it('returns the existing lead for the same LinkedIn URL instead of a second one', async () => {
    const { repo, db } = await freshRepo();
    const first = await repo.leads.capture(ADA);
    const again = await repo.leads.capture({ ...ADA, name: 'Ada L.' });
    expect(again.created).toBe(false);
    expect(again.lead.id).toBe(first.lead.id);
    expect(await db.count('leads')).toBe(1);
  });

  it('ends with exactly one lead when the same profile is captured concurrently', async () => {
    const { repo, db } = await freshRepo();
    const results = await Promise.all([repo.leads.capture(ADA), repo.leads.capture(ADA), repo.leads.capture(ADA)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.lead.id)).size).toBe(1);
    expect(await db.count('leads')).toBe(1);
  });

  it('finds leads by any email, case-insensitively, and keeps emails unique across leads', async () => {
    const { repo } = await freshRepo();
    const { lead } = await repo.leads.capture({ name: 'Grace Hopper', emails: ['Grace@Navy.mil', 'gh@example.com'], source: 'gmail' });
    expect((await repo.leads.findByEmail('GRACE@navy.MIL'))?.id).toBe(lead.id);
    expect((await repo.leads.findByEmail('gh@example.com'))?.id).toBe(lead.id);
    const other = await repo.leads.capture({ name: 'Someone Else', linkedinUrl: 'https://www.linkedin.com/in/else/', source: 'manual' });
    await expect(repo.leads.update(other.lead.id, { emails: ['grace@navy.mil'] })).rejects.toThrow();
    expect((await repo.leads.get(other.lead.id))?.emails).toEqual([]);
  });

  it('suggests possible duplicates by name and company', async () => {
    const { repo } = await freshRepo();
    const { lead } = await repo.leads.capture({ name: 'Ada Lovelace', company: 'Analytical Engines', source: 'manual' });
    expect((await repo.leads.possibleDuplicates('ada lovelace', 'analytical engines')).map((l) => l.id)).toEqual([]);
    expect((await repo.leads.possibleDuplicates('Ada Lovelace', 'Analytical Engines')).map((l) => l.id)).toEqual([lead.id]);
    expect(await repo.leads.possibleDuplicates('Ada Lovelace', 'Other Co')).toEqual([]);
  });

  it('logs a touchpoint once per external id, moving last touch and temperature', async () => {
    const { repo, db, clock } = await freshRepo();
    const { lead } = await repo.leads.capture(ADA);
    clock.now = new Date('2026-11-23T09:00:00.000Z');
    const input = {
      leadId: lead.id,
      channel: 'email' as const,
      direction: 'inbound' as const,
      at: '2026-11-23T08:00:00.000Z',
      summary: 'Re: pricing',
      externalId: 'msg-1',
    };
    const first = await repo.touchpoints.log(input);
    const second = await repo.touchpoints.log(input);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.touchpoint.id).toBe(first.touchpoint.id);
    expect(await db.count('touchpoints')).toBe(1);
    expect(first.lead.lastTouchAt).toBe('2026-11-23T08:00:00.000Z');
    expect(first.lead.temperature).toBe('hot');
  });

  it('rejects a touchpoint for an unknown lead and writes nothing', async () => {
    const { repo, db } = await freshRepo();
    await expect(repo.touchpoints.log({ leadId: 'nope', channel: 'call', direction: 'outbound', summary: '' })).rejects.toThrow(/No lead/);
    expect(await db.count('touchpoints')).toBe(0);
  });

  it('keeps the aggregates equal to a rebuild after every kind of write', async () => {
    const { repo, db } = await freshRepo();
    await repo.aggregates.get(); // materialise them so writes patch them
    const a = await repo.leads.capture(ADA);
    const b = await repo.leads.capture({ name: 'Bob', source: 'manual', emails: ['bob@example.com'] });
    await repo.leads.move(a.lead.id, { to: 'proposal' });
    await repo.leads.update(a.lead.id, { dealValue: 5000, nextFollowUpOn: '2026-11-22' });
    await repo.leads.move(b.lead.id, { to: 'lost', reason: 'No budget' });
    await repo.touchpoints.log({ leadId: a.lead.id, channel: 'call', direction: 'outbound', summary: 'intro' });
    const patched = await repo.aggregates.get();
    expect(patched).toEqual(rebuild(await db.getAll('leads'), DEFAULT_SETTINGS.stages));
    expect(patched.reached).toEqual({ prospect: 2, qualified: 1, contacted: 1, nurturing: 1, proposal: 1 });
    expect(patched.lostFrom).toEqual({ prospect: 1 });
    expect(patched.followUpOn).toEqual({ '2026-11-22': 1 });
  });

  it('rebuilds the aggregates when they are missing (the repair path), giving the same figures', async () => {
    const { repo, db } = await freshRepo();
    await repo.aggregates.get();
    const a = await repo.leads.capture(ADA);
    await repo.leads.move(a.lead.id, { to: 'contacted' });
    const before = await repo.aggregates.get();
    await db.delete('meta', 'aggregates');
    expect(await repo.aggregates.get()).toEqual(before);
  });

  it('refuses to save settings that delete a stage still holding leads', async () => {
    const { repo } = await freshRepo();
    const a = await repo.leads.capture(ADA);
    await repo.leads.move(a.lead.id, { to: 'nurturing' });
    const without = { ...DEFAULT_SETTINGS, stages: DEFAULT_SETTINGS.stages.filter((s) => s.id !== 'nurturing') };
    await expect(repo.settings.save(without)).rejects.toThrow(/Nurturing|nurturing/);
    expect((await repo.settings.get()).stages).toHaveLength(7);
  });

  it('refresh() cools a lead whose last contact is older than the sales cycle, and is idempotent', async () => {
    const { repo, clock } = await freshRepo();
    const { lead } = await repo.leads.capture(ADA);
    await repo.leads.update(lead.id, { qualification: { budget: 'unknown', authority: 'unknown', need: 'unknown', timeframe: 'within-2-months' } });
    expect((await repo.leads.get(lead.id))?.temperature).toBe('warm');
    clock.now = new Date('2026-12-23T10:00:00.000Z'); // 31 days later
    expect(await repo.refresh()).toEqual([lead.id]);
    const cooled = await repo.leads.get(lead.id);
    expect(cooled?.temperature).toBe('cold');
    expect(cooled?.temperatureReasons).toEqual([{ rule: 'stale', params: { days: 31, cycle: 30, since: 'capture' } }]);
    expect(await repo.refresh()).toEqual([]);
  });
});

describe('quick search and the due list', () => {
  it('finds leads by the prefix of any word of name or company, or of an email, without duplicates', async () => {
    const { repo } = await freshRepo();
    const ada = (await repo.leads.capture({ ...ADA, emails: ['ada@engines.io'] })).lead;
    const grace = (await repo.leads.capture({ name: 'Grace Hopper', company: 'Navy Labs', source: 'manual' })).lead;
    expect((await repo.search('ada')).map((l) => l.id)).toEqual([ada.id]);
    expect((await repo.search('LOVE')).map((l) => l.id)).toEqual([ada.id]);
    expect((await repo.search('navy')).map((l) => l.id)).toEqual([grace.id]);
    expect((await repo.search('ada@en')).map((l) => l.id)).toEqual([ada.id]);
    expect((await repo.search('grace lab')).map((l) => l.id)).toEqual([grace.id]);
    expect(await repo.search('grace engines')).toEqual([]);
    expect(await repo.search('   ')).toEqual([]);
    // Renaming moves the search keys with the lead.
    await repo.leads.update(grace.id, { name: 'Amazing Grace' });
    expect((await repo.search('amaz')).map((l) => l.id)).toEqual([grace.id]);
  });

  it('finds leads by location, headline words and tags, as reps remember them', async () => {
    const { repo } = await freshRepo();
    // Headline and location as the 2025 saved profile shows them (shared/fixtures/real/README.md).
    const parul = (
      await repo.leads.capture({
        name: 'Parul Sharma',
        headline: 'Python Programmer|| Data Science Enthusiast ||Front-end Developer||Diamond League💎 in Google Cloud Skills Boost',
        company: 'Future Intern',
        location: 'Sirsa, Haryana, India',
        source: 'linkedin',
      })
    ).lead;
    const ada = (await repo.leads.capture(ADA)).lead;
    await repo.leads.update(ada.id, { tags: ['Trade fair 2026', 'enterprise'] });
    expect((await repo.search('sirsa')).map((l) => l.id)).toEqual([parul.id]);
    expect((await repo.search('haryana parul')).map((l) => l.id)).toEqual([parul.id]);
    expect((await repo.search('data scien')).map((l) => l.id)).toEqual([parul.id]);
    expect((await repo.search('front-end')).map((l) => l.id)).toEqual([parul.id]);
    expect((await repo.search('enterp')).map((l) => l.id)).toEqual([ada.id]);
    expect((await repo.search('fair 2026')).map((l) => l.id)).toEqual([ada.id]);
    expect((await repo.search('trade fair')).map((l) => l.id)).toEqual([ada.id]);
    // Only the headline's first words are keys: "boost" is its 15th.
    expect(await repo.search('boost')).toEqual([]);
    // A tag removed is no longer a key.
    await repo.leads.update(ada.id, { tags: [] });
    expect(await repo.search('enterp')).toEqual([]);
  });

  it('answers a query whose first word matches every lead from its rarer word, in any word order', async () => {
    const { repo } = await freshRepo();
    for (let i = 0; i < 40; i++) await repo.leads.capture({ name: `Lead ${i}`, company: 'Common Co', source: 'manual' });
    expect((await repo.search('lead 37', 8)).map((l) => l.name)).toEqual(['Lead 37']);
    expect((await repo.search('37 lead', 8)).map((l) => l.name)).toEqual(['Lead 37']);
    expect((await repo.search('common 3 lead', 20)).map((l) => l.name).sort()).toEqual(
      ['Lead 3', ...Array.from({ length: 10 }, (_, i) => `Lead 3${i}`)].sort(),
    );
    expect(await repo.search('lead 99')).toEqual([]);
  });

  it('lists open leads whose follow-up is due today or overdue', async () => {
    const { repo } = await freshRepo();
    const a = (await repo.leads.capture(ADA)).lead;
    const b = (await repo.leads.capture({ name: 'Bob', source: 'manual' })).lead;
    const c = (await repo.leads.capture({ name: 'Cy', source: 'manual' })).lead;
    await repo.leads.update(a.id, { nextFollowUpOn: '2026-11-22' });
    await repo.leads.update(b.id, { nextFollowUpOn: '2026-11-20' });
    await repo.leads.update(c.id, { nextFollowUpOn: '2026-11-25' });
    expect((await repo.leads.dueFollowUps('2026-11-22')).map((l) => l.name)).toEqual(['Bob', 'Ada Lovelace']);
    await repo.leads.move(b.id, { to: 'lost', reason: 'gone' });
    expect((await repo.leads.dueFollowUps('2026-11-22')).map((l) => l.name)).toEqual(['Ada Lovelace']);
  });
});
