import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openLeadlineDb } from '../../lib/db/schema';
import { searchLeads } from '../../lib/db/search';
import { makeLead } from './helpers/leads';
import { LeadQueries } from '../../lib/db/lead-query';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { toStored } from '../../lib/db/stored';
import { searchKeysOf } from '../../lib/pipeline/search';
import type { Lead } from '../../lib/pipeline/model';

/** The database versions before this one: 1–3, 4 (language-free data) and 5 (performance: search rows, recheck instants, funnel stage). */
const SHIPPED_VERSIONS = [1, 2, 3, 4, 5];

/** A lead as versions 1 to 5 stored it: without the fields version 6 added. */
function oldLead(overrides: Partial<Lead>): Lead {
  const { companyId: _c, linkedinMemberId: _m, salesNavUrl: _s, ...old } = makeLead(overrides);
  return old as Lead;
}

/** The record a version stored: v2 added search keys, v3 sort keys (v4 changed only reasons and summaries). */
function asStoredBy(version: number, lead: Lead): Lead {
  if (version >= 3) return toStored(lead, DEFAULT_SETTINGS.stages);
  return version >= 2 ? ({ ...lead, searchKeys: searchKeysOf(lead) } as Lead) : lead;
}

/** A database as `version` created it, empty. */
function openShipped(name: string, version: number) {
  return openDB(name, version, {
    upgrade(db, oldVersion, _v, transaction) {
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
      // Version 4 changed data only (reasons as rules), no store or index.
      // Version 5 as the performance branch builds it (branch perf, commit f8c46d2, lib/db/schema.ts):
      // the word and rank indexes dropped; search rows, recheck instants and funnel stage indexed.
      if (oldVersion < 5 && version >= 5) {
        const leads = transaction.objectStore('leads');
        for (const old of ['bySearch', 'sort.stageRank']) leads.deleteIndex(old);
        leads.createIndex('bySearchRow', 'searchRows', { multiEntry: true });
        leads.createIndex('byRecheck', 'recheckAt');
        leads.createIndex('byFunnel', 'funnelStage');
      }
    },
  });
}

describe('database migrations', () => {
  it('creates every store and index from nothing', async () => {
    const db = await openLeadlineDb('migrate-fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['companies', 'leads', 'meta', 'syncOutbox', 'touchpoints', 'trash']);
    const tx = db.transaction(['leads', 'touchpoints']);
    expect([...tx.objectStore('leads').indexNames].sort()).toEqual([
      'byActivity',
      'byCompany',
      'byEmail',
      'byFollowUp',
      'byFunnel',
      'byLinkedinUrl',
      'byMemberId',
      'byName',
      'byOwner',
      'byRecheck',
      'bySalesNav',
      'bySearchRow',
      'bySource',
      'byStage',
      'byStageUpdated',
      'byTag',
      'byTemperature',
      'byUpdatedAt',
      'sort.company',
      'sort.followUp',
      'sort.name',
      'sort.temp',
      'sort.touch',
      'sort.value',
    ]);
    expect(tx.objectStore('leads').index('byLinkedinUrl').unique).toBe(true);
    expect(tx.objectStore('leads').index('byEmail').multiEntry).toBe(true);
    expect(tx.objectStore('leads').index('byMemberId').unique).toBe(true);
    expect(tx.objectStore('leads').index('bySalesNav').unique).toBe(true);
    expect([...tx.objectStore('touchpoints').indexNames].sort()).toEqual(['byExternalId', 'byLead']);
    const companies = db.transaction('companies').store;
    expect([...companies.indexNames].sort()).toEqual(['byDomain', 'byLinkedinUrl', 'byName', 'sort.people', 'sort.value']);
    expect([companies.index('byDomain').unique, companies.index('byLinkedinUrl').unique, companies.index('byName').unique]).toEqual([true, true, false]);
    db.close();
  });

  // One case per older version: each opens a database as that version left it, with data, and
  // checks the current code opens it without losing anything.
  it.each(SHIPPED_VERSIONS)('migrates a version %i database with its data intact', async (version) => {
    const name = `migrate-from-${version}`;
    const old = await openShipped(name, version);
    // Versions 1–3 stored temperature reasons as the English sentences lib/pipeline/temperature.ts
    // wrote then (commit 665c366), and a one-click log's label as its summary; version 4 stored
    // rules and left such summaries empty.
    const reasons = [
      { rule: 'bant-all-yes', params: {} },
      { rule: 'recent-reply', params: { days: 2, within: 7 } },
    ];
    const ada = {
      ...oldLead({
        id: 'l1',
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        emails: ['ada@engines.io'],
        stage: 'qualified',
        reached: ['prospect', 'qualified'],
        temperature: 'hot',
      }),
      temperatureReasons: version >= 4 ? reasons : ['Budget, authority, need and timeline all confirmed', 'Replied 2 days ago (within 7 days)'],
    };
    const searchKeys = ['ada', 'lovelace', 'analytical', 'engines', 'ada@engines.io', 'ada'];
    // Version 3 stored each lead with its sort keys (lib/db/stored.ts).
    // Version 3 stored each lead with its sort keys (lib/db/stored.ts), the stage's rank among them
    // (qualified is the second default stage).
    const v3 = () => ({ ...ada, searchKeys, sort: { ...toStored(ada as unknown as Lead, DEFAULT_SETTINGS.stages).sort, stageRank: 1 } });
    // Version 5 stored each lead with the keys it derives itself (search rows, recheck instant, funnel stage).
    const v5 = () => toStored(ada as unknown as Lead, DEFAULT_SETTINGS.stages, { thresholds: DEFAULT_SETTINGS.thresholds });
    await old.put('leads', version >= 5 ? v5() : version >= 3 ? v3() : version >= 2 ? { ...ada, searchKeys } : ada);
    const call = {
      id: 't1',
      leadId: 'l1',
      channel: 'call',
      direction: 'outbound',
      at: '2026-11-20T10:00:00.000Z',
      summary: version >= 4 ? '' : 'Call',
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
        temperatureReasons: version >= 4 ? [{ rule: 'outside-funnel', params: { stage: 'won' } }] : ['Won leads have no temperature'],
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
    // Version 4: reasons as rules with their figures, one-click summaries emptied, typed ones kept.
    expect((await db.get('leads', 'l1'))!.temperatureReasons).toEqual(reasons);
    expect((await db.getAll('touchpoints')).map((t) => t.summary)).toEqual(['', 'Call: wants a proposal']);
    if (version >= 3) expect((await db.get('trash', 'b1'))!.leads[0]!.temperatureReasons).toEqual([{ rule: 'outside-funnel', params: { stage: 'won' } }]);
    // Version 5: the word index and the stored stage rank gone (search rows and the stage index
    // serve), search rows, the funnel stage and the recheck instant (no contact yet: one sales
    // cycle after capture, and a millisecond) derived for older leads.
    expect([...db.transaction('leads').store.indexNames]).not.toContain('bySearch');
    expect([...db.transaction('leads').store.indexNames]).not.toContain('sort.stageRank');
    expect((await db.get('leads', 'l1'))!.sort).not.toHaveProperty('stageRank');
    expect((await searchLeads(db, 'lovelace analyt')).map((l) => l.id)).toEqual(['l1']);
    expect(await db.getAllKeysFromIndex('leads', 'byFunnel', 'qualified')).toEqual(['l1']);
    expect(await db.getAllKeysFromIndex('leads', 'byRecheck', '2026-12-01T09:00:00.001Z')).toEqual(['l1']);
    // Version 6: the lead belongs to a company of its own name, which has it as its one person.
    const [company] = await db.getAll('companies');
    expect(company).toMatchObject({ name: 'Analytical Engines', domain: 'engines.io', stats: { people: 1, stages: { qualified: 1 } } });
    expect(await db.get('leads', 'l1')).toMatchObject({ companyId: company!.id, linkedinMemberId: null, salesNavUrl: null });
    db.close();
  });
});

/** A lead as the performance work's version 5 stores it: its own derived keys beside ours (branch perf, lib/db/stored.ts). */
function asStoredBy5(lead: Lead): Lead {
  return { ...asStoredBy(4, lead), searchRows: [`row:${lead.name}`], funnelStage: lead.stage } as Lead;
}

describe('database v6: companies', () => {
  // Version 6 follows 4 directly where the performance work (5) has not shipped yet, and follows 5 where it has.
  it.each([3, 4, 5])('links every lead of a version %i database to its company by folded name or work email, losing nothing', async (version) => {
    const name = `migrate-companies-from-${version}`;
    const old = await openShipped(name, version);
    const leads = [
      oldLead({ id: 'ada', name: 'Ada Lovelace', company: 'Analytical Engines', emails: ['ada@engines.io'], stage: 'qualified', dealValue: 1000 }),
      // Another spelling of the same company: case, accents and spaces fold away.
      oldLead({
        id: 'charles',
        name: 'Charles Babbage',
        linkedinUrl: null,
        company: '  analytical   ENGINES ',
        emails: ['charles@engines.io'],
        dealValue: 500,
      }),
      oldLead({ id: 'lost', name: 'Luigi Menabrea', linkedinUrl: null, company: 'Analytical Engines', stage: 'lost', dealValue: 9000 }),
      // No company name: the work email's domain names the company.
      oldLead({ id: 'alan', name: 'Alan Turing', linkedinUrl: null, company: null, emails: ['alan@engines.io'] }),
      oldLead({ id: 'kurt', name: 'Kurt Gödel', linkedinUrl: null, company: null, emails: ['kurt@ias.edu'], currency: 'EUR', dealValue: 70 }),
      // Free mail names no company; the name alone does.
      oldLead({ id: 'grace', name: 'Grace Hopper', linkedinUrl: null, company: 'Navy', emails: ['grace@gmail.com'] }),
      oldLead({ id: 'emmy', name: 'Emmy Noether', linkedinUrl: null, company: null, emails: ['emmy@gmail.com'] }),
    ];
    const stored = (lead: Lead) => (version === 5 ? asStoredBy5(lead) : asStoredBy(version, lead));
    for (const lead of leads) await old.put('leads', stored(lead));
    await old.put('touchpoints', {
      id: 't1',
      leadId: 'ada',
      channel: 'note',
      direction: 'internal',
      at: '2026-11-02T09:00:00.000Z',
      summary: 'x',
      url: null,
      externalId: null,
      createdAt: '2026-11-02T09:00:00.000Z',
    });
    old.close();

    const db = await openLeadlineDb(name);
    expect(db.version).toBe(DB_VERSION);
    const companies = await db.getAll('companies');
    const byName = new Map(companies.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(['Analytical Engines', 'Ias', 'Navy']);
    const engines = byName.get('Analytical Engines')!;
    expect(engines).toMatchObject({
      domain: 'engines.io',
      linkedinUrl: null,
      stats: { people: 4, stages: { qualified: 1, prospect: 2, lost: 1 }, values: { USD: 1500 } },
      sort: { name: 'analytical engines', people: 4, value: 1500 },
    });
    expect(byName.get('Ias')).toMatchObject({ domain: 'ias.edu', stats: { people: 1, values: { EUR: 70 } } });
    expect(byName.get('Navy')).toMatchObject({ domain: null, stats: { people: 1, values: {} }, sort: { value: -1 } });

    const linked = Object.fromEntries((await db.getAll('leads')).map((l) => [l.id, l.companyId]));
    expect(linked).toEqual({
      ada: engines.id,
      charles: engines.id,
      lost: engines.id,
      alan: engines.id,
      kurt: byName.get('Ias')!.id,
      grace: byName.get('Navy')!.id,
      emmy: null,
    });
    // Nothing else changed: every old field is as stored, the touchpoint is there.
    for (const lead of leads) {
      const now = (await db.get('leads', lead.id))!;
      expect({ ...now, companyId: undefined }).toEqual({
        // Version 6 derives every lead's keys again (search by tag, location and headline).
        ...toStored(lead, DEFAULT_SETTINGS.stages, { thresholds: DEFAULT_SETTINGS.thresholds }),
        companyId: undefined,
        linkedinMemberId: null,
        salesNavUrl: null,
      });
    }
    expect(await db.count('touchpoints')).toBe(1);
    // Through the indexes: the company's people, and companies by figures.
    expect((await db.getAllKeysFromIndex('leads', 'byCompany', engines.id)).sort()).toEqual(['ada', 'alan', 'charles', 'lost']);
    expect((await db.getAllFromIndex('companies', 'sort.value')).map((c) => c.name)).toEqual(['Navy', 'Ias', 'Analytical Engines']);
    // Version 5's indexes, whichever version the database came from.
    const indexes: string[] = [...db.transaction('leads').store.indexNames];
    expect([indexes.includes('bySearchRow'), indexes.includes('byFunnel'), indexes.includes('bySearch')]).toEqual([true, true, false]);
    db.close();
  });
});
