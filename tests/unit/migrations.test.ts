import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openLeadlineDb } from '../../lib/db/schema';

describe('database migrations', () => {
  it('creates every store and index from nothing', async () => {
    const db = await openLeadlineDb('migrate-fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['leads', 'meta', 'touchpoints']);
    const tx = db.transaction(['leads', 'touchpoints']);
    expect([...tx.objectStore('leads').indexNames].sort()).toEqual(['byEmail', 'byLinkedinUrl', 'byName', 'byStage', 'byUpdatedAt']);
    expect(tx.objectStore('leads').index('byLinkedinUrl').unique).toBe(true);
    expect(tx.objectStore('leads').index('byEmail').multiEntry).toBe(true);
    expect([...tx.objectStore('touchpoints').indexNames].sort()).toEqual(['byExternalId', 'byLead']);
    db.close();
  });

  // One case per older version: each opens a database as that version left it, with data, and
  // checks the current code opens it without losing anything.
  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))('opens a version %i database with its data intact', async (version) => {
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
    await old.put('leads', { id: 'l1', name: 'Ada', linkedinUrl: null, emails: ['a@x.io'], stage: 'prospect', updatedAt: 'x' });
    old.close();
    const db = await openLeadlineDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('leads', 'l1')).toMatchObject({ name: 'Ada' });
    db.close();
  });
});
