/**
 * The IndexedDB schema of the `leadline` database and its migrations. The background opens it, and
 * the pipeline page for backup and restore only (an extension page shares the extension's origin);
 * never a content script, whose IndexedDB would belong to the host page's origin.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Lead, Touchpoint } from '../pipeline/model';
import type { Aggregates } from '../pipeline/aggregates';
import type { LocalChange } from '../sync/edits';
import { searchKeysOf } from '../pipeline/search';
import { readSettings } from '../settings/settings';
import { toStored, type StoredLead } from './stored';
import { companyStats, toStoredCompany, type StoredCompany } from '../pipeline/company';
import { planCompanies } from '../pipeline/company-plan';
import { isDefaultSummary, reasonsFromStored } from '../pipeline/legacy';

export type { StoredLead } from './stored';

export const DB_NAME = 'leadline';
export const DB_VERSION = 7;

export interface MetaRecord {
  key: string;
  [field: string]: unknown;
}

export interface LeadlineDB extends DBSchema {
  leads: {
    key: string;
    value: StoredLead;
    indexes: {
      byLinkedinUrl: string;
      byFollowUp: string;
      /** v2–v4 (the word index quick search read); removed in v5, named for the v2 block. */
      bySearch: string;
      byTemperature: string;
      byEmail: string;
      byName: string;
      byStage: string;
      byUpdatedAt: string;
      bySource: string;
      byTag: string;
      byActivity: [string, string];
      byStageUpdated: [string, string];
      'sort.name': string;
      'sort.company': string;
      /** v3–v4 (the stage sort); removed in v5, named for the v3 block. */
      'sort.stageRank': number;
      'sort.temp': number;
      'sort.value': number;
      'sort.followUp': string;
      'sort.touch': string;
      bySearchRow: string;
      byRecheck: string;
      byFunnel: string;
      byCompany: string;
      byMemberId: string;
      bySalesNav: string;
      /** v7 (team sync): a rep's leads by stage, newest first; leads without an owner are not in it. */
      byOwner: [string, string, string];
    };
  };
  /** v6: one record per company, with its people's figures for the Accounts view. */
  companies: {
    key: string;
    value: StoredCompany;
    indexes: {
      byName: string;
      byLinkedinUrl: string;
      byDomain: string;
      'sort.people': number;
      'sort.value': number;
    };
  };
  touchpoints: {
    key: string;
    value: Touchpoint;
    indexes: {
      byLead: [string, string];
      byExternalId: [string, string];
    };
  };
  /** Deleted leads with their touchpoints, one record per delete, until undone or purged. */
  trash: {
    key: string;
    value: TrashBatch;
    indexes: { byAt: string };
  };
  /**
   * v7 (team sync): local changes committed while sync is on and not yet recorded in the sync
   * replica, written in the same transaction as the change, so a service worker stopped right
   * after a commit loses none (the next start drains them).
   */
  syncOutbox: {
    key: number;
    value: SyncOutboxEntry;
  };
  /** Settings and the popup's aggregates, one record each. */
  meta: {
    key: string;
    value: MetaRecord | Aggregates;
  };
}

export interface SyncOutboxEntry {
  seq?: number;
  changes: LocalChange[];
}

export interface TrashBatch {
  id: string;
  at: string;
  leads: Lead[];
  touchpoints: Touchpoint[];
}

export type Db = IDBPDatabase<LeadlineDB>;

/**
 * Opens (and migrates) the database. The cascade is append-only: each `if (oldVersion < N)` block
 * takes a version N-1 database to version N, so a database of any older version reaches the
 * current one by running the blocks after its own.
 */
export function openLeadlineDb(name = DB_NAME): Promise<Db> {
  return openDB<LeadlineDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const leads = db.createObjectStore('leads', { keyPath: 'id' });
        // Leads without a LinkedIn URL hold null there, which is not a valid key, so they are
        // simply not in this index: unique only among leads that have one.
        leads.createIndex('byLinkedinUrl', 'linkedinUrl', { unique: true });
        leads.createIndex('byEmail', 'emails', { unique: true, multiEntry: true });
        leads.createIndex('byName', 'name');
        leads.createIndex('byStage', 'stage');
        leads.createIndex('byUpdatedAt', 'updatedAt');
        const touchpoints = db.createObjectStore('touchpoints', { keyPath: 'id' });
        touchpoints.createIndex('byLead', ['leadId', 'at']);
        // One touchpoint per lead and external id (a Gmail message logged for two leads of a
        // thread is two touchpoints); touchpoints without an external id are not in this index.
        touchpoints.createIndex('byExternalId', ['leadId', 'externalId'], { unique: true });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        // Quick search by word prefix and the due follow-up list, without scanning leads.
        const leads = transaction.objectStore('leads');
        leads.createIndex('bySearch', 'searchKeys', { multiEntry: true });
        leads.createIndex('byFollowUp', 'nextFollowUpOn');
        leads.createIndex('byTemperature', 'temperature');
        let cursor = await leads.openCursor();
        while (cursor) {
          await cursor.update({ ...cursor.value, searchKeys: searchKeysOf(cursor.value) });
          cursor = await cursor.continue();
        }
      }
      if (oldVersion < 3) {
        // The table's sorts and filters through indexes; a trash store for delete with undo.
        const leads = transaction.objectStore('leads');
        for (const key of ['name', 'company', 'stageRank', 'temp', 'value', 'followUp', 'touch'] as const) leads.createIndex(`sort.${key}`, `sort.${key}`);
        leads.createIndex('bySource', 'source');
        leads.createIndex('byTag', 'tags', { multiEntry: true });
        leads.createIndex('byActivity', ['stage', 'sort.activityDay']);
        leads.createIndex('byStageUpdated', ['stage', 'updatedAt']);
        db.createObjectStore('trash', { keyPath: 'id' }).createIndex('byAt', 'at');
        const { stages } = readSettings(await transaction.objectStore('meta').get('settings'));
        let cursor = await leads.openCursor();
        while (cursor) {
          await cursor.update(toStored(cursor.value, stages));
          cursor = await cursor.continue();
        }
      }
      if (oldVersion < 4) {
        // Language-free data: temperature reasons become rule ids with parameters (they were
        // English sentences), and summaries a one-click log filled in with its English label
        // become empty (the UI shows the channel in its language).
        const withReasons = (lead: Lead): Lead => ({ ...lead, temperatureReasons: reasonsFromStored(lead.temperatureReasons, lead) });
        let leads = await transaction.objectStore('leads').openCursor();
        while (leads) {
          await leads.update({ ...leads.value, ...withReasons(leads.value) });
          leads = await leads.continue();
        }
        let trash = await transaction.objectStore('trash').openCursor();
        while (trash) {
          await trash.update({ ...trash.value, leads: trash.value.leads.map(withReasons) });
          trash = await trash.continue();
        }
        let touchpoints = await transaction.objectStore('touchpoints').openCursor();
        while (touchpoints) {
          if (isDefaultSummary(touchpoints.value)) await touchpoints.update({ ...touchpoints.value, summary: '' });
          touchpoints = await touchpoints.continue();
        }
      }
      if (oldVersion < 5) {
        // Performance: quick search rows a key cursor can filter (replacing the word index), the
        // hourly refresh's recheck instants, and the funnel stage for "does this stage still hold
        // leads?" without reading every lead. The stage sort walks the stage index in funnel
        // order instead of a stored rank, so reordering stages rewrites no lead. Each index
        // dropped is one entry less to rewrite on every put.
        const leads = transaction.objectStore('leads');
        for (const old of ['bySearch', 'sort.stageRank'] as const) if (leads.indexNames.contains(old)) leads.deleteIndex(old);
        leads.createIndex('bySearchRow', 'searchRows', { multiEntry: true });
        leads.createIndex('byRecheck', 'recheckAt');
        leads.createIndex('byFunnel', 'funnelStage');
        const { stages, thresholds } = readSettings(await transaction.objectStore('meta').get('settings'));
        // In batches read at once and written without waiting on each put: a cursor's round trip
        // per lead made this minutes long at 100,000 leads.
        let after: string | null = null;
        for (;;) {
          const batch: StoredLead[] = await leads.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), 500);
          if (batch.length === 0) break;
          await Promise.all(batch.map((lead) => leads.put(toStored(lead, stages, { thresholds }))));
          after = batch.at(-1)!.id;
        }
      }
      // Nothing here depends on v5's indexes: a v4 database and a v5 one take this step alike.
      if (oldVersion < 6) {
        // Companies as records of their own; LinkedIn member ids and Sales Navigator pages as
        // unique keys of a lead (null keys are not indexed, so only leads that have one count).
        const companies = db.createObjectStore('companies', { keyPath: 'id' });
        companies.createIndex('byName', 'sort.name');
        companies.createIndex('byLinkedinUrl', 'linkedinUrl', { unique: true });
        companies.createIndex('byDomain', 'domain', { unique: true });
        companies.createIndex('sort.people', 'sort.people');
        companies.createIndex('sort.value', 'sort.value');
        const leads = transaction.objectStore('leads');
        leads.createIndex('byCompany', 'companyId');
        leads.createIndex('byMemberId', 'linkedinMemberId', { unique: true });
        leads.createIndex('bySalesNav', 'salesNavUrl', { unique: true });
        await migrateToCompanies(transaction, new Date());
      }
      // Nothing here depends on v5's or v6's changes: a v4 database takes this step as a v6 one does.
      if (oldVersion < 7) {
        // Team sync's owners: "My leads" on the board (by stage, newest first) and in the table.
        // No data to move: leads without an owner have no key here and are not indexed. And the
        // outbox of changes on their way to the sync replica (empty until sync is turned on).
        transaction.objectStore('leads').createIndex('byOwner', ['owner', 'stage', 'updatedAt']);
        db.createObjectStore('syncOutbox', { keyPath: 'seq', autoIncrement: true });
      }
    },
  });
}

/**
 * v6 data step: every stored lead is linked to a company by its folded company name (and a lead
 * without one by its work email domain), each company gets its people's figures, and the new lead
 * fields start as null. Two passes over the leads with a cursor: the first keeps only what the
 * plan needs (id, company name, emails), so a large store is never held in memory whole.
 */
async function migrateToCompanies(transaction: IDBPTransaction<LeadlineDB, StoreNames<LeadlineDB>[], 'versionchange'>, now: Date): Promise<void> {
  const leads = transaction.objectStore('leads');
  const slim: Pick<Lead, 'id' | 'company' | 'emails'>[] = [];
  let cursor = await leads.openCursor();
  while (cursor) {
    slim.push({ id: cursor.value.id, company: cursor.value.company, emails: cursor.value.emails });
    cursor = await cursor.continue();
  }
  const plan = planCompanies(slim, () => crypto.randomUUID(), now.toISOString());
  const { stages, thresholds } = readSettings(await transaction.objectStore('meta').get('settings'));
  const people = new Map<string, Pick<Lead, 'stage' | 'dealValue' | 'currency'>[]>();
  cursor = await leads.openCursor();
  while (cursor) {
    const lead = cursor.value;
    const companyId = plan.links.get(lead.id) ?? null;
    if (companyId) {
      let list = people.get(companyId);
      if (!list) people.set(companyId, (list = []));
      list.push({ stage: lead.stage, dealValue: lead.dealValue, currency: lead.currency });
    }
    // Derived keys again too: quick search finds leads by tag, location and headline since v6.
    await cursor.update(
      toStored({ ...lead, companyId, linkedinMemberId: lead.linkedinMemberId ?? null, salesNavUrl: lead.salesNavUrl ?? null }, stages, { thresholds }),
    );
    cursor = await cursor.continue();
  }
  const companies = transaction.objectStore('companies');
  for (const company of plan.companies) await companies.add(toStoredCompany(company, companyStats(people.get(company.id) ?? [])));
}
