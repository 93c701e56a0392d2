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
import { moveLead, reengageIfDue, stagesUpTo, type StageMove } from '../pipeline/stages';
import { duplicateGroups, mergeLeads } from '../pipeline/merge';
import { DEFAULT_SETTINGS, readSettings, settings as settingsSchema, type Settings } from '../settings/settings';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Db, LeadlineDB, StoredLead } from './schema';
import { plainLead, toStored } from './stored';
import { rarest } from './rarest';
import { queryWords, searchKeysOf } from '../pipeline/search';

const STORES = ['leads', 'touchpoints', 'meta'] as const;
const WITH_TRASH = ['leads', 'touchpoints', 'meta', 'trash'] as const;
type WriteTx = IDBPTransaction<LeadlineDB, ArrayLike<StoreNames<LeadlineDB>>, 'readwrite'>;

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

/** One row of an import, already mapped to lead fields; `line` is the file's line number. */
export interface ImportRow extends CaptureFields {
  line: number;
  emails: string[];
  dealValue?: number | null;
  tags?: string[];
  notes?: string;
  stage?: string | null;
}

export type ImportResult = { line: number; status: 'created' | 'merged'; id: string } | { line: number; status: 'error'; reason: string };

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
      // Stage order is a sort key: re-derive it for leads whose rank moved.
      for (const lead of leads) {
        const next = toStored(lead, parsed.stages);
        if (next.sort.stageRank !== lead.sort?.stageRank) await tx.objectStore('leads').put(next);
      }
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
   * with the fewest index entries (`rarest`) is read from its keys and the others filter; only
   * when every word is too common for the probes does the first one walk its range.
   */
  async search(query: string, limit = 8): Promise<Lead[]> {
    const words = [...new Set(queryWords(query))];
    if (words.length === 0) return [];
    const store = this.db.transaction('leads').store;
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
    const range = byLeadRange(leadId);
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
    const draft = newLead({ ...fields, emails }, settings, at, null);
    const lead = withTemperature(leadSchema.parse(draft), [], now, settings);
    await leads.add(toStored(lead, settings.stages));
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
    const all = await tx.objectStore('touchpoints').index('byLead').getAll(byLeadRange(before.id));
    const lastTouchAt = engagementOf(all).lastContactAt;
    const after = withTemperature({ ...before, lastTouchAt, updatedAt: now.toISOString() }, all, now, settings);
    await tx.objectStore('leads').put(toStored(after, settings.stages));
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
      const touchpoints = await tx.objectStore('touchpoints').index('byLead').getAll(byLeadRange(before.id));
      const moved = reengageIfDue(before, now, settings.stages) ?? before;
      const after = withTemperature(moved, touchpoints, now, settings);
      if (after !== before) {
        await cursor.update(toStored(after, settings.stages));
        await updateAggregates(tx, before, after, settings);
        changed.push(before.id);
      }
      cursor = await cursor.continue();
    }
    return changed;
    });
  }

  /** Edits a touchpoint and recomputes its lead (last contact, temperature, aggregates). */
  async updateTouchpoint(id: string, patch: Partial<Pick<Touchpoint, 'channel' | 'direction' | 'at' | 'summary'>>): Promise<Lead> {
    return this.touchpointWrite(id, (tp) => touchpointSchema.parse({ ...tp, ...patch }));
  }

  async deleteTouchpoint(id: string): Promise<Lead> {
    return this.touchpointWrite(id, () => null);
  }

  /**
   * Deletes leads with their touchpoints into the trash, in one transaction, and returns the
   * batch id that `undelete` takes. Batches older than 30 days are purged by `refresh`.
   */
  async delete(ids: string[]): Promise<{ batchId: string; count: number }> {
    const now = this.now();
    const tx = this.db.transaction(WITH_TRASH, 'readwrite');
    return commit(tx, async () => {
      const settings = readSettings(await tx.objectStore('meta').get('settings'));
      const leads: Lead[] = [];
      const touchpoints: Touchpoint[] = [];
      const agg = await liveAggregates(tx);
      for (const id of new Set(ids)) {
        const lead = await tx.objectStore('leads').get(id);
        if (!lead) continue;
        const range = byLeadRange(id);
        const tps = await tx.objectStore('touchpoints').index('byLead').getAll(range);
        for (const tp of tps) await tx.objectStore('touchpoints').delete(tp.id);
        await tx.objectStore('leads').delete(id);
        if (agg) applyChange(agg, lead, undefined, settings.stages);
        leads.push(plainLead(lead));
        touchpoints.push(...tps);
      }
      if (leads.length === 0) throw new NotFoundError('None of these leads exists.');
      if (agg) await tx.objectStore('meta').put(agg);
      const batchId = crypto.randomUUID();
      await tx.objectStore('trash').put({ id: batchId, at: now.toISOString(), leads, touchpoints });
      return { batchId, count: leads.length };
    });
  }

  /** Puts a deleted batch back as it was. Fails, writing nothing, if a lead's LinkedIn URL or email was taken meanwhile. */
  async undelete(batchId: string): Promise<{ count: number }> {
    const tx = this.db.transaction(WITH_TRASH, 'readwrite');
    return commit(tx, async () => {
      const batch = await tx.objectStore('trash').get(batchId);
      if (!batch) throw new NotFoundError('Nothing to undo: that delete is no longer in the trash.');
      const settings = readSettings(await tx.objectStore('meta').get('settings'));
      const agg = await liveAggregates(tx);
      for (const lead of batch.leads) {
        const restored = lead.stage === 'lost' || lead.stage === 'later' || settings.stages.some((s) => s.id === lead.stage) ? lead : { ...lead, stage: settings.stages[0]!.id };
        await tx.objectStore('leads').add(toStored(restored, settings.stages)).catch((error: Error) => {
          throw new Error(`Cannot undo: ${lead.name}'s LinkedIn URL or email now belongs to another lead (${error.name}).`);
        });
        if (agg) applyChange(agg, undefined, restored, settings.stages);
      }
      for (const tp of batch.touchpoints) await tx.objectStore('touchpoints').put(tp);
      if (agg) await tx.objectStore('meta').put(agg);
      await tx.objectStore('trash').delete(batchId);
      return { count: batch.leads.length };
    });
  }

  /** Likely duplicates: same name (case and accents folded) and the same or a missing company. */
  async duplicates(): Promise<Lead[][]> {
    const index = this.db.transaction('leads').store.index('sort.name');
    const candidates: string[] = [];
    let run: string[] = [];
    let runKey: IDBValidKey | null = null;
    let cursor = await index.openKeyCursor();
    const flush = () => {
      if (run.length > 1) candidates.push(...run);
    };
    while (cursor) {
      if (cursor.key !== runKey) {
        flush();
        run = [];
        runKey = cursor.key;
      }
      run.push(cursor.primaryKey);
      cursor = await cursor.continue();
    }
    flush();
    const store = this.db.transaction('leads').store;
    const leads = (await Promise.all(candidates.map((id) => store.get(id)))).filter((l): l is StoredLead => !!l).map(plainLead);
    return duplicateGroups(leads);
  }

  /** `keepId` absorbs `otherId`: fuller fields, every touchpoint (an email logged on both is kept once), then `otherId` is gone. */
  async merge(keepId: string, otherId: string): Promise<Lead> {
    if (keepId === otherId) throw new Error('A lead cannot be merged with itself.');
    const now = this.now();
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
      const keep = await tx.objectStore('leads').get(keepId);
      const other = await tx.objectStore('leads').get(otherId);
      if (!keep || !other) throw new NotFoundError('One of the two leads no longer exists.');
      const settings = readSettings(await tx.objectStore('meta').get('settings'));
      const tps = tx.objectStore('touchpoints');
      const kept = await tps.index('byLead').getAll(byLeadRange(keepId));
      const logged = new Set(kept.map((t) => t.externalId).filter(Boolean));
      for (const tp of await tps.index('byLead').getAll(byLeadRange(otherId))) {
        if (tp.externalId && logged.has(tp.externalId)) await tps.delete(tp.id);
        else await tps.put({ ...tp, leadId: keepId });
      }
      // The other record goes first: its LinkedIn URL and emails are unique keys the merged lead takes.
      await tx.objectStore('leads').delete(otherId);
      const all = await tps.index('byLead').getAll(byLeadRange(keepId));
      const merged = leadSchema.parse({ ...mergeLeads(plainLead(keep), plainLead(other), settings.stages), lastTouchAt: engagementOf(all).lastContactAt, updatedAt: now.toISOString() });
      const after = withTemperature(merged, all, now, settings);
      await tx.objectStore('leads').put(toStored(after, settings.stages));
      const agg = await liveAggregates(tx);
      if (agg) {
        applyChange(agg, other, undefined, settings.stages);
        applyChange(agg, keep, after, settings.stages);
        await tx.objectStore('meta').put(agg);
      }
      return after;
    });
  }

  /**
   * Imports rows in one transaction: a row whose LinkedIn URL or email is already stored fills
   * that lead's empty fields (no second lead); others become new leads. A row that fails is
   * reported with its reason and the others are kept.
   */
  async importRows(rows: ImportRow[]): Promise<ImportResult[]> {
    const now = this.now();
    const at = now.toISOString();
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
      const settings = readSettings(await tx.objectStore('meta').get('settings'));
      const leads = tx.objectStore('leads');
      const agg = await liveAggregates(tx);
      // Every key of the batch is looked up at once (the requests queue in the transaction);
      // then rows are applied in memory, in order, so a later row sees an earlier one's lead.
      const lower = (row: ImportRow) => [...new Set(row.emails.map((e) => e.trim().toLowerCase()))];
      const urls = [...new Set(rows.flatMap((r) => (r.linkedinUrl ? [r.linkedinUrl] : [])))];
      const emails = [...new Set(rows.flatMap(lower))];
      const [urlHits, emailHits] = await Promise.all([
        Promise.all(urls.map((u) => leads.index('byLinkedinUrl').get(u))),
        Promise.all(emails.map((e) => leads.index('byEmail').get(e))),
      ]);
      const byUrl = new Map<string, Lead | undefined>(urls.map((u, i) => [u, urlHits[i] && plainLead(urlHits[i])]));
      const byEmail = new Map<string, Lead | undefined>(emails.map((e, i) => [e, emailHits[i] && plainLead(emailHits[i])]));
      // The latest version of each lead touched by the batch (a lookup may return an older copy).
      const current = new Map<string, Lead>();
      const latest = (lead: Lead | undefined) => (lead ? (current.get(lead.id) ?? lead) : undefined);
      const results: ImportResult[] = [];
      for (const row of rows) {
        const rowEmails = lower(row);
        const existing = latest((row.linkedinUrl ? byUrl.get(row.linkedinUrl) : undefined) ?? rowEmails.map((e) => byEmail.get(e)).find(Boolean));
        const stage = row.stage && settings.stages.some((s) => s.id === row.stage) ? row.stage : null;
        const incoming = newLead({ ...row, emails: rowEmails }, settings, at, stage);
        // A merge fills descriptive fields only: stage, BANT and touchpoints (so the temperature) stay.
        const draft = existing ? mergeLeads(existing, { ...incoming, stage: existing.stage, stageHistory: [], reached: [] }, settings.stages) : incoming;
        const parsed = leadSchema.safeParse({ ...draft, updatedAt: at });
        if (!parsed.success) {
          results.push({ line: row.line, status: 'error', reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
          continue;
        }
        const lead = existing ? parsed.data : withTemperature(parsed.data, [], now, settings);
        // The row's URL or an email may belong to another lead: report the row rather than abort the batch.
        const urlOwner = lead.linkedinUrl ? latest(byUrl.get(lead.linkedinUrl)) : undefined;
        const emailClash = rowEmails.find((e) => {
          const owner = latest(byEmail.get(e));
          return owner && owner.id !== lead.id;
        });
        if (urlOwner && urlOwner.id !== lead.id && lead.linkedinUrl !== existing?.linkedinUrl) {
          results.push({ line: row.line, status: 'error', reason: `${lead.linkedinUrl} already belongs to ${urlOwner.name}` });
          continue;
        }
        if (emailClash) {
          results.push({ line: row.line, status: 'error', reason: `${emailClash} already belongs to ${latest(byEmail.get(emailClash))!.name}` });
          continue;
        }
        if (agg) applyChange(agg, existing, lead, settings.stages);
        current.set(lead.id, lead);
        if (lead.linkedinUrl) byUrl.set(lead.linkedinUrl, lead);
        for (const e of lead.emails) byEmail.set(e, lead);
        results.push({ line: row.line, status: existing ? 'merged' : 'created', id: lead.id });
      }
      await Promise.all([...current.values()].map((lead) => leads.put(toStored(lead, settings.stages))));
      if (agg) await tx.objectStore('meta').put(agg);
      return results;
    });
  }

  /** Drops trash batches older than `days`. */
  async purgeTrash(days = 30): Promise<number> {
    const cutoff = new Date(this.now().getTime() - days * 86_400_000).toISOString();
    const tx = this.db.transaction('trash', 'readwrite');
    let purged = 0;
    let cursor = await tx.store.index('byAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
    while (cursor) {
      await cursor.delete();
      purged++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return purged;
  }

  /** Changes or removes (change returns null) one touchpoint, then recomputes its lead. */
  private async touchpointWrite(id: string, change: (tp: Touchpoint) => Touchpoint | null): Promise<Lead> {
    const now = this.now();
    const tx = this.db.transaction(STORES, 'readwrite');
    return commit(tx, async () => {
      const tp = await tx.objectStore('touchpoints').get(id);
      if (!tp) throw new NotFoundError(`No touchpoint with id ${id}.`);
      const before = await tx.objectStore('leads').get(tp.leadId);
      if (!before) throw new NotFoundError(`No lead with id ${tp.leadId}.`);
      const next = change(tp);
      if (next) await tx.objectStore('touchpoints').put({ ...next, id, leadId: tp.leadId });
      else await tx.objectStore('touchpoints').delete(id);
      const settings = readSettings(await tx.objectStore('meta').get('settings'));
      const all = await tx.objectStore('touchpoints').index('byLead').getAll(byLeadRange(before.id));
      const after = withTemperature({ ...before, lastTouchAt: engagementOf(all).lastContactAt, updatedAt: now.toISOString() }, all, now, settings);
      await tx.objectStore('leads').put(toStored(after, settings.stages));
      await updateAggregates(tx, before, after, settings);
      return after;
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
    const touchpoints = await tx.objectStore('touchpoints').index('byLead').getAll(byLeadRange(id));
    after = withTemperature(after, touchpoints, now, settings);
    await tx.objectStore('leads').put(toStored(after, settings.stages));
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

/** Every touchpoint key of one lead in the `byLead` index (`[leadId, at]`). */
function byLeadRange(leadId: string): IDBKeyRange {
  return IDBKeyRange.bound([leadId, ''], [leadId, '\uffff']);
}

/** A new lead record from captured or imported fields, in `stage` (default: the first). */
function newLead(fields: CaptureFields & { dealValue?: number | null; tags?: string[]; notes?: string }, settings: Settings, at: string, stage: string | null): Lead {
  const first = stage ?? settings.stages[0]!.id;
  return {
    id: crypto.randomUUID(),
    name: fields.name,
    headline: fields.headline ?? null,
    company: fields.company ?? null,
    location: fields.location ?? null,
    linkedinUrl: fields.linkedinUrl ?? null,
    photoUrl: fields.photoUrl ?? null,
    emails: fields.emails ?? [],
    source: fields.source,
    stage: first,
    reached: stagesUpTo(first, settings.stages),
    stageHistory: [{ from: null, to: first, at }],
    lost: null,
    later: null,
    qualification: { ...EMPTY_QUALIFICATION },
    temperature: null,
    temperatureReasons: [],
    temperatureOverride: null,
    dealValue: fields.dealValue ?? null,
    currency: settings.currency,
    expectedCloseOn: null,
    nextFollowUpOn: null,
    tags: fields.tags ?? [],
    notes: fields.notes ?? '',
    lastTouchAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** The stored aggregates when current (to patch in place), else null: the next read rebuilds them. */
async function liveAggregates(tx: WriteTx): Promise<Aggregates | null> {
  const stored = (await tx.objectStore('meta').get('aggregates')) as Aggregates | undefined;
  return stored?.version === AGGREGATES_VERSION ? stored : null;
}

async function updateAggregates(tx: WriteTx, before: Lead | undefined, after: Lead | undefined, settings: Settings) {
  const agg = await liveAggregates(tx);
  if (!agg) return;
  applyChange(agg, before, after, settings.stages);
  await tx.objectStore('meta').put(agg);
}

export { DEFAULT_SETTINGS };
