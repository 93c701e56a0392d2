/**
 * Quick search rows: one index key per search key of a lead, each carrying all of the lead's keys,
 * so a key-only cursor over one query word's range can test the other words without reading the
 * lead. Pure.
 *
 * A row is `<key>\u0000<key>\u0001<key>…`: it sorts by its own key first (a word prefix is one
 * contiguous range), and the rest lists every key of the lead. Rows stay short: beyond
 * ROW_KEYS keys or KEY_CHARS characters per key the row is cut and marked (TRUNCATED), and a
 * word the row cannot decide is checked against the lead itself.
 */

const HEAD = '\u0000';
const SEP = '\u0001';
const TRUNCATED = '\u0002';
export const ROW_KEYS = 24;
export const KEY_CHARS = 48;

/** The index keys of a lead with these search keys. */
export function searchRowsOf(keys: readonly string[]): string[] {
  const cut = keys.length > ROW_KEYS || keys.some((k) => k.length > KEY_CHARS);
  const tail = keys
    .slice(0, ROW_KEYS)
    .map((k) => k.slice(0, KEY_CHARS))
    .join(SEP);
  return keys.map((k) => `${k}${HEAD}${tail}${cut ? SEP + TRUNCATED : ''}`);
}

/** The index range of rows whose own key starts with `word`. */
export function wordRange(word: string): [string, string] {
  return [word, `${word}\uffff`];
}

/**
 * Whether the lead of this row has, for every word, a key starting with it: true, false, or null
 * when the row was cut and cannot tell (check the lead's own keys).
 */
export function rowMatches(row: string, words: readonly string[]): boolean | null {
  const head = row.indexOf(HEAD);
  const keys = row.slice(head + 1).split(SEP);
  const cut = keys.at(-1) === TRUNCATED;
  for (const w of words) {
    if (keys.some((k) => k.startsWith(w))) continue;
    // A cut key may still start with a word longer than what was kept of it.
    if (cut) return null;
    return false;
  }
  return true;
}
