/**
 * Keeps leads linked to their company records inside a write transaction: a lead whose company
 * name changed (or a new lead) is linked to the company of that folded name, made if there is
 * none; every company whose people changed gets its figures patched once, at the end of the
 * transaction, by what the transaction changed (the old contribution of each lead out, the new one
 * in, as the popup's aggregates are), so a write costs the same in a company of 5 or of 5,000.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import {
  addToStats,
  companyKey,
  companyStats,
  leadDomain,
  mergeStats,
  newCompany,
  toStoredCompany,
  type CompanyFields,
  type CompanyStats,
  type StoredCompany,
} from '../pipeline/company';
import type { Lead } from '../pipeline/model';
import type { LeadlineDB } from './schema';

type Stores = StoreNames<LeadlineDB>[];
export type CompanyStore = IDBPObjectStore<LeadlineDB, Stores, 'companies', 'readwrite'>;
export type LeadStore = IDBPObjectStore<LeadlineDB, Stores, 'leads', 'readwrite'>;

/** Fields whose change alters a company's figures. */
const counted = (a: Lead, b: Lead) => a.companyId !== b.companyId || a.stage !== b.stage || a.dealValue !== b.dealValue || a.currency !== b.currency;

export class CompanyLinks {
  /** Per company, the change of its figures this transaction made so far. */
  private readonly deltas = new Map<string, CompanyStats>();

  constructor(
    private readonly companies: () => CompanyStore,
    private readonly leads: () => LeadStore,
    private readonly at: string,
  ) {}

  /** Notes the companies a lead change concerns (called for every accounted change). */
  touch(before: Lead | undefined, after: Lead | undefined): void {
    if (before && after && !counted(before, after)) return;
    if (before?.companyId) addToStats(this.delta(before.companyId), before, -1);
    if (after?.companyId) addToStats(this.delta(after.companyId), after, 1);
  }

  private delta(companyId: string): CompanyStats {
    let delta = this.deltas.get(companyId);
    if (!delta) this.deltas.set(companyId, (delta = companyStats([])));
    return delta;
  }

  /** The lead with its company link brought up to date (see the module comment); writes companies it makes. */
  async link(before: Lead | undefined, after: Lead): Promise<Lead> {
    const companyId = after.companyId ?? null;
    // A link the caller chose in this write (a capture from a company link, "Save company") stands.
    if (companyId && companyId !== (before?.companyId ?? null)) return after;
    const name = after.company?.trim() || null;
    const renamed = !before || companyKey(before.company ?? '') !== companyKey(name ?? '');
    if (!renamed && (companyId || !name)) return after;
    const domain = leadDomain(after);
    if (!name) {
      // The company name was removed: a work email still names the company, or none does.
      const byDomain = domain ? await this.companies().index('byDomain').get(domain) : undefined;
      return { ...after, companyId: byDomain?.id ?? null };
    }
    const found = await this.byName(name);
    if (found) {
      if (!before && !found.domain && domain && !(await this.companies().index('byDomain').getKey(domain))) {
        await this.companies().put({ ...found, domain, updatedAt: this.at });
      }
      return { ...after, companyId: found.id };
    }
    const free = domain && !(await this.companies().index('byDomain').getKey(domain)) ? domain : null;
    const made = await this.create({ name, domain: free });
    return { ...after, companyId: made.id };
  }

  /**
   * The company these fields name: by LinkedIn company URL, then by folded name (one that has no
   * other LinkedIn URL), then by domain; made when none is found. A found company gains the
   * LinkedIn URL and domain it lacked (unless another company has them); with `refresh` every
   * field the caller read (a company page) replaces the stored one.
   */
  async findOrCreate(fields: CompanyFields, refresh = false): Promise<StoredCompany> {
    const store = this.companies();
    const url = fields.linkedinUrl ?? null;
    const domain = fields.domain ?? null;
    const found =
      (url ? await store.index('byLinkedinUrl').get(url) : undefined) ??
      (await this.byName(fields.name, url)) ??
      (domain ? await store.index('byDomain').get(domain) : undefined);
    if (!found) return this.create(fields);
    const next: StoredCompany = { ...found };
    if (url && !found.linkedinUrl && !(await store.index('byLinkedinUrl').getKey(url))) next.linkedinUrl = url;
    if (domain && !found.domain && !(await store.index('byDomain').getKey(domain))) next.domain = domain;
    if (refresh) {
      next.name = fields.name;
      for (const field of ['website', 'industry', 'headquarters', 'size'] as const) if (fields[field]) next[field] = fields[field]!;
    } else {
      for (const field of ['website', 'industry', 'headquarters', 'size'] as const) next[field] ??= fields[field] ?? null;
    }
    if (JSON.stringify(next) === JSON.stringify(found)) return found;
    const stored = toStoredCompany({ ...next, updatedAt: this.at }, found.stats);
    await store.put(stored);
    return stored;
  }

  /** Patches the figures of every company this transaction changed. */
  async flush(): Promise<void> {
    const store = this.companies();
    for (const [id, delta] of this.deltas) {
      const company = await store.get(id);
      if (!company) continue;
      await store.put(toStoredCompany(company, mergeStats(company.stats, delta)));
    }
    this.deltas.clear();
  }

  private async byName(name: string, linkedinUrl: string | null = null): Promise<StoredCompany | undefined> {
    const same = await this.companies().index('byName').getAll(companyKey(name));
    return same.find((c) => !linkedinUrl || !c.linkedinUrl || c.linkedinUrl === linkedinUrl);
  }

  private async create(fields: CompanyFields): Promise<StoredCompany> {
    const stored = toStoredCompany(newCompany(fields, crypto.randomUUID(), this.at), companyStats([]));
    await this.companies().add(stored);
    return stored;
  }
}
