/**
 * Quick search: leads whose name or company words, or email, start with every word of the query.
 * The word with the fewest index entries (`rarest`) is read from its keys and the others filter;
 * only when every word is too common for the probes does the first one walk its range.
 */
import type { Lead } from '../pipeline/model';
import { queryWords, searchKeysOf } from '../pipeline/search';
import type { Db, StoredLead } from './schema';
import { rarest } from './rarest';

export async function searchLeads(db: Db, query: string, limit = 8): Promise<Lead[]> {
  const words = [...new Set(queryWords(query))];
  if (words.length === 0) return [];
  const store = db.transaction('leads').store;
  const index = store.index('bySearch');
  const range = (w: string) => IDBKeyRange.bound(w, `${w}\uffff`);
  const rest = (driver: string) => words.filter((w) => w !== driver);
  const hits = new Map<string, Lead>();
  const keep = (lead: Lead | undefined, others: string[]) => {
    if (!lead || hits.has(lead.id)) return;
    const keys = (lead as StoredLead).searchKeys ?? searchKeysOf(lead);
    if (others.every((w) => keys.some((k) => k.startsWith(w)))) hits.set(lead.id, lead);
  };
  if (words.length > 1) {
    const { at, keys } = await rarest(words.map((w) => ({ index, ranges: [range(w)] })));
    if (keys) {
      const others = rest(words[at]!);
      for (let i = 0; i < keys.length && hits.size < limit; i += 100) {
        for (const lead of await Promise.all(keys.slice(i, i + 100).map((id) => store.get(id as string)))) if (hits.size < limit) keep(lead, others);
      }
      return [...hits.values()];
    }
  }
  const others = rest(words[0]!);
  let cursor = await index.openCursor(range(words[0]!));
  while (cursor && hits.size < limit) {
    keep(cursor.value, others);
    cursor = await cursor.continue();
  }
  return [...hits.values()];
}
