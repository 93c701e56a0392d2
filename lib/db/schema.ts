/**
 * The IndexedDB schema of the `leadline` database and its migrations. Only background code
 * imports this module: a content script's IndexedDB would belong to the host page's origin.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Lead, Touchpoint } from '../pipeline/model';
import type { Aggregates } from '../pipeline/aggregates';
import { searchKeysOf } from '../pipeline/search';
import { readSettings } from '../settings/settings';
import { toStored, type StoredLead } from './stored';
import { isDefaultSummary, reasonsFromStored } from '../pipeline/legacy';

export type { StoredLead } from './stored';

export const DB_NAME = 'leadline';
export const DB_VERSION = 4;

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
      bySearch: string;
      byFollowUp: string;
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
      'sort.stageRank': number;
      'sort.temp': number;
      'sort.value': number;
      'sort.followUp': string;
      'sort.touch': string;
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
  /** Settings and the popup's aggregates, one record each. */
  meta: {
    key: string;
    value: MetaRecord | Aggregates;
  };
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
    },
  });
}
