/**
 * Repositories: the only code that opens IndexedDB transactions. Every write recomputes the
 * lead's temperature and updates the aggregates in the same transaction, and awaits `tx.done`.
 * Nothing outside IndexedDB is awaited while a transaction is open.
 */
import {
  EMPTY_QUALIFICATION,
  lead as leadSchema,
  touchpoint as touchpointSchema,
  type Channel,
  type Direction,
  type Lead,
  type LeadSource,
  type Touchpoint,
} from '../pipeline/model';
import { AGGREGATES_VERSION, applyChange, rebuild, type Aggregates } from '../pipeline/aggregates';
import { classify, engagementOf } from '../pipeline/temperature';
import { moveLead, reengageIfDue, type StageMove } from '../pipeline/stages';
import { DEFAULT_SETTINGS, readSettings, settings as settingsSchema, type Settings } from '../settings/settings';
import type { IDBPTransaction } from 'idb';
import type { Db, LeadlineDB, StoredLead } from './schema';
import { queryWords, searchKeysOf } from '../pipeline/search';

const STORES = ['leads', 'touchpoints', 'meta'] as const;
type WriteTx = IDBPTransaction<LeadlineDB, ('leads' | 'touchpoints' | 'meta')[], 'readwrite'>;

export class NotFoundError extends Error {}

export interface CaptureFields {
  name: string;
  headline?: string | null;
  company?: string | null;
  location?: string | null;
  linkedinUrl?: string | null;
  photoUrl?: string | null;
  emails?: string[];
  source: LeadSource;
}

export interface TouchpointFields {
  leadId: string;
  channel: Channel;
  direction: Direction;
  at?: string;
  summary: string;
  url?: string | null;
  externalId?: string | null;
}

/** The fields of a lead a user may edit directly. */
export type LeadPatch = Partial<
  Pick<
    Lead,
    | 'name'
    | 'headline'
    | 'company'
    | 'location'
    | 'linkedinUrl'
    | 'emails'
    | 'qualification'
    | 'temperatureOverride'
    | 'dealValue'
    | 'currency'
    | 'expectedCloseOn'
    | 'nextFollowUpOn'
    | 'tags'
    | 'notes'
  >
>;

export class Repository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async settings(): Promise<Settings> {
    return readSettings(await this.db.get('meta', 'settings'));
  }

  async saveSettings(next: Settings): Promise<Settings> {
    const parsed = settingsSchema.parse(next);
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
      const leads = await tx.objectStore('leads').getAll();
      const usedStages = new Set(leads.flatMap((l) => [l.stage, l.lost?.from, l.later?.from]));
      const missing = [...usedStages].filter(
        (id) => id && id !== 'lost' && id !== 'later' && !parsed.stages.some((s) => s.id === id),
      );
      if (missing.length > 0) throw new Error(`Stage "${missing[0]}" still has leads: move them before deleting the stage.`);
      await tx.objectStore('meta').put({ key: 'settings', ...parsed });
      await tx.objectStore('meta').put(rebuild(leads, parsed.stages));
      return parsed;
    });
  }

  /** The popup's aggregates; rebuilt from the stores when missing (the repair path). */
  async aggregates(): Promise<Aggregates> {
    const stored = (await this.db.get('meta', 'aggregates')) as Aggregates | undefined;
    // Missing, or kept by an older version in another shape: rebuild from the stores.
    return stored?.version === AGGREGATES_VERSION ? stored : this.rebuildAggregates();
  }

  async rebuildAggregates(): Promise<Aggregates> {
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
      const settings = readSettings(await tx.objectStore('meta').get('settings'));
      const agg = rebuild(await tx.objectStore('leads').getAll(), settings.stages);
      await tx.objectStore('meta').put(agg);
      return agg;
    });
  }

  async get(id: string): Promise<Lead | undefined> {
    return this.db.get('leads', id);
  }

  async findByLinkedinUrl(url: string): Promise<Lead | undefined> {
    return this.db.getFromIndex('leads', 'byLinkedinUrl', url);
  }

  async findByEmail(email: string): Promise<Lead | undefined> {
    return this.db.getFromIndex('leads', 'byEmail', email.trim().toLowerCase());
  }

  /** Leads with the same name (case-insensitive) and, when given, the same company. */
  async possibleDuplicates(name: string, company: string | null, excludeId?: string): Promise<Lead[]> {
    const same = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
    const candidates = await this.db.getAllFromIndex('leads', 'byName', name.trim());
    return candidates.filter((l) => l.id !== excludeId && same(l.name, name) && (company === null || same(l.company, company)));
  }

  /**
   * Leads whose name or company words, or email, start with every word of the query. The word
   * with the fewest index entries drives the walk (a count over a key range reads no records);
   * the others filter its hits. No full scan unless every word is that common.
   */
  async search(query: string, limit = 8): Promise<Lead[]> {
    const words = [...new Set(queryWords(query))];
    if (words.length === 0) return [];
    const index = this.db.transaction('leads').store.index('bySearch');
    const range = (w: string) => IDBKeyRange.bound(w, `${w}\uffff`);
    const counts = words.length === 1 ? [0] : await Promise.all(words.map((w) => index.count(range(w))));
    const driver = words[counts.indexOf(Math.min(...counts))]!;
    const rest = words.filter((w) => w !== driver);
    const hits = new Map<string, Lead>();
    let cursor = await index.openCursor(range(driver));
    while (cursor && hits.size < limit) {
      const lead = cursor.value;
      const keys = lead.searchKeys ?? searchKeysOf(lead);
      if (!hits.has(lead.id) && rest.every((w) => keys.some((k) => k.startsWith(w)))) hits.set(lead.id, lead);
      cursor = await cursor.continue();
    }
    return [...hits.values()];
  }

  /** Leads by temperature or stage (through their index), or all, newest first when unfiltered. */
  async list(filter: { temperature?: string; stage?: string }, limit = 200): Promise<Lead[]> {
    const store = this.db.transaction('leads').store;
    if (filter.temperature) return store.index('byTemperature').getAll(filter.temperature, limit);
    if (filter.stage) return store.index('byStage').getAll(filter.stage, limit);
    const out: Lead[] = [];
    let cursor = await store.index('byUpdatedAt').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** Where to open a lead: its LinkedIn profile, else the thread of its last logged email. */
  async openUrlOf(lead: Lead): Promise<string | null> {
    if (lead.linkedinUrl) return lead.linkedinUrl;
    const recent = await this.touchpointsOf(lead.id, 20);
    return recent.find((t) => t.channel === 'email' && t.url)?.url ?? null;
  }

  /** Open leads with a follow-up on or before `today`, oldest first. */
  async dueFollowUps(today: string, limit = 20): Promise<Lead[]> {
    const settings = await this.settings();
    const won = settings.stages.at(-1)?.id;
    const out: Lead[] = [];
    let cursor = await this.db.transaction('leads').store.index('byFollowUp').openCursor(IDBKeyRange.upperBound(today));
    while (cursor && out.length < limit) {
      const lead = cursor.value;
      if (lead.stage !== 'lost' && lead.stage !== 'later' && lead.stage !== won) out.push(lead);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** The lead's touchpoints, newest first. */
  async touchpointsOf(leadId: string, limit = Infinity): Promise<Touchpoint[]> {
    const range = IDBKeyRange.bound([leadId, ''], [leadId, '\uffff']);
    const out: Touchpoint[] = [];
    let cursor = await this.db.transaction('touchpoints').store.index('byLead').openCursor(range, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /**
   * Stores a new lead, or returns the existing one with the same LinkedIn URL or email. The
   * lookup and the insert share one transaction, so concurrent captures end with one lead.
   */
  async capture(fields: CaptureFields): Promise<{ lead: Lead; created: boolean }> {
    const now = this.now();
    const at = now.toISOString();
    const emails = [...new Set((fields.emails ?? []).map((e) => e.trim().toLowerCase()))];
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
    const leads = tx.objectStore('leads');
    const existing =
      (fields.linkedinUrl ? await leads.index('byLinkedinUrl').get(fields.linkedinUrl) : undefined) ??
      (await firstDefined(emails.map((e) => () => leads.index('byEmail').get(e))));
    if (existing) return { lead: existing, created: false };
    const settings = readSettings(await tx.objectStore('meta').get('settings'));
    const first = settings.stages[0]!.id;
    const draft: Lead = {
      id: crypto.randomUUID(),
      name: fields.name,
      headline: fields.headline ?? null,
      company: fields.company ?? null,
      location: fields.location ?? null,
      linkedinUrl: fields.linkedinUrl ?? null,
      photoUrl: fields.photoUrl ?? null,
      emails,
      source: fields.source,
      stage: first,
      reached: [first],
      stageHistory: [{ from: null, to: first, at }],
      lost: null,
      later: null,
      qualification: { ...EMPTY_QUALIFICATION },
      temperature: null,
      temperatureReasons: [],
      temperatureOverride: null,
      dealValue: null,
      currency: settings.currency,
      expectedCloseOn: null,
      nextFollowUpOn: null,
      tags: [],
      notes: '',
      lastTouchAt: null,
      createdAt: at,
      updatedAt: at,
    };
    const lead = withTemperature(leadSchema.parse(draft), [], now, settings);
    await leads.add(toStored(lead));
    await updateAggregates(tx, undefined, lead, settings);
    return { lead, created: true };
    });
  }

  /** Applies a user edit, validated as a whole lead. */
  async update(id: string, patch: LeadPatch): Promise<Lead> {
    return this.write(id, (lead) => {
      const emails = patch.emails?.map((e) => e.trim().toLowerCase());
      return { ...lead, ...patch, ...(emails ? { emails: [...new Set(emails)] } : {}) };
    });
  }

  async move(id: string, move: StageMove): Promise<Lead> {
    return this.write(id, (lead, settings, now) => moveLead(lead, move, now, settings.stages));
  }

  /** Logs a touchpoint; an external id already logged returns the stored one and writes nothing. */
  async logTouchpoint(fields: TouchpointFields): Promise<{ touchpoint: Touchpoint; created: boolean; lead: Lead }> {
    const now = this.now();
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
    const before = await tx.objectStore('leads').get(fields.leadId);
    if (!before) throw new NotFoundError(`No lead with id ${fields.leadId}.`);
    if (fields.externalId) {
      const logged = await tx.objectStore('touchpoints').index('byExternalId').get([fields.leadId, fields.externalId]);
      if (logged) return { touchpoint: logged, created: false, lead: before };
    }
    const touchpoint = touchpointSchema.parse({
      id: crypto.randomUUID(),
      leadId: fields.leadId,
      channel: fields.channel,
      direction: fields.direction,
      at: fields.at ?? now.toISOString(),
      summary: fields.summary,
      url: fields.url ?? null,
      externalId: fields.externalId ?? null,
      createdAt: now.toISOString(),
    });
    await tx.objectStore('touchpoints').add(touchpoint);
    const settings = readSettings(await tx.objectStore('meta').get('settings'));
    const all = await tx.objectStore('touchpoints').index('byLead').getAll(IDBKeyRange.bound([before.id, ''], [before.id, '\uffff']));
    const lastTouchAt = engagementOf(all).lastContactAt;
    const after = withTemperature({ ...before, lastTouchAt, updatedAt: now.toISOString() }, all, now, settings);
    await tx.objectStore('leads').put(toStored(after));
    await updateAggregates(tx, before, after, settings);
    return { touchpoint, created: true, lead: after };
    });
  }

  /**
   * Recomputes temperatures as time passes and returns parked leads whose date has come to their
   * stage. Idempotent: run it any number of times; it writes only leads that changed.
   */
  async refresh(): Promise<string[]> {
    const now = this.now();
    const changed: string[] = [];
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
    const settings = readSettings(await tx.objectStore('meta').get('settings'));
    let cursor = await tx.objectStore('leads').openCursor();
    while (cursor) {
      const before = cursor.value;
      const touchpoints = await tx.objectStore('touchpoints').index('byLead').getAll(IDBKeyRange.bound([before.id, ''], [before.id, '\uffff']));
      const moved = reengageIfDue(before, now, settings.stages) ?? before;
      const after = withTemperature(moved, touchpoints, now, settings);
      if (after !== before) {
        await cursor.update(toStored(after));
        await updateAggregates(tx, before, after, settings);
        changed.push(before.id);
      }
      cursor = await cursor.continue();
    }
    return changed;
    });
  }

  /** Reads, changes, validates and writes one lead in one transaction. */
  private async write(id: string, change: (lead: Lead, settings: Settings, now: Date) => Lead): Promise<Lead> {
    const now = this.now();
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
    const before = await tx.objectStore('leads').get(id);
    if (!before) throw new NotFoundError(`No lead with id ${id}.`);
    const settings = readSettings(await tx.objectStore('meta').get('settings'));
    let after = leadSchema.parse({ ...change(before, settings, now), id, updatedAt: now.toISOString() });
    const touchpoints = await tx.objectStore('touchpoints').index('byLead').getAll(IDBKeyRange.bound([id, ''], [id, '\uffff']));
    after = withTemperature(after, touchpoints, now, settings);
    await tx.objectStore('leads').put(toStored(after));
    await updateAggregates(tx, before, after, settings);
    return after;
    });
  }
}

/** The record to store: the lead with its search keys derived afresh. */
function toStored(lead: Lead): StoredLead {
  const { searchKeys: _old, ...plain } = lead as StoredLead;
  return { ...plain, searchKeys: searchKeysOf(lead) };
}

/**
 * Runs a transaction's body and waits for the commit. On any failure the transaction is aborted,
 * so nothing of it is written, and its settled `done` never surfaces as an unhandled rejection.
 */
async function commit<T>(tx: WriteTx, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted (a failed request aborts its transaction) or finished.
    }
    await tx.done.catch(() => {});
    throw error;
  }
}

async function firstDefined<T>(lookups: (() => Promise<T | undefined>)[]): Promise<T | undefined> {
  for (const lookup of lookups) {
    const hit = await lookup();
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The lead with its temperature recomputed; the same object when nothing changed. */
function withTemperature(lead: Lead, touchpoints: Touchpoint[], now: Date, settings: Settings): Lead {
  const c = classify(lead, touchpoints, now, settings);
  const reasons = c.reasons.map((r) => r.text);
  if (c.temperature === lead.temperature && reasons.join('\n') === lead.temperatureReasons.join('\n')) return lead;
  return { ...lead, temperature: c.temperature, temperatureReasons: reasons };
}

async function updateAggregates(tx: WriteTx, before: Lead | undefined, after: Lead | undefined, settings: Settings) {
  const meta = tx.objectStore('meta');
  const stored = (await meta.get('aggregates')) as Aggregates | undefined;
  // Without current aggregates there is nothing to patch: the next read rebuilds them.
  if (stored?.version !== AGGREGATES_VERSION) return;
  applyChange(stored, before, after, settings.stages);
  await meta.put(stored);
}

export { DEFAULT_SETTINGS };
