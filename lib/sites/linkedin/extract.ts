/** Reads a LinkedIn profile page. Pure: no browser APIs, no network, no UI. */
import { canonicalProfileUrl, profileSlug } from './url';
import { CANONICAL_URL, COMPANY, HEADLINE, LOCATION, NAME, PHOTO, type Candidate } from './selectors';

export const PROFILE_FIELDS = ['name', 'headline', 'company', 'location', 'linkedinUrl'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ProfileExtraction {
  /** Fields found on the page; a field that was not found is absent, never empty. */
  found: Partial<Record<ProfileField | 'photoUrl', string>>;
  /** The profile fields that could not be read (photo is optional and never listed). */
  missing: ProfileField[];
  /** For each found field, the era of the selector rung that found it. */
  via: Partial<Record<ProfileField | 'photoUrl', string>>;
  /** The profile slug the page content itself points at, when it says (2024+ markup). */
  contentSlug: string | null;
}

/** Collapses white space; null for nothing left. */
export function cleanText(text: string | null | undefined): string | null {
  const cleaned = (text ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** The cleaned value one candidate reads in `root`, or null. */
export function readCandidate(root: ParentNode, candidate: Candidate): string | null {
  const el = root.querySelector(candidate.selector);
  if (!el) return null;
  if (candidate.read) return cleanText(candidate.read(el, root));
  return cleanText(candidate.attr ? el.getAttribute(candidate.attr) : el.textContent);
}

/** The first candidate that reads an accepted value in `root`, with the era of its rung. */
export function firstOf(root: ParentNode, candidates: Candidate[], accept: (v: string) => boolean = () => true): { value: string; era: string } | null {
  for (const candidate of candidates) {
    const value = readCandidate(root, candidate);
    if (value !== null && accept(value)) return { value, era: candidate.era };
  }
  return null;
}

const isHttpsUrl = (v: string) => /^https:\/\/[^\s]+$/.test(v);

/**
 * Extracts name, headline, current company, location, canonical profile URL and photo from a
 * profile page. `url` is the page address (`location.href` in a content script).
 */
export function extract(root: ParentNode, url: string): ProfileExtraction {
  const found: ProfileExtraction['found'] = {};
  const via: ProfileExtraction['via'] = {};
  const put = (field: ProfileField | 'photoUrl', hit: { value: string; era: string } | null) => {
    if (hit) {
      found[field] = hit.value;
      via[field] = hit.era;
    }
  };

  put('name', firstOf(root, NAME));
  put('headline', firstOf(root, HEADLINE));
  put('company', firstOf(root, COMPANY));
  put('location', firstOf(root, LOCATION));
  put('photoUrl', firstOf(root, PHOTO, isHttpsUrl));

  const fromAddress = canonicalProfileUrl(url);
  if (fromAddress) put('linkedinUrl', { value: fromAddress, era: 'page address' });
  else {
    const hit = firstOf(root, CANONICAL_URL, (v) => canonicalProfileUrl(v) !== null);
    if (hit) put('linkedinUrl', { value: canonicalProfileUrl(hit.value)!, era: hit.era });
  }

  const aboutLink = root.querySelector('a[href*="/overlay/about-this-profile/"]')?.getAttribute('href');
  const contentSlug = aboutLink ? profileSlug(new URL(aboutLink, 'https://www.linkedin.com').href) : null;

  return { found, via, missing: PROFILE_FIELDS.filter((f) => found[f] === undefined), contentSlug };
}
