import { describe, expect, it } from 'vitest';
import { openLeadlineDb } from '../../lib/db/schema';
import { createRepositories } from '../../lib/db/repositories';
import { AggregatesStore, FOLD_AFTER } from '../../lib/db/aggregates-store';
import { BASE, HEAD, JOURNAL, type Base, type Head } from '../../lib/db/aggregates-journal';
import { exportBackup, parseBackup, restoreBackup } from '../../lib/db/backup';
import { rebuild } from '../../lib/pipeline/aggregates';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

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
