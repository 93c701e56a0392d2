/**
 * What a profile page says beyond its visible fields: the LinkedIn page of the current company,
 * and the member id (`ACoAA…`) messaging and search rows name the person by. Pure: no browser APIs.
 */
import { cleanText, firstOf } from './extract';
import type { Candidate } from './selectors';
import { canonicalCompanyUrl, canonicalProfileUrl, companySlug, memberIdOf } from './url';

/**
 * The link to the current company, era by era (tests/fixtures/linkedin, README there). Each rung
 * reads a link and the text around it; the link counts only when that text names the company the
 * profile extraction found, so a past position is never taken for the current one.
 */
export const CURRENT_COMPANY_LINK: Candidate[] = [
  {
    selector: 'a[data-tracking-control-name="public_profile_topcard-current-company"][href*="/company/"]',
    era: '2023-04 public profile (top card)',
    read: (a) => linkWithContext(a, a),
  },
  // The first position's logo links its company: `/company/<numeric id>/` (2022-03 kireetagrawal
  // links https://www.linkedin.com/company/79595738, Gantry); a company without a page links a search.
  {
    selector: '#experience',
    era: '2022-03..2026-05 logged-in (first position of the experience section)',
    read: (anchor) => {
      const a = anchor.parentElement?.querySelector('a[data-field="experience_company_logo"]') ?? null;
      return a ? linkWithContext(a, a.closest('li') ?? a) : null;
    },
  },
  {
    selector: 'a[data-control-name="background_details_company"][href*="/company/"]',
    era: '2018-04..2018-12 logged-in (first position)',
    read: (a) => linkWithContext(a, a.closest('li') ?? a),
  },
];

// A read packs the link and its context into one string for `firstOf`; split again below.
const SEPARATOR = '\u241e';

function linkWithContext(a: Element, context: Element): string | null {
  const href = a.getAttribute('href');
  return href ? `${href}${SEPARATOR}${context.textContent ?? ''}` : null;
}

/** `https://www.linkedin.com/company/<slug or id>/` of the current company named `company`, or null. */
export function currentCompanyUrl(root: ParentNode, company: string | null | undefined): { url: string; era: string } | null {
  const name = cleanText(company);
  if (!name) return null;
  const hit = firstOf(root, CURRENT_COMPANY_LINK, (packed) => {
    const [href, context] = packed.split(SEPARATOR);
    return !!href && companySlug(absolute(href)) !== null && (cleanText(context) ?? '').includes(name);
  });
  if (!hit) return null;
  const url = canonicalCompanyUrl(absolute(hit.value.split(SEPARATOR)[0]!));
  return url ? { url, era: hit.era } : null;
}

function absolute(href: string): string {
  try {
    return new URL(href, 'https://www.linkedin.com').href;
  } catch {
    return '';
  }
}

const PROFILE_URN = /^urn:li:(?:fsd_profile|fs_miniProfile|fs_profile):(ACoAA[A-Za-z0-9_-]{30,40})$/;

/**
 * The member id of the profile whose vanity slug is `slug`, from the data blobs a server-rendered
 * profile page carries (`<code>` elements holding JSON): the object with that `publicIdentifier`
 * names the member in its `entityUrn` or `dashEntityUrn` (2018-04 jeffweiner08:
 * `urn:li:fs_miniProfile:ACoAAAFUu6s…`; 2024-07 eduardo-alvarez-nowak: `urn:li:fsd_profile:ACoAABS9…`).
 * The viewer's own profile is in the same blobs under their own slug, so only the slug decides.
 * Null when no blob names the slug (public pages, 2018-12 saves, in-app navigations).
 */
export function memberIdOnProfile(root: ParentNode, slug: string | null): string | null {
  if (!slug) return null;
  const needle = `"publicIdentifier":"${slug}"`;
  for (const code of root.querySelectorAll('code')) {
    const text = code.textContent ?? '';
    if (!text.includes(needle)) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const found = findMember(data, slug, 0);
    if (found) return found;
  }
  return null;
}

function findMember(node: unknown, slug: string, depth: number): string | null {
  if (!node || typeof node !== 'object' || depth > 12) return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const hit = findMember(item, slug, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  if (record.publicIdentifier === slug) {
    for (const key of ['entityUrn', 'dashEntityUrn']) {
      const match = typeof record[key] === 'string' ? PROFILE_URN.exec(record[key]) : null;
      if (match) return match[1]!;
    }
  }
  for (const value of Object.values(record)) {
    const hit = findMember(value, slug, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * The member id a list row names its person by: the `miniProfileUrn` its link to that person
 * carries (2026-05 Ember search: `/in/malgorzatatoron?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAEDwhd0…`),
 * or the member id of a member-id profile link. Links to other people in the row (mutual
 * connections) are not this person's. SDUI rows (2026-05) carry no such link: null.
 */
export function rowMemberId(row: Element, profileUrl: string): string | null {
  const own = memberIdOf(profileUrl);
  if (own) return own;
  for (const a of row.querySelectorAll('a[href*="miniProfileUrn="]')) {
    const href = absolute(a.getAttribute('href') ?? '');
    if (!href || canonicalProfileUrl(href) !== profileUrl) continue;
    const urn = new URL(href).searchParams.get('miniProfileUrn') ?? '';
    const match = PROFILE_URN.exec(urn);
    if (match) return match[1]!;
  }
  return null;
}
