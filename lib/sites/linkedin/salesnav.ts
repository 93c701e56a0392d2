/** Reads a Sales Navigator lead page (`/sales/lead/…`, `/sales/people/…`). Pure: no browser APIs. */
import { firstOf } from './extract';
import { SALES_COMPANY, SALES_COMPANY_LINK, SALES_HEADLINE, SALES_LOCATION, SALES_NAME, SALES_PUBLIC_PROFILE_AREA, SALES_TITLE } from './selectors';
import { canonicalSalesLeadUrl, profileLink } from './url';

export const SALES_LEAD_FIELDS = ['name', 'headline', 'company', 'location', 'salesUrl', 'publicProfileUrl'] as const;
export type SalesLeadField = (typeof SALES_LEAD_FIELDS)[number];

export interface SalesLeadExtraction {
  /** Fields found on the page; a field that was not found is absent, never empty. */
  found: Partial<Record<SalesLeadField | 'title' | 'companySalesUrl', string>>;
  /** Lead fields that could not be read (title and the Sales Navigator company link are extras). */
  missing: SalesLeadField[];
  via: Partial<Record<SalesLeadField | 'title' | 'companySalesUrl', string>>;
}

/**
 * Extracts name, headline, current title and company, location, the lead's Sales Navigator URL
 * (`https://www.linkedin.com/sales/lead/<id>`) and its public profile URL when the page shows one.
 */
export function extractSalesLead(root: ParentNode, url: string): SalesLeadExtraction {
  const found: SalesLeadExtraction['found'] = {};
  const via: SalesLeadExtraction['via'] = {};
  const put = (field: keyof SalesLeadExtraction['found'], hit: { value: string; era: string } | null) => {
    if (hit) {
      found[field] = hit.value;
      via[field] = hit.era;
    }
  };

  put('name', firstOf(root, SALES_NAME));
  put('headline', firstOf(root, SALES_HEADLINE));
  put('title', firstOf(root, SALES_TITLE));
  put('company', firstOf(root, SALES_COMPANY));
  const companyLink = firstOf(root, SALES_COMPANY_LINK);
  if (companyLink) put('companySalesUrl', { value: companyLink.value.split('?')[0]!, era: companyLink.era });
  put('location', firstOf(root, SALES_LOCATION));
  const salesUrl = canonicalSalesLeadUrl(url);
  if (salesUrl) put('salesUrl', { value: salesUrl, era: 'page address' });
  const publicProfile = firstOf(root, SALES_PUBLIC_PROFILE_AREA, (v) => profileLink(v)?.kind === 'vanity');
  if (publicProfile) put('publicProfileUrl', { value: profileLink(publicProfile.value)!.url, era: publicProfile.era });

  return { found, via, missing: SALES_LEAD_FIELDS.filter((f) => found[f] === undefined) };
}
