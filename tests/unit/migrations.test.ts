import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openLeadlineDb } from '../../lib/db/schema';
import { Repository } from '../../lib/db/repository';
import { makeLead } from './helpers/leads';

describe('database migrations', () => {
  it('creates every store and index from nothing', async () => {
    const db = await openLeadlineDb('migrate-fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['leads', 'meta', 'touchpoints']);
    const tx = db.transaction(['leads', 'touchpoints']);
    expect([...tx.objectStore('leads').indexNames].sort()).toEqual(['byEmail', 'byFollowUp', 'byLinkedinUrl', 'byName', 'bySearch', 'byStage', 'byTemperature', 'byUpdatedAt']);
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
      upgrade(db, oldVersion) {
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
      },
    });
    await old.put('leads', { ...makeLead({ id: 'l1', name: 'Ada Lovelace', company: 'Analytical Engines', emails: ['ada@engines.io'] }) });
    old.close();
    const db = await openLeadlineDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('leads', 'l1')).toMatchObject({ name: 'Ada Lovelace' });
    // Version 2: search keys derived for leads stored before, so quick search finds them.
    const repo = new Repository(db);
    expect((await repo.search('analyt')).map((l) => l.id)).toEqual(['l1']);
    expect((await repo.search('ada@eng')).map((l) => l.id)).toEqual(['l1']);
    db.close();
  });
});
