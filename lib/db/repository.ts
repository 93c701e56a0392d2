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
import { applyChange, rebuild, type Aggregates } from '../pipeline/aggregates';
import { classify, engagementOf } from '../pipeline/temperature';
import { moveLead, reengageIfDue, type StageMove } from '../pipeline/stages';
import { DEFAULT_SETTINGS, readSettings, settings as settingsSchema, type Settings } from '../settings/settings';
import type { IDBPTransaction } from 'idb';
import type { Db, LeadlineDB } from './schema';

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
    return stored ?? this.rebuildAggregates();
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
    await leads.add(lead);
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
    await tx.objectStore('leads').put(after);
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
        await cursor.update(after);
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
    await tx.objectStore('leads').put(after);
    await updateAggregates(tx, before, after, settings);
    return after;
    });
  }
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
  // Without stored aggregates there is nothing to patch: the next read rebuilds them.
  if (!stored) return;
  applyChange(stored, before, after, settings.stages);
  await meta.put(stored);
}

export { DEFAULT_SETTINGS };
