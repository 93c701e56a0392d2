import { describe, expect, it } from 'vitest';
import { openLeadlineDb } from '../../lib/db/schema';
import { createRepositories } from '../../lib/db/repositories';
import { AggregatesStore, FOLD_AFTER } from '../../lib/db/aggregates-store';
import { BASE, HEAD, JOURNAL, type Base, type Head } from '../../lib/db/aggregates-journal';
import { exportBackup, parseBackup, restoreBackup } from '../../lib/db/backup';
import { rebuild, rebuildWithInsights } from '../../lib/pipeline/aggregates';
import { insights } from '../../lib/pipeline/insights';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { INSIGHTS_HEAD, liveInsightsHead, readInsights } from '../../lib/db/insights-records';
import { rebuildAggregates } from '../../lib/db/aggregates-rebuild';
import type { Db } from '../../lib/db/schema';

let counter = 0;
async function open() {
  const name = `journal-${++counter}`;
  const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
  const db = await openLeadlineDb(name);
  return { name, db, clock, repo: createRepositories(db, () => clock.now) };
}

const journalKeys = async (db: Awaited<ReturnType<typeof open>>['db']) => (await db.getAllKeys('meta')).filter((k) => String(k).startsWith(JOURNAL));
const truth = async (db: Awaited<ReturnType<typeof open>>['db']) => rebuild(await db.getAll('leads'), DEFAULT_SETTINGS.stages);

describe('aggregates kept through a journal', () => {
  it('appends a small entry per write instead of rewriting the stored record', async () => {
    const { db, repo } = await open();
    await repo.aggregates.get();
    const before = (await db.get('meta', BASE)) as Base;
    const { lead } = await repo.leads.capture({ name: 'Ada', source: 'manual' });
    await repo.leads.move(lead.id, { to: 'qualified' });
    expect(await journalKeys(db)).toEqual([`${JOURNAL}000000000001`, `${JOURNAL}000000000002`]);
    expect(await db.get('meta', BASE)).toEqual(before);
    expect(((await db.get('meta', HEAD)) as Head).seq).toBe(2);
    expect(await repo.aggregates.get()).toEqual(await truth(db));
  });

  it('folds the journal into the stored record once it grew long', async () => {
    const { db, repo } = await open();
    await repo.aggregates.get();
    for (let i = 0; i < FOLD_AFTER + 3; i++) await repo.leads.capture({ name: `Lead ${i}`, source: 'manual' });
    await repo.aggregates.get();
    // Folded after the read, in the background.
    for (let i = 0; i < 100 && (await journalKeys(db)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await journalKeys(db)).toEqual([]);
    expect(((await db.get('meta', BASE)) as Base).seq).toBe(FOLD_AFTER + 3);
    const { rev: _r, seq: _s, ...stored } = (await db.get('meta', BASE)) as Base;
    expect(stored).toEqual(await truth(db));
  });

  it('gives a reader that starts afresh (a restarted worker) the stored record with the journal applied', async () => {
    const { name, db, repo } = await open();
    await repo.aggregates.get();
    await repo.leads.capture({ name: 'Ada', source: 'manual' });
    await repo.leads.capture({ name: 'Bob', source: 'manual' });
    const other = await openLeadlineDb(name);
    expect(await new AggregatesStore(other).get()).toEqual(await truth(db));
    other.close();
  });

  it('patches a record from before the journal, and adopts it on the first read', async () => {
    const { db, repo } = await open();
    await db.put('meta', rebuild([], DEFAULT_SETTINGS.stages));
    await repo.leads.capture({ name: 'Ada', source: 'manual' });
    expect(await journalKeys(db)).toEqual([]);
    expect(((await db.get('meta', BASE)) as Base).total).toBe(1);
    expect(await repo.aggregates.get()).toEqual(await truth(db));
    await repo.leads.capture({ name: 'Bob', source: 'manual' });
    expect(await journalKeys(db)).toHaveLength(1);
    expect(await repo.aggregates.get()).toEqual(await truth(db));
  });

  it('answers with the restored figures after a restore, not with what it had in memory', async () => {
    const source = await open();
    for (const name of ['Ada', 'Bob', 'Cy']) await source.repo.leads.capture({ name, source: 'manual' });
    const backup = parseBackup((await exportBackup(source.db)).parts.join(''));
    const { db, repo } = await open();
    await repo.aggregates.get();
    await repo.leads.capture({ name: 'To be replaced', source: 'manual' });
    expect((await repo.aggregates.get()).total).toBe(1);
    await restoreBackup(db, backup);
    expect((await repo.aggregates.get()).total).toBe(3);
    await repo.leads.capture({ name: 'Dee', source: 'manual' });
    expect(await repo.aggregates.get()).toEqual(await truth(db));
  });
});

/** Every insight record as stored, joined back together (null while they are missing). */
async function storedSlices(db: Db) {
  const tx = db.transaction('meta');
  const head = liveInsightsHead(await tx.store.get(INSIGHTS_HEAD));
  return head ? readInsights(tx.store, head, null) : null;
}

const STAGES = DEFAULT_SETTINGS.stages;
const TODAY = '2027-01-20';

/**
 * The popup's figures (through the journal, from this reader and from one that starts afresh), the
 * stored insight records and the Insights view's answer all equal a rebuild over the stored leads.
 */
async function expectBothRight(name: string, db: Db, repo: ReturnType<typeof createRepositories>) {
  const all = rebuildWithInsights(await db.getAll('leads'), STAGES);
  const { insights: slices, ...popup } = all;
  expect(await repo.aggregates.get()).toEqual(popup);
  const other = await openLeadlineDb(name);
  expect(await new AggregatesStore(other).get()).toEqual(popup);
  other.close();
  expect(await storedSlices(db)).toEqual(slices);
  expect((await repo.aggregates.insights({ period: 'all', today: TODAY })).insights).toEqual(insights(all, STAGES, { period: 'all', today: TODAY }));
}

describe('the journal beside the insight records', () => {
  it('keeps the popup figures and the Insights records right through every kind of write, across folds', async () => {
    const { name, db, repo, clock } = await open();
    await repo.aggregates.get();
    clock.now = new Date('2026-10-05T09:00:00.000Z');
    const ada = (await repo.leads.capture({ name: 'Ada Lovelace', source: 'linkedin' })).lead;
    const bob = (await repo.leads.capture({ name: 'Bob Stone', emails: ['bob@example.com'], source: 'gmail' })).lead;
    clock.now = new Date('2026-11-03T09:00:00.000Z');
    await repo.leads.move(ada.id, { to: 'qualified' });
    await repo.leads.update(ada.id, { dealValue: 12_000, tags: ['enterprise'] });
    await repo.leads.move(bob.id, { to: 'lost', reason: 'No budget' });
    await repo.touchpoints.log({ leadId: ada.id, channel: 'call', direction: 'outbound', summary: 'intro' });
    expect((await journalKeys(db)).length).toBeGreaterThan(0);
    await expectBothRight(name, db, repo);
    // Past a fold: the stored record takes the journal in, the insight records are untouched by it.
    for (let i = 0; i < FOLD_AFTER + 2; i++) await repo.leads.capture({ name: `Lead ${i}`, source: i % 2 ? 'referral' : 'event' });
    await repo.aggregates.get();
    for (let i = 0; i < 100 && (await journalKeys(db)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await journalKeys(db)).toEqual([]);
    const { batchId } = await repo.trash.delete([bob.id]);
    await repo.leads.move(ada.id, { to: 'won' });
    await expectBothRight(name, db, repo);
    await repo.trash.undelete(batchId);
    await expectBothRight(name, db, repo);
  });

  it('rebuilds both in short transactions while writes go on, counting each write once', async () => {
    const { name, db, repo, clock } = await open();
    clock.now = new Date('2026-10-05T09:00:00.000Z');
    const early = [];
    for (let i = 0; i < 40; i++) early.push((await repo.leads.capture({ name: `Early ${i}`, source: 'manual' })).lead);
    const running = rebuildAggregates(db, { first: 5, min: 5, max: 5, pauseMs: 1 });
    // Writes to leads already folded and to leads not yet reached, in two creation months, with
    // tags and values, until the rebuild ends.
    let finished = false;
    void running.then(() => (finished = true));
    clock.now = new Date('2026-11-03T09:00:00.000Z');
    let writes = 0;
    for (; !finished; writes++) {
      const target = early[(writes * 7) % early.length]!;
      if (writes % 3 === 0) await repo.leads.capture({ name: `During ${writes}`, source: 'gmail' });
      else await repo.leads.update(target.id, { tags: writes % 2 ? ['vip'] : [], dealValue: writes * 100 });
    }
    expect(writes).toBeGreaterThan(4);
    await running;
    await expectBothRight(name, db, repo);
    await repo.leads.move(early[1]!.id, { to: 'qualified' });
    await repo.leads.move(early[2]!.id, { to: 'lost', reason: 'Timing' });
    await expectBothRight(name, db, repo);
  });

  it('takes the records a restore wrote as they are, and keeps both right after it', async () => {
    const source = await open();
    source.clock.now = new Date('2026-09-05T09:00:00.000Z');
    for (const who of ['Ada', 'Bob', 'Cy']) await source.repo.leads.capture({ name: who, source: 'manual' });
    const backup = parseBackup((await exportBackup(source.db)).parts.join(''));
    const { name, db, repo } = await open();
    await repo.aggregates.get();
    await repo.leads.capture({ name: 'To be replaced', source: 'gmail' });
    await restoreBackup(db, backup);
    await expectBothRight(name, db, repo);
    const { lead } = await repo.leads.capture({ name: 'Dee', source: 'event' });
    await repo.leads.move(lead.id, { to: 'qualified' });
    await expectBothRight(name, db, repo);
  });
});
