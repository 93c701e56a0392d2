/**
 * Quick search: leads whose name or company words, or email, start with every word of the query.
 *
 * Each index row carries all of its lead's search keys (`search-rows.ts`), so the other words are
 * tested on the row's key alone: no lead is read until it is a hit. One key cursor runs over each
 * word's range at once, each in its own read transaction (cursors sharing one transaction lose
 * Chromium's read-ahead: every step becomes a round trip); the search ends as soon as `limit`
 * leads are found or any one range is walked to its end (every match has a row in each range, so
 * that range has shown them all). The work is thus bounded by the smallest range, times the
 * number of words, without knowing beforehand which range is smallest.
 */
import { unwrap } from 'idb';
import type { Lead } from '../pipeline/model';
import { queryWords, searchKeysOf } from '../pipeline/search';
import { rowMatches, wordRange } from '../pipeline/search-rows';
import type { Db, StoredLead } from './schema';

/** Leads matching every word of `query`, at most `limit`, in the order their rows were met. */
export async function searchLeads(db: Db, query: string, limit = 8): Promise<Lead[]> {
  const words = [...new Set(queryWords(query))];
  if (words.length === 0 || limit <= 0) return [];
  const ids = await matchingIds(() => unwrap(db.transaction('leads')).objectStore('leads').index('bySearchRow'), words, limit);
  const store = db.transaction('leads').store;
  const leads: Lead[] = [];
  for (const lead of await Promise.all(ids.sure.map((id) => store.get(id)))) if (lead) leads.push(lead);
  // Rows cut for length cannot tell every word: those leads are checked on their own keys.
  for (const lead of await Promise.all(ids.unsure.map((id) => store.get(id)))) {
    if (leads.length >= limit) break;
    const keys = lead ? ((lead as StoredLead).searchKeys ?? searchKeysOf(lead)) : [];
    if (lead && words.every((w) => keys.some((k) => k.startsWith(w)))) leads.push(lead);
  }
  return leads;
}

/**
 * Primary keys of leads whose rows match every word (`sure`), and of leads whose rows were cut and
 * could not tell (`unsure`), walking one key cursor per word until `limit` sure hits or one range ends.
 */
export function matchingIds(index: () => IDBIndex, words: string[], limit: number): Promise<{ sure: string[]; unsure: string[] }> {
  // A word that begins another adds no condition: "ann anna" is "anna". Walk only the others.
  const walked = words.filter((w) => !words.some((o) => o !== w && o.startsWith(w)));
  return new Promise((resolve, reject) => {
    const sure: string[] = [];
    const unsure: string[] = [];
    const seen = new Set<string>();
    let done = false;
    const finish = () => {
      done = true;
      resolve({ sure, unsure });
    };
    for (const word of walked) {
      const [lower, upper] = wordRange(word);
      const request = index().openKeyCursor(IDBKeyRange.bound(lower, upper));
      request.onerror = () => {
        done = true;
        reject(request.error);
      };
      request.onsuccess = () => {
        if (done) return;
        const cursor = request.result;
        if (!cursor) return finish();
        const id = cursor.primaryKey as string;
        // Every row of a lead carries the same keys: one verdict per lead.
        if (!seen.has(id)) {
          seen.add(id);
          const verdict = rowMatches(cursor.key as string, words);
          if (verdict === null) unsure.push(id);
          else if (verdict) {
            sure.push(id);
            if (sure.length >= limit) return finish();
          }
        }
        cursor.continue();
      };
    }
  });
}
