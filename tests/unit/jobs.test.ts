import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers/db';
import { makeLead } from './helpers/leads';
import { rebuild, rebuildWithInsights } from '../../lib/pipeline/aggregates';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Lead } from '../../lib/pipeline/model';
import { refresh, REFRESH_RECORD, type RefreshRecord } from '../../lib/db/refresh';
import { rebuildAggregates } from '../../lib/db/aggregates-rebuild';
import { REDERIVE_RECORD, SettingsStore, type RederiveRecord } from '../../lib/db/settings-store';
import { toStored, type StoredLead } from '../../lib/db/stored';
import type { Db } from '../../lib/db/schema';
import { trackRebuild, write } from '../../lib/db/tx';
import { AggregatesStore } from '../../lib/db/aggregates-store';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const STAGES = DEFAULT_SETTINGS.stages;

/** Stores leads as the extension would (derived keys, recheck instants), and their aggregates. */
async function insert(db: Db, leads: Lead[], settings: Settings = DEFAULT_SETTINGS): Promise<void> {
  const tx = db.transaction(['leads', 'meta'], 'readwrite');
  for (const lead of leads) await tx.objectStore('leads').put(toStored(lead, settings.stages, { thresholds: settings.thresholds }));
  await tx.objectStore('meta').put(rebuild(leads, settings.stages));
  await tx.done;
}

const lead = (i: number, over: Partial<Lead> = {}): Lead =>
  makeLead({ id: `l${String(i).padStart(4, '0')}`, name: `Lead ${i}`, linkedinUrl: null, createdAt: ago(10), updatedAt: ago(10), ...over });

const record = async (db: Db) => (await db.get('meta', REFRESH_RECORD)) as RefreshRecord;
/** The aggregates as readers get them (the stored record with its journal applied). */
const storedAggregates = (db: Db) => new AggregatesStore(db).get();
const allLeads = (db: Db) => db.getAll('leads');

describe('the hourly refresh', () => {
  it('visits only leads whose recheck instant has come, and is idempotent', async () => {
    const { db } = await freshRepo(NOW.toISOString());
    // 30 leads captured 10 days ago (stale in 20 days), 5 captured 29.5 days ago (stale in half a day).
    await insert(db, [
      ...Array.from({ length: 30 }, (_, i) => lead(i)),
      ...Array.from({ length: 5 }, (_, i) => lead(100 + i, { createdAt: ago(29.5), updatedAt: ago(29.5) })),
    ]);
    const later = new Date(NOW.getTime() + DAY);
    const changed = await refresh(db, later);
    expect(changed.sort()).toEqual(['l0100', 'l0101', 'l0102', 'l0103', 'l0104']);
    expect((await record(db)).items).toBe(5);
    expect(await storedAggregates(db)).toEqual(rebuild(await allLeads(db), STAGES));
    // Stale for good: nothing left to recheck for them.
    expect((await db.get('leads', 'l0100'))?.recheckAt).toBeUndefined();
    expect(await refresh(db, later)).toEqual([]);
    expect((await record(db)).items).toBe(0);
  });

  it('leaves a lead written with contacts due at once, then gives it its exact instant', async () => {
    const { repo, db, clock } = await freshRepo(NOW.toISOString());
    const { lead: ada } = await repo.leads.capture({ name: 'Ada', source: 'manual' });
    await repo.touchpoints.log({ leadId: ada.id, channel: 'email', direction: 'inbound', summary: 'hi', at: NOW.toISOString() });
    expect((await db.get('leads', ada.id))?.recheckAt).toBe(NOW.toISOString());
    expect(await repo.refresh()).toEqual([]);
    // Hot for 7 days after the reply, then warm.
    expect((await db.get('leads', ada.id))?.recheckAt).toBe(new Date(NOW.getTime() + 7 * DAY + 1).toISOString());
    clock.now = new Date(NOW.getTime() + 8 * DAY);
    expect(await repo.refresh()).toEqual([ada.id]);
    expect(await db.get('leads', ada.id)).toMatchObject({ temperature: 'warm', recheckAt: new Date(NOW.getTime() + 30 * DAY + 1).toISOString() });
  });

  it('brings a parked lead back on its re-engage day, not before', async () => {
    const { repo, db, clock } = await freshRepo(NOW.toISOString());
    const { lead: ada } = await repo.leads.capture({ name: 'Ada', source: 'manual' });
    await repo.leads.move(ada.id, { to: 'later', reengageOn: '2026-11-25' });
    clock.now = new Date(2026, 10, 24, 23, 0);
    expect(await repo.refresh()).toEqual([]);
    clock.now = new Date(2026, 10, 25, 0, 30);
    expect(await repo.refresh()).toEqual([ada.id]);
    expect(await db.get('leads', ada.id)).toMatchObject({ stage: 'prospect', nextFollowUpOn: '2026-11-25' });
  });

  it('does the same work in many small transactions as in one', async () => {
    const { db } = await freshRepo(NOW.toISOString());
    await insert(
      db,
      Array.from({ length: 120 }, (_, i) => lead(i, { createdAt: ago(29 + i / 100), updatedAt: ago(29 + i / 100) })),
    );
    const changed = await refresh(db, new Date(NOW.getTime() + 2 * DAY), { first: 7, min: 7, max: 7, pauseMs: 0 });
    expect(changed).toHaveLength(120);
    expect((await record(db)).chunks).toBe(18);
    expect((await allLeads(db)).every((l) => l.temperature === 'cold')).toBe(true);
    expect(await storedAggregates(db)).toEqual(rebuild(await allLeads(db), STAGES));
  });
});

describe('the aggregates rebuild in short transactions', () => {
  it('counts writes made while it runs exactly once; a refused write changes nothing', async () => {
    const { repo, db } = await freshRepo(NOW.toISOString());
    await insert(
      db,
      Array.from({ length: 200 }, (_, i) => lead(i, { emails: [`p${i}@x.io`] })),
    );
    const running = rebuildAggregates(db, { first: 5, min: 5, max: 5, pauseMs: 2 });
    let done = false;
    void running.then(() => (done = true));
    // Writes spread over the rebuild: to leads already folded, not yet reached, and new ones.
    for (let i = 0; i < 200 && !done; i += 7) {
      await new Promise((r) => setTimeout(r, 3));
      await repo.leads.move(`l${String(i).padStart(4, '0')}`, { to: 'qualified' });
      await repo.leads.move(`l${String(199 - i).padStart(4, '0')}`, { to: 'contacted' });
      await repo.leads.capture({ name: `New ${i}`, source: 'manual' });
      // Taking another lead's email fails and is rolled back.
      expect(await repo.leads.update(`l${String(i + 1).padStart(4, '0')}`, { emails: ['p0@x.io'], dealValue: 99 }).catch(() => 'refused')).toBe('refused');
    }
    const captured = (await allLeads(db)).length - 200;
    expect(captured).toBeGreaterThan(5);
    await running;
    await repo.trash.delete(['l0005', 'l0150']);
    expect(await storedAggregates(db)).toEqual(rebuild(await allLeads(db), STAGES));
    expect((await storedAggregates(db))?.total).toBe(200 + captured - 2);
  });

  it('takes back what a failed write folded into a rebuild in progress', async () => {
    const { db } = await freshRepo(NOW.toISOString());
    const partial = rebuildWithInsights([lead(1)], STAGES);
    trackRebuild(db, { upTo: '\uffff', partial, stages: STAGES });
    const failing = write(db, NOW, async (w) => {
      w.account(undefined, lead(2, { stage: 'qualified', reached: ['prospect', 'qualified'] }));
      throw new Error('refused after accounting');
    });
    await expect(failing).rejects.toThrow('refused after accounting');
    expect(partial).toEqual(rebuildWithInsights([lead(1)], STAGES));
    await write(db, NOW, async (w) => w.account(undefined, lead(3)));
    trackRebuild(db, null);
    expect(partial).toEqual(rebuildWithInsights([lead(1), lead(3)], STAGES));
  });

  it('gives way to a complete record written meanwhile (a restore)', async () => {
    const { db } = await freshRepo(NOW.toISOString());
    await insert(
      db,
      Array.from({ length: 50 }, (_, i) => lead(i)),
    );
    const running = rebuildAggregates(db, { first: 5, min: 5, max: 5, pauseMs: 1 });
    await new Promise((r) => setTimeout(r, 5));
    const restored = rebuild([lead(900)], STAGES);
    await db.put('meta', restored);
    expect(await running).toEqual(restored);
    expect(await storedAggregates(db)).toEqual(restored);
  });
});

describe('settings changes re-derive stored leads in short transactions', () => {
  const swapped = () => {
    const stages = [...STAGES];
    [stages[2], stages[3]] = [stages[3]!, stages[2]!];
    return stages;
  };
  const spread = () => Array.from({ length: 60 }, (_, i) => lead(i, { stage: STAGES[i % 6]!.id, reached: STAGES.slice(0, (i % 6) + 1).map((s) => s.id) }));

  it('reorders stages without rewriting a lead: the table sorts by the new order, the counts stand', async () => {
    const { db, repo } = await freshRepo(NOW.toISOString());
    await insert(db, spread());
    const leadsBefore = await allLeads(db);
    const countsBefore = await repo.aggregates.get();
    const stages = swapped();
    await repo.settings.save({ ...DEFAULT_SETTINGS, stages });
    expect(await allLeads(db)).toEqual(leadsBefore);
    expect(await db.get('meta', REDERIVE_RECORD)).toBeUndefined();
    expect((await repo.aggregates.get()).open).toEqual(countsBefore.open);
    const page = await repo.queries.table({ filter: {}, sort: 'stage', desc: false, offset: 0, limit: 60 }, stages, '2026-11-22');
    const order = page.rows.map((r) => r.stage);
    expect([...new Set(order)]).toEqual(['prospect', 'qualified', 'nurturing', 'contacted', 'proposal', 'negotiation']);
  });

  it('rebuilds the aggregates, in short transactions, when a stage is added', async () => {
    const { db, repo } = await freshRepo(NOW.toISOString());
    await insert(db, spread());
    const stages = [...STAGES.slice(0, 2), { id: 'demo', name: 'Demo', probability: 0.15, rottingDays: 7 }, ...STAGES.slice(2)];
    await new SettingsStore(db, () => NOW, { first: 4, min: 4, max: 4, pauseMs: 0 }).save({ ...DEFAULT_SETTINGS, stages });
    expect(await repo.aggregates.get()).toEqual(rebuild(await allLeads(db), stages));
    expect(await db.get('meta', 'job.aggregates')).toMatchObject({ leads: 60, chunks: 16 });
  });

  it('recomputes temperatures when the thresholds change, and only then', async () => {
    const { db } = await freshRepo(NOW.toISOString());
    const warm = {
      qualification: { budget: 'unknown', authority: 'unknown', need: 'unknown', timeframe: 'within-2-months' } as const,
      temperature: 'warm' as const,
    };
    await insert(db, [lead(1, { ...warm, createdAt: ago(15), updatedAt: ago(15) }), lead(2, { ...warm, createdAt: ago(5), updatedAt: ago(5) })]);
    const store = new SettingsStore(db, () => NOW);
    await store.save({ ...DEFAULT_SETTINGS, autoLog: false });
    expect(await db.get('meta', REDERIVE_RECORD)).toBeUndefined();
    await store.save({ ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, salesCycleDays: 10 } });
    expect((await db.get('leads', 'l0001'))?.temperature).toBe('cold');
    expect(await db.get('leads', 'l0002')).toMatchObject({ temperature: 'warm', recheckAt: new Date(Date.parse(ago(5)) + 10 * DAY + 1).toISOString() });
    expect((await storedAggregates(db))?.temperature).toEqual({ cold: 1, warm: 1 });
  });

  it('resumes a recomputation a stopped worker left where it was', async () => {
    const { db } = await freshRepo(NOW.toISOString());
    const warm = {
      qualification: { budget: 'unknown', authority: 'unknown', need: 'unknown', timeframe: 'within-2-months' } as const,
      temperature: 'warm' as const,
    };
    // Stored under a 30-day cycle, the 10-day cycle saved, and the job stopped half-way.
    await insert(
      db,
      Array.from({ length: 60 }, (_, i) => lead(i, { ...warm, createdAt: ago(15), updatedAt: ago(15) })),
    );
    await db.put('meta', { key: 'settings', ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, salesCycleDays: 10 } });
    const job: RederiveRecord = { key: REDERIVE_RECORD, after: 'l0029', temperatures: true, startedAt: NOW.toISOString() };
    await db.put('meta', job);
    expect(await new SettingsStore(db, () => NOW).rederive()).toMatchObject({ items: 30 });
    const leads = (await allLeads(db)) as StoredLead[];
    expect(leads.filter((l) => l.temperature === 'warm').map((l) => l.id)).toEqual(leads.filter((l) => l.id <= 'l0029').map((l) => l.id));
    expect(leads.filter((l) => l.id > 'l0029').every((l) => l.temperature === 'cold')).toBe(true);
    expect(await new SettingsStore(db, () => NOW).rederive()).toBeNull();
  });

  it('refuses to delete a stage a lost or parked lead left from', async () => {
    const { repo } = await freshRepo(NOW.toISOString());
    const { lead: ada } = await repo.leads.capture({ name: 'Ada', source: 'manual' });
    await repo.leads.move(ada.id, { to: 'nurturing' });
    await repo.leads.move(ada.id, { to: 'lost', reason: 'price' });
    const without = { ...DEFAULT_SETTINGS, stages: STAGES.filter((s) => s.id !== 'nurturing') };
    await expect(repo.settings.save(without)).rejects.toThrow(/nurturing/);
    await repo.leads.move(ada.id, { to: 'prospect' });
    await expect(repo.settings.save(without)).resolves.toMatchObject({ stages: without.stages });
  });
});
