/**
 * Companies: a lead's company as a record of its own (name, LinkedIn company page, domain, website,
 * industry, headquarters, size), and the per-company figures the Accounts view sorts by. Pure.
 */
import { z } from 'zod';
import { LOST } from './constants';
import type { Lead } from './model';
import { fold } from './search';
import { FREE_MAIL_DOMAINS, guessCompany } from '../sites/gmail/company';

/** The Accounts view's sort columns. */
export const ACCOUNT_SORTS = ['name', 'people', 'value'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/**
 * `https://www.linkedin.com/company/<slug or numeric id>/`, as `canonicalCompanyUrl` makes it
 * (profiles link the numeric form, `/company/1337/`; company pages show the slug).
 */
export const canonicalCompanyUrl = z.string().regex(/^https:\/\/www\.linkedin\.com\/company\/[^/?#\s]+\/$/, 'not a canonical LinkedIn company URL');

/** A host name without `www.`, lower case: `capgemini.com`. */
export const companyDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'not a domain name');

export const companyFields = z.object({
  name: trimmed(200),
  linkedinUrl: canonicalCompanyUrl.nullish(),
  domain: companyDomain.nullish(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish(),
  industry: trimmed(200).nullish(),
  headquarters: trimmed(200).nullish(),
  size: trimmed(100).nullish(),
});
export type CompanyFields = z.output<typeof companyFields>;

export const company = z.object({
  id: z.string().min(1),
  name: trimmed(200),
  linkedinUrl: canonicalCompanyUrl.nullable(),
  domain: companyDomain.nullable(),
  website: z.url({ protocol: /^https?$/ }).nullable(),
  industry: trimmed(200).nullable(),
  headquarters: trimmed(200).nullable(),
  size: trimmed(100).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Company = z.infer<typeof company>;

/** What the Accounts view shows of a company's people without reading them. */
export interface CompanyStats {
  people: number;
  /** People per stage id (`lost` and `later` included). */
  stages: Record<string, number>;
  /** Sum of deal values per currency, Lost leads left out. */
  values: Record<string, number>;
}

/** The Accounts view's sort keys, kept on the stored company for its indexes. */
export interface CompanySortKeys {
  name: string;
  people: number;
  /** Sum of `values` over currencies (leads rarely mix them); -1 when no deal value is known. */
  value: number;
}

export type StoredCompany = Company & { stats: CompanyStats; sort: CompanySortKeys };

/** The key companies are matched by name with: folded, spaces collapsed. */
export function companyKey(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

/** The domain of a work email address; null for free mail (lib/sites/gmail/company.ts) or no domain. */
export function workDomain(email: string): string | null {
  const domain = email.split('@')[1]?.trim().toLowerCase();
  if (!domain || !domain.includes('.')) return null;
  if (FREE_MAIL_DOMAINS.has(domain) || [...FREE_MAIL_DOMAINS].some((d) => domain.endsWith(`.${d}`))) return null;
  return companyDomain.safeParse(domain).success ? domain : null;
}

/** The first work domain among a lead's emails, or null. */
export function leadDomain(lead: Pick<Lead, 'emails'>): string | null {
  for (const email of lead.emails) {
    const domain = workDomain(email);
    if (domain) return domain;
  }
  return null;
}

/** A company name guessed from a work domain (`acme-corp.co.uk` → `Acme Corp`). */
export function nameFromDomain(domain: string): string | null {
  return guessCompany(`x@${domain}`);
}

export function newCompany(fields: CompanyFields, id: string, at: string): Company {
  return {
    id,
    name: fields.name,
    linkedinUrl: fields.linkedinUrl ?? null,
    domain: fields.domain ?? null,
    website: fields.website ?? null,
    industry: fields.industry ?? null,
    headquarters: fields.headquarters ?? null,
    size: fields.size ?? null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Adds one person's contribution to a company's figures (`sign` -1 takes it out). */
export function addToStats(stats: CompanyStats, lead: Pick<Lead, 'stage' | 'dealValue' | 'currency'>, sign: 1 | -1): void {
  stats.people += sign;
  stats.stages[lead.stage] = (stats.stages[lead.stage] ?? 0) + sign;
  if (lead.dealValue !== null && lead.stage !== LOST) stats.values[lead.currency] = (stats.values[lead.currency] ?? 0) + sign * lead.dealValue;
}

/** The figures of one company's people. */
export function companyStats(people: Pick<Lead, 'stage' | 'dealValue' | 'currency'>[]): CompanyStats {
  const stats: CompanyStats = { people: 0, stages: {}, values: {} };
  for (const lead of people) addToStats(stats, lead, 1);
  return mergeStats(stats, { people: 0, stages: {}, values: {} });
}

/** Figures plus a change, the same whichever way they were summed: amounts rounded, zeros dropped. */
export function mergeStats(stats: CompanyStats, delta: CompanyStats): CompanyStats {
  const add = (a: Record<string, number>, b: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      // Rounded to millionths: 1,234.56 + 0.1 − 1,234.56 would leave 0.10000000000002274.
      const sum = Math.round(((a[key] ?? 0) + (b[key] ?? 0)) * 1e6) / 1e6;
      if (sum !== 0) out[key] = sum;
    }
    return out;
  };
  return { people: stats.people + delta.people, stages: add(stats.stages, delta.stages), values: add(stats.values, delta.values) };
}

/** The record to store: the company with its figures and sort keys. */
export function toStoredCompany(company: Company, stats: CompanyStats): StoredCompany {
  const { stats: _s, sort: _k, ...plain } = company as StoredCompany;
  const amounts = Object.values(stats.values);
  return {
    ...plain,
    stats,
    sort: { name: companyKey(plain.name), people: stats.people, value: amounts.length ? amounts.reduce((a, b) => a + b, 0) : -1 },
  };
}

/** The company without its derived figures. */
export function plainCompany(stored: Company): Company {
  const { stats: _s, sort: _k, ...plain } = stored as StoredCompany;
  return plain;
}
