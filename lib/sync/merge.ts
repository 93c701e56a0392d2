/**
 * Merging replicated documents. Pure.
 *
 * The rule, per field: the value with the later stamp wins (stamps compare as strings: wall time,
 * then counter, then device id, see clock.ts); equal stamps — the same edit seen twice — keep the
 * value whose canonical JSON sorts last, so even a corrupt pair merges the same way everywhere.
 * Sets are united. The merge is commutative, associative and idempotent, so every machine that has
 * seen the same revisions computes the same record, in any order, any number of times.
 *
 * Output is canonical (keys sorted, sets sorted): PouchDB's deterministic revision ids hash the
 * JSON text, so two machines resolving the same conflict write the same revision id and create no
 * new conflict between their resolutions.
 */
import type { Json, RevDoc, SyncDoc } from './layout';

/** JSON with object keys in sorted order: equal values give equal text. */
export function canonical(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(',')}}`;
}

/** A copy with every object's keys in sorted order. */
function sortedCopy<T extends Json>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy) as T;
  const out: { [key: string]: Json } = {};
  for (const k of Object.keys(value).sort()) out[k] = sortedCopy(value[k]!);
  return out as T;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Stage history reads in time order: by `at`, then from, then to. Other sets sort by canonical text. */
function setOrder(name: string): (a: Json, b: Json) => number {
  if (name === 'stageHistory') {
    const key = (h: Json) => {
      const o = (h ?? {}) as { at?: unknown; from?: unknown; to?: unknown };
      return [String(o.at ?? ''), o.from === null || o.from === undefined ? '' : `~${String(o.from)}`, String(o.to ?? '')];
    };
    return (a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < 3; i++) {
        const c = byText(ka[i]!, kb[i]!);
        if (c !== 0) return c;
      }
      return byText(canonical(a), canonical(b));
    };
  }
  return (a, b) => byText(canonical(a), canonical(b));
}

/** The union of two sets of JSON values, without duplicates, in the set's order. */
export function unionSet(name: string, a: readonly Json[], b: readonly Json[]): Json[] {
  const seen = new Map<string, Json>();
  for (const item of [...a, ...b]) {
    const key = canonical(item);
    if (!seen.has(key)) seen.set(key, sortedCopy(item));
  }
  return [...seen.values()].sort(setOrder(name));
}

/** A document in canonical form, without PouchDB's underscore fields other than `_id`. */
export function normalize(doc: SyncDoc): SyncDoc {
  const fields: Record<string, Json> = {};
  const stamps: Record<string, string> = {};
  const by: Record<string, string> = {};
  const sets: Record<string, Json[]> = {};
  for (const k of Object.keys(doc.fields ?? {}).sort()) {
    fields[k] = sortedCopy(doc.fields[k]!);
    stamps[k] = typeof doc.stamps?.[k] === 'string' ? doc.stamps[k]! : '';
    if (typeof doc.by?.[k] === 'string') by[k] = doc.by[k]!;
  }
  for (const k of Object.keys(doc.sets ?? {}).sort()) sets[k] = unionSet(k, Array.isArray(doc.sets[k]) ? doc.sets[k]! : [], []);
  return { _id: doc._id, type: doc.type, v: doc.v, fields, stamps, by, sets };
}

/** True when `b` wins field `key` over `a`. */
function laterSide(a: SyncDoc, b: SyncDoc, key: string): boolean {
  const sa = a.stamps[key] ?? '';
  const sb = b.stamps[key] ?? '';
  if (sa !== sb) return sb > sa;
  return canonical(b.fields[key]) > canonical(a.fields[key]);
}

/** Merges two versions of one document: each field's later edit wins, sets are united. */
export function mergeDocs(left: SyncDoc, right: SyncDoc): SyncDoc {
  if (left._id !== right._id) throw new Error(`Cannot merge ${left._id} with ${right._id}.`);
  const a = normalize(left);
  const b = normalize(right);
  const fields: Record<string, Json> = {};
  const stamps: Record<string, string> = {};
  const by: Record<string, string> = {};
  for (const key of [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])].sort()) {
    const inA = key in a.fields;
    const inB = key in b.fields;
    const from = !inA ? b : !inB ? a : laterSide(a, b, key) ? b : a;
    fields[key] = from.fields[key]!;
    stamps[key] = from.stamps[key] ?? '';
    if (from.by[key] !== undefined) by[key] = from.by[key]!;
  }
  const sets: Record<string, Json[]> = {};
  for (const key of [...new Set([...Object.keys(a.sets), ...Object.keys(b.sets)])].sort()) sets[key] = unionSet(key, a.sets[key] ?? [], b.sets[key] ?? []);
  // Type and layout version travel with the newest layout that touched the document.
  const newer = b.v > a.v ? b : a;
  return { _id: a._id, type: newer.type, v: newer.v, fields, stamps, by, sets };
}

/** Merges any number of versions of one document (order does not matter). */
export function mergeAll(docs: readonly SyncDoc[]): SyncDoc {
  if (docs.length === 0) throw new Error('Nothing to merge.');
  return docs.slice(1).reduce<SyncDoc>((acc, doc) => mergeDocs(acc, doc), normalize(docs[0]!));
}

/** True when two versions hold the same content (revisions aside). */
export function sameContent(a: SyncDoc, b: SyncDoc): boolean {
  return canonical(normalize(a) as unknown as Json) === canonical(normalize(b) as unknown as Json);
}

/**
 * How to clear a conflicted document: write the merge of every leaf on top of CouchDB's winning
 * revision (only when it differs from the winner, so machines resolving the same conflict do
 * not keep writing), and delete every losing leaf.
 */
export function resolveConflict(
  winner: RevDoc,
  losers: readonly RevDoc[],
): { write: (SyncDoc & { _rev: string }) | null; remove: { _id: string; _rev: string; _deleted: true }[] } {
  const merged = mergeAll([winner, ...losers]);
  return {
    write: sameContent(merged, winner) ? null : { ...merged, _rev: winner._rev },
    remove: losers.map((l) => ({ _id: l._id, _rev: l._rev, _deleted: true as const })),
  };
}
