/**
 * LinkedIn URL knowledge.
 *
 * Profile URLs seen in the wild:
 * - https://www.linkedin.com/in/jeffweiner08/
 * - https://sg.linkedin.com/in/dulithawijewantha        (public, country subdomain)
 * - https://www.linkedin.com/in/parul-sharma-886a79227/overlay/about-this-profile/
 * - https://linkedin.com/in/Some-One?trk=public_profile  (no www, query, mixed case)
 * Not profiles: https://www.linkedin.com/feed/, https://www.linkedin.com/company/gantry/,
 * https://www.linkedin.com/in/ (no slug), https://evil.com/in/x/, https://notlinkedin.com/in/x/
 */

function linkedinHost(host: string): boolean {
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

/**
 * LinkedIn's member-id form of a profile address, `/in/ACoAA…` (39 characters), as messaging,
 * search insights and company facepiles link people; a vanity slug is what a profile page shows.
 * Seen: https://www.linkedin.com/in/ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0 (2026-06 messaging),
 * /in/ACoAADgAroQBJh1El3DFh-KvxRrTZDPJ34x28hU/ (2023-02 overlay bubble),
 * /in/ACoAAAACWRwBD8YxiDELRuT1XzLSAfN_0Ym-gog/ (2018-05 company facepile).
 */
const MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{30,40}$/;

/** The profile slug of a LinkedIn profile URL, normalised (decoded; vanity slugs lower-cased), or null. */
export function profileSlug(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!linkedinHost(url.hostname)) return null;
  const match = /^\/in\/([^/]+)/.exec(url.pathname);
  if (!match?.[1]) return null;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    return null;
  }
  slug = slug.trim();
  // Member ids are case-sensitive base64; only vanity slugs are folded to lower case.
  if (!MEMBER_ID.test(slug)) slug = slug.toLowerCase();
  return slug && slug !== 'me' ? slug : null;
}

/** True when a profile URL names the member by id (`/in/ACoAA…`) rather than by vanity slug. */
export function isMemberIdProfileUrl(href: string): boolean {
  const slug = profileSlug(href);
  return slug !== null && MEMBER_ID.test(slug);
}

/** The member id (`ACoAA…`) of a member-id profile URL, or null. */
export function memberIdOf(href: string): string | null {
  const slug = profileSlug(href);
  return slug !== null && MEMBER_ID.test(slug) ? slug : null;
}

/** A profile address as found on a page, and whether it is a vanity slug or a member id. */
export interface ProfileLink {
  /** `https://www.linkedin.com/in/<slug or member id>/`. */
  url: string;
  /** `member-id` URLs are stable but are not the `/in/<slug>/` a profile page (and a lead) has. */
  kind: 'vanity' | 'member-id';
}

/** Canonical profile link for any profile href (relative hrefs resolve against linkedin.com). */
export function profileLink(href: string | null | undefined): ProfileLink | null {
  if (!href) return null;
  let absolute: string;
  try {
    absolute = new URL(href, 'https://www.linkedin.com').href;
  } catch {
    return null;
  }
  const url = canonicalProfileUrl(absolute);
  if (url === null) return null;
  return { url, kind: isMemberIdProfileUrl(absolute) ? 'member-id' : 'vanity' };
}

function parsed(href: string): URL | null {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return linkedinHost(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/**
 * The conversation id of a messaging-thread address (`2-` + base64 of the conversation id), or null.
 * Seen: https://www.linkedin.com/messaging/thread/2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==/
 * (shared/fixtures/real/linkedin-more/README.md), also on country subdomains (de.linkedin.com).
 * Not a thread: https://www.linkedin.com/messaging/ (the inbox), https://www.linkedin.com/messaging/thread/new/.
 */
export function messagingThreadId(href: string): string | null {
  const url = parsed(href);
  const match = url && /^\/messaging\/thread\/([^/]+)/.exec(url.pathname);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return /^2-[A-Za-z0-9+/_-]+={0,2}$/.test(id) ? id : null;
}

/** True on a messaging-thread page. Overlay bubbles can be open on any LinkedIn page as well. */
export function isMessagingThread(href: string): boolean {
  return messagingThreadId(href) !== null;
}

/** `https://www.linkedin.com/messaging/thread/<id>/` for a conversation id. */
export function messagingThreadUrl(conversationId: string): string {
  return `https://www.linkedin.com/messaging/thread/${conversationId}/`;
}

/**
 * The company slug of a company page or any of its tabs, lower-cased, or null.
 * Seen: https://www.linkedin.com/company/capgemini/about/, /company/facebook/jobs/,
 * https://www.linkedin.com/company/inkubator-starter/posts/, https://www.linkedin.com/company/gantry/.
 * Not company pages: https://www.linkedin.com/sales/company/133164083 (Sales Navigator),
 * https://www.linkedin.com/school/academy-of-learning-college/.
 */
export function companySlug(href: string): string | null {
  const url = parsed(href.startsWith('/') ? `https://www.linkedin.com${href}` : href);
  const match = url && /^\/company\/([^/]+)/.exec(url.pathname);
  if (!match?.[1]) return null;
  try {
    const slug = decodeURIComponent(match[1]).trim().toLowerCase();
    return slug || null;
  } catch {
    return null;
  }
}

/** True on a company page (`/company/<slug>/` and its tabs). */
export function isCompanyPage(href: string): boolean {
  return companySlug(href) !== null;
}

/** `https://www.linkedin.com/company/<slug>/` for any company-page URL, or null. */
export function canonicalCompanyUrl(href: string): string | null {
  const slug = companySlug(href);
  return slug === null ? null : `https://www.linkedin.com/company/${encodeURIComponent(slug)}/`;
}

/**
 * True on people-search results.
 * Seen: https://www.linkedin.com/search/results/people/?keywords=doradca%20klienta,
 * https://www.linkedin.com/search/results/people/?keywords=ovb. The all-results page
 * (https://www.linkedin.com/search/results/all/?keywords=Emilia%20Kuchta) has a people section too.
 */
export function isPeopleSearch(href: string): boolean {
  const url = parsed(href);
  return url !== null && /^\/search\/results\/(people|all)\/?$/.test(url.pathname);
}

/**
 * True on "My Network" people lists.
 * Seen: https://www.linkedin.com/mynetwork/grow/ ; also https://www.linkedin.com/mynetwork/invite-connect/connections/.
 */
export function isMyNetworkList(href: string): boolean {
  const url = parsed(href);
  return url !== null && /^\/mynetwork(\/|$)/.test(url.pathname);
}

/**
 * The Sales Navigator lead id (`ACwAA…`) of a lead page, or null.
 * Seen: https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s,NAME_SEARCH,lPmx
 * and https://www.linkedin.com/sales/lead/ACwAABozmfwBRIwY1WYUYoFyRaiOIz9pr0O-3kY,NAME_SEARCH,u8r5
 * (parthivp/salesengine fixtures, 2026-08); `/sales/people/<id>,…` is the older form of the same page.
 */
export function salesLeadId(href: string): string | null {
  const url = parsed(href);
  const match = url && /^\/sales\/(?:lead|people)\/([^/,]+)/.exec(url.pathname);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return /^[A-Za-z0-9_-]{10,}$/.test(id) ? id : null;
}

/** True on a Sales Navigator lead page. */
export function isSalesLead(href: string): boolean {
  return salesLeadId(href) !== null;
}

/** `https://www.linkedin.com/sales/lead/<id>` (no search-context suffix) for a lead-page URL, or null. */
export function canonicalSalesLeadUrl(href: string): string | null {
  const id = salesLeadId(href);
  return id === null ? null : `https://www.linkedin.com/sales/lead/${id}`;
}

/** True for a member profile page (any subdomain, any trailing path or query). */
export function isProfile(href: string): boolean {
  return profileSlug(href) !== null;
}

/** `https://www.linkedin.com/in/<slug>/` for any profile URL, or null when it is not one. */
export function canonicalProfileUrl(href: string): string | null {
  const slug = profileSlug(href);
  return slug === null ? null : `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}
