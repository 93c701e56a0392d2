/** Companies: finding one a page shows, saving it, its people, and the Accounts view's pages. */
import { companyKey, type AccountSort, type CompanyFields, type StoredCompany } from '../pipeline/company';
import type { Lead } from '../pipeline/model';
import type { CompanyPerson, CompanyRow, CompanyView } from '../messaging/protocol';
import type { Db } from './schema';
import { NotFoundError, write } from './tx';

/** How many of a company's people a company view carries. */
export const COMPANY_PEOPLE = 50;

const SORT_INDEX: Record<AccountSort, 'byName' | 'sort.people' | 'sort.value'> = { name: 'byName', people: 'sort.people', value: 'sort.value' };

export function companyRow(stored: StoredCompany): CompanyRow {
  const { sort: _k, ...row } = stored;
  return row;
}

export function companyPerson(lead: Lead): CompanyPerson {
  return {
    id: lead.id,
    name: lead.name,
    headline: lead.headline,
    stage: lead.stage,
    temperature: lead.temperature,
    dealValue: lead.dealValue,
    currency: lead.currency,
  };
}

export class CompanyRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The company a page shows: by its LinkedIn company URL, then its domain, then its folded name. */
  async find(q: { linkedinUrl?: string | null; domain?: string | null; name?: string | null }): Promise<StoredCompany | undefined> {
    if (q.linkedinUrl) {
      const hit = await this.db.getFromIndex('companies', 'byLinkedinUrl', q.linkedinUrl);
      if (hit) return hit;
    }
    if (q.domain) {
      const hit = await this.db.getFromIndex('companies', 'byDomain', q.domain);
      if (hit) return hit;
    }
    if (!q.name) return undefined;
    // A company of that name with another LinkedIn page is another company.
    const same = await this.db.getAllFromIndex('companies', 'byName', companyKey(q.name));
    return same.find((c) => !q.linkedinUrl || !c.linkedinUrl || c.linkedinUrl === q.linkedinUrl);
  }

  async view(company: StoredCompany, limit = COMPANY_PEOPLE): Promise<CompanyView> {
    const people: Lead[] = [];
    let cursor = await this.db.transaction('leads').store.index('byCompany').openCursor(company.id);
    while (cursor && people.length < limit) {
      people.push(cursor.value);
      cursor = await cursor.continue();
    }
    people.sort((a, b) => a.name.localeCompare(b.name));
    return { company: companyRow(company), people: people.map(companyPerson) };
  }

  async get(id: string): Promise<CompanyView> {
    const company = await this.db.get('companies', id);
    if (!company) throw new NotFoundError('company_not_found', `No company with id ${id}.`, { id });
    return this.view(company);
  }

  /**
   * Saves what a company page shows: the company it names (by LinkedIn URL, name or domain) takes
   * the page's fields, or a new company is made. Returns it with its people.
   */
  async save(fields: CompanyFields): Promise<CompanyView> {
    const company = await write(this.db, this.now(), (w) => w.companyLinks.findOrCreate(fields, true));
    return this.view(company);
  }

  /** One page of companies in the Accounts view's order (through the sort's index). */
  async table(q: { sort: AccountSort; desc: boolean; offset: number; limit: number }): Promise<{ total: number; offset: number; rows: CompanyRow[] }> {
    const store = this.db.transaction('companies').store;
    const total = await store.count();
    const rows: CompanyRow[] = [];
    let cursor = await store.index(SORT_INDEX[q.sort]).openCursor(null, q.desc ? 'prev' : 'next');
    if (cursor && q.offset > 0) cursor = await cursor.advance(q.offset);
    while (cursor && rows.length < q.limit) {
      rows.push(companyRow(cursor.value));
      cursor = await cursor.continue();
    }
    return { total, offset: q.offset, rows };
  }
}
