/** Reads people rows from search results and "My Network" lists. Pure: no browser APIs. */
import { firstOf } from './extract';
import { PEOPLE_ROW, PEOPLE_ROW_EXCLUDED_CONTAINERS, PEOPLE_ROW_HEADLINE, PEOPLE_ROW_LOCATION, PEOPLE_ROW_NAME } from './selectors';
import { profileLink, type ProfileLink } from './url';

export interface PersonRow {
  name: string | null;
  headline: string | null;
  /** Null where the list shows none (My Network cards). */
  location: string | null;
  /** `https://www.linkedin.com/in/<slug>/`; out-of-network rows may link a member id instead. */
  profileUrl: string;
  profileUrlKind: ProfileLink['kind'];
  /** The row itself, so the UI can mark it on the page. */
  element: Element;
  /** The era of the row rung that found it. */
  era: string;
}

// LinkedIn shows "--" where a member has no headline (2026-05 all-results page).
const notPlaceholder = (v: string) => !/^[-\u2013\u2014\s]+$/.test(v);

function profileHrefOf(row: Element): string | null {
  for (const a of row.querySelectorAll('a[href*="/in/"]')) {
    const link = profileLink(a.getAttribute('href'));
    if (link) return link.url;
  }
  return null;
}

/**
 * Extracts every person row of a people-search result page or a My Network list: name,
 * headline, location, canonical profile URL and the row element. Rows without a profile link
 * (ads, "people also viewed" rails, feed posts on the all-results page) are left out.
 */
export function extractPeopleList(root: ParentNode, _url: string): PersonRow[] {
  for (const candidate of PEOPLE_ROW) {
    const rows = [...root.querySelectorAll(candidate.selector)].filter(
      (row) => !row.closest(PEOPLE_ROW_EXCLUDED_CONTAINERS) && !row.parentElement?.closest(candidate.selector),
    );
    const people: PersonRow[] = [];
    for (const row of rows) {
      const href = profileHrefOf(row);
      const link = href ? profileLink(href) : null;
      if (!link) continue;
      people.push({
        name: firstOf(row, PEOPLE_ROW_NAME)?.value ?? null,
        headline: firstOf(row, PEOPLE_ROW_HEADLINE, notPlaceholder)?.value ?? null,
        location: firstOf(row, PEOPLE_ROW_LOCATION)?.value ?? null,
        profileUrl: link.url,
        profileUrlKind: link.kind,
        element: row,
        era: candidate.era,
      });
    }
    if (people.length > 0) return people;
  }
  return [];
}
