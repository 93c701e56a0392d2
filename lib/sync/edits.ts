/**
 * Local writes into replicated documents. Pure: given the document as the local replica has it
 * and what the repository changed, returns the next version of the document.
 *
 * Only the fields the write changed get a new stamp (the repository hands over the lead before and
 * after its write), so a field a colleague changed meanwhile keeps their value and stamp. All
 * fields changed by one write share one stamp: they were one edit.
 */
import type { StageDef, Touchpoint } from '../pipeline/model';
import type { Stamp } from './clock';
import { canonical, normalize, unionSet } from './merge';
import {
  LAYOUT_VERSION,
  TEAM_SETTINGS_ID,
  leadDocId,
  leadFields,
  leadSets,
  settingsFields,
  touchpointDocId,
  touchpointFields,
  type DocType,
  type Json,
  type LocalLead,
  type SyncDoc,
} from './layout';

/** What a repository write changed. `before: null` is a creation (or an undo of a delete); `after: null` a deletion. */
export type LocalChange =
  | { type: 'lead'; before: LocalLead | null; after: LocalLead | null }
  | { type: 'touchpoint'; before: Touchpoint | null; after: Touchpoint | null }
  | { type: 'settings'; before: StageDef[] | null; after: StageDef[] };

/** The document a local change writes. */
export function docIdOf(change: LocalChange): string {
  if (change.type === 'settings') return TEAM_SETTINGS_ID;
  const record = (change.after ?? change.before)!;
  return change.type === 'lead' ? leadDocId(record.id) : touchpointDocId(record.id);
}

interface Write {
  id: string;
  type: DocType;
  /** Field values after the write. */
  next: Record<string, Json>;
  /** Field values before it; null stamps every field of `next`. */
  prev: Record<string, Json> | null;
  sets: Record<string, Json[]>;
}

/** Stamps the fields that differ from `prev` and unites the sets; null when nothing changed. */
function write(doc: SyncDoc | undefined, w: Write, stamp: Stamp, user: string): SyncDoc | null {
  const base: SyncDoc = doc ? normalize(doc) : { _id: w.id, type: w.type, v: LAYOUT_VERSION, fields: {}, stamps: {}, by: {}, sets: {} };
  let changed = false;
  for (const [key, value] of Object.entries(w.next)) {
    if (w.prev && canonical(w.prev[key]) === canonical(value)) continue;
    // Writing a value the document already holds would only churn stamps and revisions.
    if (key in base.fields && canonical(base.fields[key]) === canonical(value)) continue;
    base.fields[key] = value;
    base.stamps[key] = stamp;
    base.by[key] = user;
    changed = true;
  }
  for (const [key, items] of Object.entries(w.sets)) {
    const united = unionSet(key, base.sets[key] ?? [], items);
    if (canonical(united) !== canonical(base.sets[key] ?? [])) {
      base.sets[key] = united;
      changed = true;
    }
  }
  if (!changed) return null;
  base.v = Math.max(base.v, LAYOUT_VERSION);
  return normalize(base);
}

/**
 * The document after a local write, or null when the write changes nothing replicated.
 * An undo of a delete (`before: null` on a tombstoned document) only lifts the tombstone: the
 * record comes back with whatever the team changed in it meanwhile, not with the local copy from
 * the trash.
 */
export function applyLocal(doc: SyncDoc | undefined, change: LocalChange, stamp: Stamp, user: string): SyncDoc | null {
  const id = docIdOf(change);
  if (change.type === 'settings') {
    const next = settingsFields(change.after);
    return write(doc, { id, type: 'settings', next, prev: change.before ? settingsFields(change.before) : null, sets: {} }, stamp, user);
  }
  const { before, after } = change;
  if (!after) {
    if (!doc || !before) return null;
    return write(doc, { id, type: change.type, next: { deleted: true }, prev: null, sets: {} }, stamp, user);
  }
  if (!before && doc) return write(doc, { id, type: change.type, next: { deleted: false }, prev: null, sets: {} }, stamp, user);
  if (change.type === 'lead') {
    const lead = after as LocalLead;
    const prev = before && doc ? leadFields(before as LocalLead, null) : null;
    return write(doc, { id, type: 'lead', next: leadFields(lead, prev ? null : user), prev, sets: leadSets(lead) }, stamp, user);
  }
  const tp = after as Touchpoint;
  const prev = before && doc ? touchpointFields(before as Touchpoint) : null;
  return write(doc, { id, type: 'touchpoint', next: touchpointFields(tp), prev, sets: {} }, stamp, user);
}

/**
 * The document after taking a local record as it is now, whatever the document says: fields that
 * differ get this stamp. For seeding the replica when sync is turned on, and for a restore.
 */
export function reconcileLocal(
  doc: SyncDoc | undefined,
  record: { type: 'lead'; lead: LocalLead } | { type: 'touchpoint'; touchpoint: Touchpoint },
  stamp: Stamp,
  user: string,
): SyncDoc | null {
  if (record.type === 'lead') {
    const owner = typeof doc?.fields.owner === 'string' ? doc.fields.owner : user;
    return write(
      doc,
      { id: leadDocId(record.lead.id), type: 'lead', next: leadFields(record.lead, owner), prev: null, sets: leadSets(record.lead) },
      stamp,
      user,
    );
  }
  return write(
    doc,
    { id: touchpointDocId(record.touchpoint.id), type: 'touchpoint', next: touchpointFields(record.touchpoint), prev: null, sets: {} },
    stamp,
    user,
  );
}

/** True when the document says what the local record after `change` says (nothing to hand back to the repository). */
export function localMatches(doc: SyncDoc, change: LocalChange): boolean {
  const same = (expected: Record<string, Json>) => Object.entries(expected).every(([k, v]) => canonical(doc.fields[k]) === canonical(v));
  const sameSets = (expected: Record<string, Json[]>) =>
    Object.entries(expected).every(([k, v]) => canonical(unionSet(k, v, [])) === canonical(doc.sets[k] ?? []));
  if (change.type === 'settings') return same(settingsFields(change.after));
  if (!change.after) return doc.fields.deleted === true;
  if (change.type === 'touchpoint') return same(touchpointFields(change.after));
  const lead = change.after as LocalLead;
  const fields: Record<string, Json> = leadFields(lead, null);
  // A local model without owners cannot disagree about the owner.
  if (lead.owner === undefined) delete fields.owner;
  return same(fields) && sameSets(leadSets(lead));
}
