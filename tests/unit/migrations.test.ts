import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openLeadlineDb } from '../../lib/db/schema';
import { searchLeads } from '../../lib/db/search';
import { makeLead } from './helpers/leads';
import { LeadQueries } from '../../lib/db/lead-query';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { toStored } from '../../lib/db/stored';
import type { Lead } from '../../lib/pipeline/model';

describe('database migrations', () => {
  it('creates every store and index from nothing', async () => {
    const db = await openLeadlineDb('migrate-fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['leads', 'meta', 'touchpoints', 'trash']);
    const tx = db.transaction(['leads', 'touchpoints']);
    expect([...tx.objectStore('leads').indexNames].sort()).toEqual([
      'byActivity',
      'byEmail',
      'byFollowUp',
      'byLinkedinUrl',
      'byName',
      'bySearch',
      'bySource',
      'byStage',
      'byStageUpdated',
      'byTag',
      'byTemperature',
      'byUpdatedAt',
      'sort.company',
      'sort.followUp',
      'sort.name',
      'sort.stageRank',
      'sort.temp',
      'sort.touch',
      'sort.value',
    ]);
    expect(tx.objectStore('leads').index('byLinkedinUrl').unique).toBe(true);
    expect(tx.objectStore('leads').index('byEmail').multiEntry).toBe(true);
    expect([...tx.objectStore('touchpoints').indexNames].sort()).toEqual(['byExternalId', 'byLead']);
    db.close();
  });

  // One case per older version: each opens a database as that version left it, with data, and
  // checks the current code opens it without losing anything.
  it.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1))('migrates a version %i database with its data intact', async (version) => {
    const name = `migrate-from-${version}`;
    const old = await openDB(name, version, {
      async upgrade(db, oldVersion, _v, transaction) {
        // Version 1 as shipped.
        if (oldVersion < 1) {
          const leads = db.createObjectStore('leads', { keyPath: 'id' });
          leads.createIndex('byLinkedinUrl', 'linkedinUrl', { unique: true });
          leads.createIndex('byEmail', 'emails', { unique: true, multiEntry: true });
          leads.createIndex('byName', 'name');
          leads.createIndex('byStage', 'stage');
          leads.createIndex('byUpdatedAt', 'updatedAt');
          const tps = db.createObjectStore('touchpoints', { keyPath: 'id' });
          tps.createIndex('byLead', ['leadId', 'at']);
          tps.createIndex('byExternalId', ['leadId', 'externalId'], { unique: true });
          db.createObjectStore('meta', { keyPath: 'key' });
        }
        // Version 2 as shipped (its data step ran over an empty store here).
        if (oldVersion < 2 && version >= 2) {
          const leads = transaction.objectStore('leads');
          leads.createIndex('bySearch', 'searchKeys', { multiEntry: true });
          leads.createIndex('byFollowUp', 'nextFollowUpOn');
          leads.createIndex('byTemperature', 'temperature');
        }
        // Version 3 as shipped (its data step likewise ran over an empty store).
        if (oldVersion < 3 && version >= 3) {
          const leads = transaction.objectStore('leads');
          for (const key of ['name', 'company', 'stageRank', 'temp', 'value', 'followUp', 'touch']) leads.createIndex(`sort.${key}`, `sort.${key}`);
          leads.createIndex('bySource', 'source');
          leads.createIndex('byTag', 'tags', { multiEntry: true });
          leads.createIndex('byActivity', ['stage', 'sort.activityDay']);
          leads.createIndex('byStageUpdated', ['stage', 'updatedAt']);
          db.createObjectStore('trash', { keyPath: 'id' }).createIndex('byAt', 'at');
        }
      },
    });
    // Versions 1–3 stored temperature reasons as the English sentences lib/pipeline/temperature.ts
    // wrote then (commit 665c366), and a one-click log's label as its summary.
    const ada = {
      ...makeLead({
        id: 'l1',
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        emails: ['ada@engines.io'],
        stage: 'qualified',
        reached: ['prospect', 'qualified'],
        temperature: 'hot',
      }),
      temperatureReasons: ['Budget, authority, need and timeline all confirmed', 'Replied 2 days ago (within 7 days)'],
    };
    const searchKeys = ['ada', 'lovelace', 'analytical', 'engines', 'ada@engines.io', 'ada'];
    // Version 3 stored each lead with its sort keys (lib/db/stored.ts).
    const v3 = () => ({ ...ada, searchKeys, sort: toStored(ada as unknown as Lead, DEFAULT_SETTINGS.stages).sort });
    await old.put('leads', version >= 3 ? v3() : version >= 2 ? { ...ada, searchKeys } : ada);
    const call = {
      id: 't1',
      leadId: 'l1',
      channel: 'call',
      direction: 'outbound',
      at: '2026-11-20T10:00:00.000Z',
      summary: 'Call',
      url: null,
      externalId: null,
      createdAt: '2026-11-20T10:00:00.000Z',
    };
    await old.put('touchpoints', call);
    await old.put('touchpoints', { ...call, id: 't2', summary: 'Call: wants a proposal' });
    if (version >= 3) {
      const gone = {
        ...ada,
        id: 'l2',
        name: 'Grace Hopper',
        emails: [],
        stage: 'won',
        temperature: null,
        temperatureReasons: ['Won leads have no temperature'],
      };
      await old.put('trash', { id: 'b1', at: '2026-11-21T10:00:00.000Z', leads: [gone], touchpoints: [] });
    }
    old.close();
    const db = await openLeadlineDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('leads', 'l1')).toMatchObject({ name: 'Ada Lovelace' });
    // Version 2: search keys derived for leads stored before, so quick search finds them.
    expect((await searchLeads(db, 'analyt')).map((l) => l.id)).toEqual(['l1']);
    expect((await searchLeads(db, 'ada@eng')).map((l) => l.id)).toEqual(['l1']);
    // Version 3: sort keys derived, so the table finds and sorts older leads through its indexes.
    const queries = new LeadQueries(db);
    const page = await queries.table({ filter: {}, sort: 'stage', desc: false, offset: 0, limit: 10 }, DEFAULT_SETTINGS.stages, '2026-11-22');
    expect(page).toMatchObject({ total: 1, rows: [{ id: 'l1', stage: 'qualified' }] });
    expect(
      (await queries.table({ filter: { stage: 'qualified' }, sort: 'name', desc: false, offset: 0, limit: 10 }, DEFAULT_SETTINGS.stages, '2026-11-22')).total,
    ).toBe(1);
    expect(await db.getAllKeysFromIndex('leads', 'sort.stageRank', 1)).toEqual(['l1']);
    // Version 4: reasons as rules with their figures, one-click summaries emptied, typed ones kept.
    expect((await db.get('leads', 'l1'))!.temperatureReasons).toEqual([
      { rule: 'bant-all-yes', params: {} },
      { rule: 'recent-reply', params: { days: 2, within: 7 } },
    ]);
    expect((await db.getAll('touchpoints')).map((t) => t.summary)).toEqual(['', 'Call: wants a proposal']);
    if (version >= 3) expect((await db.get('trash', 'b1'))!.leads[0]!.temperatureReasons).toEqual([{ rule: 'outside-funnel', params: { stage: 'won' } }]);
    db.close();
  });
});
