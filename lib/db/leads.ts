/** Leads: reading them, capturing new ones, edits and stage moves. */
import { lead as leadSchema, type Lead } from '../pipeline/model';
import { newLead, normaliseEmails } from '../pipeline/lead';
import { moveLead, isClosedOrParked, type StageMove } from '../pipeline/stages';
import { withTemperature } from '../pipeline/temperature';
import type { CaptureFields, FieldConflict, LeadPatch } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { Db } from './schema';
import { fold } from '../pipeline/search';
import { plainLead } from './stored';
import { NotFoundError, write, type Writer } from './tx';
import type { SettingsStore } from './settings-store';
import type { TouchpointRepository } from './touchpoints';

export class LeadRepository {
  constructor(
    private readonly db: Db,
    private readonly settings: SettingsStore,
    private readonly touchpoints: TouchpointRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(id: string): Promise<Lead | undefined> {
    return this.db.get('leads', id);
  }

  async mustGet(id: string): Promise<Lead> {
    const lead = await this.get(id);
    if (!lead) throw new NotFoundError('lead_not_found', `No lead with id ${id}.`, { id });
    return lead;
  }

  async findByLinkedinUrl(url: string): Promise<Lead | undefined> {
    return this.db.getFromIndex('leads', 'byLinkedinUrl', url);
  }

  /** Emails are stored lower-cased: the lookup folds the case of the address it is given. */
  async findByEmail(email: string): Promise<Lead | undefined> {
    return this.db.getFromIndex('leads', 'byEmail', email.trim().toLowerCase());
  }

  /** Leads with exactly this name (an exact index lookup) and, when given, the same company (case and outer spaces ignored). */
  async possibleDuplicates(name: string, company: string | null, excludeId?: string): Promise<Lead[]> {
    const same = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
    const candidates = await this.db.getAllFromIndex('leads', 'byName', name.trim());
    return candidates.filter((l) => l.id !== excludeId && same(l.name, name) && (company === null || same(l.company, company)));
  }

  /**
   * The same person under another address: leads whose folded name is this one's and that share
   * the company (folded) or an email domain. A Gmail participant is offered these to link.
   */
  async samePerson(name: string, company: string | null, domain: string | null): Promise<Lead[]> {
    const candidates = await this.db.getAllFromIndex('leads', 'sort.name', fold(name.trim()));
    const sameCompany = (l: Lead) => !!company && !!l.company && fold(l.company.trim()) === fold(company.trim());
    const sameDomain = (l: Lead) => !!domain && l.emails.some((e) => e.split('@')[1] === domain);
    return candidates.filter((l) => sameCompany(l) || sameDomain(l)).map(plainLead);
  }

  /** Where to open a lead: its LinkedIn profile, else the thread of its last logged email. */
  async openUrlOf(lead: Lead): Promise<string | null> {
    if (lead.linkedinUrl) return lead.linkedinUrl;
    const recent = await this.touchpoints.of(lead.id, 20);
    return recent.find((t) => t.channel === 'email' && t.url)?.url ?? null;
  }

  /** Open leads with a follow-up on or before `today`, oldest first. */
  async dueFollowUps(today: string, limit = 20): Promise<Lead[]> {
    const { stages } = await this.settings.get();
    const out: Lead[] = [];
    let cursor = await this.db.transaction('leads').store.index('byFollowUp').openCursor(IDBKeyRange.upperBound(today));
    while (cursor && out.length < limit) {
      if (!isClosedOrParked(cursor.value, stages)) out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /**
   * Stores a new lead, or returns the existing one with the same LinkedIn URL, member id, Sales
   * Navigator page or email. The lookup and the insert share one transaction, so concurrent
   * captures end with one lead.
   */
  async capture(fields: CaptureFields): Promise<{ lead: Lead; created: boolean }> {
    return write(this.db, this.now(), (w) => captureIn(w, fields));
  }

  /** Captures many people in one transaction (a batch of a list): each is created or found, in order. */
  async captureMany(rows: CaptureFields[]): Promise<{ lead: Lead; created: boolean }[]> {
    return write(this.db, this.now(), async (w) => {
      const results: { lead: Lead; created: boolean }[] = [];
      for (const row of rows) results.push(await captureIn(w, row));
      return results;
    });
  }

  /** For each person of a list, the lead with that profile URL or member id, or undefined (one read transaction). */
  async findMany(keys: { linkedinUrl?: string; linkedinMemberId?: string }[]): Promise<(Lead | undefined)[]> {
    const store = this.db.transaction('leads').store;
    return Promise.all(
      keys.map(
        async (k) =>
          (k.linkedinUrl ? await store.index('byLinkedinUrl').get(k.linkedinUrl) : undefined) ??
          (k.linkedinMemberId ? await store.index('byMemberId').get(k.linkedinMemberId) : undefined),
      ),
    );
  }

  async findByMemberId(memberId: string): Promise<Lead | undefined> {
    return this.db.getFromIndex('leads', 'byMemberId', memberId);
  }

  async findBySalesNavUrl(url: string): Promise<Lead | undefined> {
    return this.db.getFromIndex('leads', 'bySalesNav', url);
  }

  /**
   * Leads with the same folded name that may be a person seen elsewhere (a messaging partner, a
   * Sales Navigator lead): with `company`, only those with the same folded company or none; `other`
   * drops leads known to be someone else (they carry another id of the same kind).
   */
  async namesakes(name: string, company: string | null, other: (lead: Lead) => boolean = () => false): Promise<Lead[]> {
    const candidates = await this.db.getAllFromIndex('leads', 'sort.name', fold(name.trim()));
    const sameCompany = (l: Lead) => !company || !l.company || fold(l.company.trim()) === fold(company.trim());
    return candidates.filter((l) => sameCompany(l) && !other(l)).map(plainLead);
  }

  /**
   * Applies a user edit, validated as a whole lead. With `base` (each edited field's value when the
   * edit began), a field changed elsewhere since then is left as stored and returned as a conflict;
   * the other fields are saved. Edits of different fields in two places thus merge.
   */
  async update(id: string, patch: LeadPatch, base?: Record<string, unknown>): Promise<{ lead: Lead; conflicts: FieldConflict[] }> {
    const conflicts: FieldConflict[] = [];
    const lead = await this.change(id, (stored) => {
      const next: Lead = { ...stored };
      for (const field of Object.keys(patch) as (keyof LeadPatch)[]) {
        const mine = normalised(field, field === 'qualification' ? { ...stored.qualification, ...patch.qualification } : patch[field]);
        const theirs = stored[field];
        // BANT answers merge one by one (above); every other field is checked against its base.
        if (base && field !== 'qualification' && Object.hasOwn(base, field) && !same(normalised(field, base[field]), theirs) && !same(mine, theirs)) {
          conflicts.push({ field, mine, theirs });
          continue;
        }
        (next as Record<string, unknown>)[field] = mine;
      }
      return next;
    });
    return { lead, conflicts };
  }

  async move(id: string, move: StageMove): Promise<Lead> {
    return this.change(id, (lead, settings, now) => moveLead(lead, move, now, settings.stages));
  }

  /** Reads, changes, validates and writes one lead in one transaction, its temperature recomputed. */
  private async change(id: string, change: (lead: Lead, settings: Settings, now: Date) => Lead): Promise<Lead> {
    return write(this.db, this.now(), async (w: Writer) => {
      const before = await w.leads.get(id);
      if (!before) throw new NotFoundError('lead_not_found', `No lead with id ${id}.`, { id });
      const changed = leadSchema.parse({ ...change(before, w.settings, w.now), id, updatedAt: w.now.toISOString() });
      const after = withTemperature(changed, await w.touchpointsOf(id), w.now, w.settings);
      return w.putLead(before, after);
    });
  }
}

/** Capture inside an open write (one person of `capture` or `captureMany`). */
async function captureIn(w: Writer, fields: CaptureFields): Promise<{ lead: Lead; created: boolean }> {
  const emails = normaliseEmails(fields.emails ?? []);
  const existing =
    (fields.linkedinUrl ? await w.leads.index('byLinkedinUrl').get(fields.linkedinUrl) : undefined) ??
    (fields.linkedinMemberId ? await w.leads.index('byMemberId').get(fields.linkedinMemberId) : undefined) ??
    (fields.salesNavUrl ? await w.leads.index('bySalesNav').get(fields.salesNavUrl) : undefined) ??
    (await firstDefined(emails.map((e) => () => w.leads.index('byEmail').get(e))));
  if (existing) return { lead: plainLead(existing), created: false };
  const at = w.now.toISOString();
  // A company link on the profile names the company exactly; otherwise the name links it (Writer.putLead).
  const company =
    fields.company && fields.companyLinkedinUrl ? await w.companyLinks.findOrCreate({ name: fields.company, linkedinUrl: fields.companyLinkedinUrl }) : null;
  const draft = newLead(
    { ...fields, emails, companyId: company?.id ?? null },
    { id: crypto.randomUUID(), at, stages: w.settings.stages, currency: w.settings.currency },
  );
  const lead = withTemperature(leadSchema.parse({ ...draft, ...(w.owner ? { owner: w.owner } : {}) }), [], w.now, w.settings);
  return { lead: await w.putLead(undefined, lead), created: true };
}

/** A patched value as it is stored (emails lower-cased, each once). */
function normalised(field: keyof LeadPatch, value: unknown): unknown {
  return field === 'emails' && Array.isArray(value) ? normaliseEmails(value as string[]) : value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function firstDefined<T>(lookups: (() => Promise<T | undefined>)[]): Promise<T | undefined> {
  for (const lookup of lookups) {
    const hit = await lookup();
    if (hit !== undefined) return hit;
  }
  return undefined;
}
