/** Reads a LinkedIn company page (`/company/<slug>/` and its tabs). Pure: no browser APIs. */
import { firstOf } from './extract';
import { COMPANY_HEADQUARTERS, COMPANY_INDUSTRY, COMPANY_NAME, COMPANY_SELF_LINK, COMPANY_SIZE, COMPANY_WEBSITE } from './selectors';
import { canonicalCompanyUrl } from './url';

export const COMPANY_FIELDS = ['name', 'linkedinUrl', 'website', 'domain', 'industry', 'headquarters', 'size'] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];

export interface CompanyExtraction {
  /** Fields found on the page; a field that was not found is absent, never empty. */
  found: Partial<Record<CompanyField, string>>;
  missing: CompanyField[];
  /** For each found field, the era of the selector rung (or 'page address') that found it. */
  via: Partial<Record<CompanyField, string>>;
}

function isExternalHttp(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/(^|\.)linkedin\.com$/.test(url.hostname);
  } catch {
    return false;
  }
}

/** The registrable-looking host of a website address without `www.`, lower-cased, or null. */
export function domainOf(website: string): string | null {
  try {
    const host = new URL(website).hostname.toLowerCase().replace(/\.$/, '');
    return host.replace(/^www\d*\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Extracts name, canonical LinkedIn URL, website and its domain, industry, headquarters and size
 * from a company page. `url` is the page address (`location.href`).
 */
export function extractCompany(root: ParentNode, url: string): CompanyExtraction {
  const found: CompanyExtraction['found'] = {};
  const via: CompanyExtraction['via'] = {};
  const put = (field: CompanyField, hit: { value: string; era: string } | null) => {
    if (hit) {
      found[field] = hit.value;
      via[field] = hit.era;
    }
  };

  put('name', firstOf(root, COMPANY_NAME));
  const fromAddress = canonicalCompanyUrl(url);
  if (fromAddress) put('linkedinUrl', { value: fromAddress, era: 'page address' });
  else {
    const hit = firstOf(root, COMPANY_SELF_LINK, (v) => canonicalCompanyUrl(new URL(v, 'https://www.linkedin.com').href) !== null);
    if (hit) put('linkedinUrl', { value: canonicalCompanyUrl(new URL(hit.value, 'https://www.linkedin.com').href)!, era: hit.era });
  }
  put('website', firstOf(root, COMPANY_WEBSITE, isExternalHttp));
  if (found.website !== undefined) {
    const domain = domainOf(found.website);
    if (domain) put('domain', { value: domain, era: 'website' });
  }
  put('industry', firstOf(root, COMPANY_INDUSTRY));
  put('headquarters', firstOf(root, COMPANY_HEADQUARTERS));
  put('size', firstOf(root, COMPANY_SIZE));

  return { found, via, missing: COMPANY_FIELDS.filter((f) => found[f] === undefined) };
}
