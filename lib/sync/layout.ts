/**
 * The replicated data layout: how leads, touchpoints and the team's stage settings are stored as
 * CouchDB documents. Pure; no PouchDB, no browser APIs.
 *
 * One document per record, `_id` = `<type>:<id>`:
 * - `lead:<lead id>` — the lead's user-authored fields;
 * - `touchpoint:<touchpoint id>` — a touchpoint logged with an external id (a Gmail message id)
 *   should get the id `externalTouchpointId(leadId, externalId)`, so two reps logging the same email
 *   for the same lead write the same document and CouchDB folds them into one instead of two (the
 *   id cannot be derived from the lead id at write time instead: a merge of duplicates moves
 *   touchpoints to another lead, and the document id must not move with them);
 * - `settings:team` — the funnel stages (names, order, probabilities, rotting days);
 * - (later) `company:<company id>`.
 * The prefix keeps every type in one `_all_docs` key range; the ids are the local IndexedDB ids, so
 * a pulled record lands on the same key on every machine. (CouchDB reads `a:b` ids as
 * `partition:doc` only in a database created as partitioned; the team database is a plain one.)
 *
 * Every document has the same shape, so one merge serves all types:
 * - `fields`: last-writer-wins registers — each field's value, with the stamp of the edit that set
 *   it in `stamps` (see clock.ts) and the user who made it in `by` ("who changed what");
 * - `sets`: grow-only sets (`reached`, `stageHistory`), merged by union, kept sorted;
 * - a tombstone is the ordinary field `deleted` — CouchDB's own `_deleted` is used only to drop
 *   the losing branches of a conflict — so a delete is itself merged field by field (an edit made
 *   elsewhere meanwhile is kept inside the tombstone, and an undo brings it back with the edit).
 *
 * Not replicated, because every machine derives them: temperature and its reasons (they depend on
 * "now"), `lastTouchAt` (from the touchpoints), `updatedAt` (the newest stamp's wall time), and the
 * stored-only search and sort keys. Personal settings (own email addresses, auto-log) stay local.
 */
import type { Lead, StageDef, Touchpoint } from '../pipeline/model';
import type { Stamp } from './clock';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const LAYOUT_VERSION = 1;
export const DOC_TYPES = ['lead', 'touchpoint', 'settings'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** A replicated document as stored in CouchDB (without `_rev`). */
export interface SyncDoc {
  _id: string;
  type: DocType;
  /** Layout version: a newer app may add fields; an older one keeps them untouched when merging. */
  v: number;
  fields: Record<string, Json>;
  stamps: Record<string, Stamp>;
  by: Record<string, string>;
  sets: Record<string, Json[]>;
}

/** A document with the revision PouchDB read it at. */
export type RevDoc = SyncDoc & { _rev: string; _conflicts?: string[] };

export const TEAM_SETTINGS_ID = 'settings:team';

/** Last-writer-wins fields of a lead document. `position` holds stage, lost and later together: they change together, and merging them apart could pair a funnel stage with a lost reason. */
export const LEAD_FIELDS = [
  'name',
  'headline',
  'company',
  'location',
  'linkedinUrl',
  'photoUrl',
  'emails',
  'source',
  'position',
  'budget',
  'authority',
  'need',
  'timeframe',
  'temperatureOverride',
  'dealValue',
  'currency',
  'expectedCloseOn',
  'nextFollowUpOn',
  'tags',
  'notes',
  'owner',
  'createdAt',
  'deleted',
  'linkedinMemberId',
  'salesNavUrl',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/**
 * Lead fields a document may lack: the owner (documents written before owners), and the LinkedIn
 * member id and Sales Navigator page (added in layout version 1 after the first release of it); a
 * missing one reads as null. `companyId` is not replicated: it links to this browser's companies
 * store, and the repository links a pulled lead by its company name as it does a local one.
 */
const OPTIONAL_LEAD_FIELDS: readonly LeadField[] = ['owner', 'linkedinMemberId', 'salesNavUrl'];

/** Grow-only sets of a lead document. */
export const LEAD_SETS = ['reached', 'stageHistory'] as const;

export const TOUCHPOINT_FIELDS = ['id', 'leadId', 'channel', 'direction', 'at', 'summary', 'url', 'externalId', 'createdAt', 'deleted'] as const;
export const SETTINGS_FIELDS = ['stages'] as const;

/** A lead as the local store has it, with the owner the team layout adds (absent until owners exist locally). */
export type LocalLead = Lead & { owner?: string | null };

/** The replicated part of a lead, as the repository receives it from a pull. */
export type SyncedLead = Omit<Lead, 'temperature' | 'temperatureReasons' | 'lastTouchAt' | 'updatedAt' | 'companyId'> & { owner: string | null };

export const leadDocId = (id: string) => `lead:${id}`;
export const touchpointDocId = (id: string) => `touchpoint:${id}`;

/** The local id for a touchpoint logged with an external id: the same on every machine, so the same email logged twice is one record. */
export const externalTouchpointId = (leadId: string, externalId: string) => `ext:${leadId}:${externalId}`;

/** The type of a document id (`lead:…` → lead), or null for ids that are not ours (design documents, strays). */
export function docTypeOf(id: string): DocType | null {
  const type = id.slice(0, id.indexOf(':'));
  return (DOC_TYPES as readonly string[]).includes(type) && id.length > type.length + 1 ? (type as DocType) : null;
}

/** The replicated values of a local lead, by field. */
export function leadFields(lead: LocalLead, owner: string | null, deleted = false): Record<LeadField, Json> {
  return {
    name: lead.name,
    headline: lead.headline,
    company: lead.company,
    location: lead.location,
    linkedinUrl: lead.linkedinUrl,
    photoUrl: lead.photoUrl,
    emails: [...lead.emails],
    source: lead.source,
    position: { stage: lead.stage, lost: lead.lost ? { ...lead.lost } : null, later: lead.later ? { ...lead.later } : null },
    budget: lead.qualification.budget,
    authority: lead.qualification.authority,
    need: lead.qualification.need,
    timeframe: lead.qualification.timeframe,
    temperatureOverride: lead.temperatureOverride,
    dealValue: lead.dealValue,
    currency: lead.currency,
    expectedCloseOn: lead.expectedCloseOn,
    nextFollowUpOn: lead.nextFollowUpOn,
    tags: [...lead.tags],
    notes: lead.notes,
    owner: lead.owner ?? owner,
    createdAt: lead.createdAt,
    deleted,
    linkedinMemberId: lead.linkedinMemberId ?? null,
    salesNavUrl: lead.salesNavUrl ?? null,
  };
}

/** The grow-only sets of a local lead. */
export function leadSets(lead: Lead): Record<(typeof LEAD_SETS)[number], Json[]> {
  return { reached: [...lead.reached], stageHistory: lead.stageHistory.map((h) => ({ from: h.from, to: h.to, at: h.at })) };
}

export function touchpointFields(tp: Touchpoint, deleted = false): Record<(typeof TOUCHPOINT_FIELDS)[number], Json> {
  return {
    id: tp.id,
    leadId: tp.leadId,
    channel: tp.channel,
    direction: tp.direction,
    at: tp.at,
    summary: tp.summary,
    url: tp.url,
    externalId: tp.externalId,
    createdAt: tp.createdAt,
    deleted,
  };
}

export function settingsFields(stages: StageDef[]): Record<(typeof SETTINGS_FIELDS)[number], Json> {
  return { stages: stages.map((s) => ({ id: s.id, name: s.name, probability: s.probability, rottingDays: s.rottingDays })) };
}

/** A pulled change, as the repository's `applyRemote` receives it. */
export type RemoteChange =
  | { type: 'lead'; id: string; deleted: boolean; lead: SyncedLead; updatedAt: string; by: Record<string, string> }
  | { type: 'touchpoint'; id: string; deleted: boolean; touchpoint: Touchpoint; by: Record<string, string> }
  | { type: 'settings'; stages: StageDef[]; by: Record<string, string> };

/** The newest stamp of a document. */
export function newestStamp(doc: SyncDoc): Stamp {
  let newest = '';
  for (const stamp of Object.values(doc.stamps)) if (stamp > newest) newest = stamp;
  return newest;
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (doc: SyncDoc, keys: readonly string[]) => keys.every((k) => k in doc.fields);

/**
 * What the repository is given for a pulled document, or null when the document lacks a field
 * this version needs (a stray, or a document from a layout we do not know). Values are passed
 * as stored; the repository validates them (zod) as it does any write.
 */
export function toRemoteChange(doc: SyncDoc): RemoteChange | null {
  const f = doc.fields;
  if (doc.type === 'lead') {
    const without = LEAD_FIELDS.filter((k) => !OPTIONAL_LEAD_FIELDS.includes(k));
    if (!has(doc, without) || !isObject(f.position)) return null;
    const id = doc._id.slice('lead:'.length);
    const position = f.position as { stage: string; lost: Lead['lost']; later: Lead['later'] };
    const history = (doc.sets.stageHistory ?? []) as Lead['stageHistory'];
    const lead = {
      id,
      name: f.name,
      headline: f.headline,
      company: f.company,
      location: f.location,
      linkedinUrl: f.linkedinUrl,
      photoUrl: f.photoUrl,
      emails: f.emails,
      source: f.source,
      stage: position.stage,
      reached: (doc.sets.reached ?? []) as string[],
      stageHistory: history,
      lost: position.lost,
      later: position.later,
      qualification: { budget: f.budget, authority: f.authority, need: f.need, timeframe: f.timeframe },
      temperatureOverride: f.temperatureOverride,
      dealValue: f.dealValue,
      currency: f.currency,
      expectedCloseOn: f.expectedCloseOn,
      nextFollowUpOn: f.nextFollowUpOn,
      tags: f.tags,
      notes: f.notes,
      owner: f.owner ?? null,
      linkedinMemberId: f.linkedinMemberId ?? null,
      salesNavUrl: f.salesNavUrl ?? null,
      createdAt: f.createdAt,
    } as unknown as SyncedLead;
    const updatedAt = newestStamp(doc).slice(0, 24);
    return { type: 'lead', id, deleted: f.deleted === true, lead, updatedAt, by: { ...doc.by } };
  }
  if (doc.type === 'touchpoint') {
    if (!has(doc, TOUCHPOINT_FIELDS)) return null;
    const { deleted, ...rest } = f;
    return { type: 'touchpoint', id: String(f.id), deleted: deleted === true, touchpoint: rest as unknown as Touchpoint, by: { ...doc.by } };
  }
  if (!Array.isArray(f.stages)) return null;
  return { type: 'settings', stages: f.stages as unknown as StageDef[], by: { ...doc.by } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a pulled document's envelope, or null when it is not one of ours (a design document, a
 * stray written by another tool, a document whose type does not match its id). Field values are
 * checked later, by the repository.
 */
export function readSyncDoc(raw: unknown): SyncDoc | null {
  if (!isRecord(raw) || typeof raw._id !== 'string') return null;
  const type = docTypeOf(raw._id);
  if (!type || raw.type !== type || typeof raw.v !== 'number') return null;
  const { fields, stamps, by, sets } = raw;
  if (!isRecord(fields) || !isRecord(stamps) || !isRecord(by) || !isRecord(sets)) return null;
  if (!Object.values(stamps).every((s) => typeof s === 'string')) return null;
  if (!Object.values(by).every((s) => typeof s === 'string')) return null;
  if (!Object.values(sets).every(Array.isArray)) return null;
  return {
    _id: raw._id,
    type,
    v: raw.v,
    fields: fields as Record<string, Json>,
    stamps: stamps as Record<string, string>,
    by: by as Record<string, string>,
    sets: sets as Record<string, Json[]>,
  };
}
