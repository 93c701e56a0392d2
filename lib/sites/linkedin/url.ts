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

/** The profile slug of a LinkedIn profile URL, normalised (decoded, lower-cased), or null. */
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
  slug = slug.trim().toLowerCase();
  return slug && slug !== 'me' ? slug : null;
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
