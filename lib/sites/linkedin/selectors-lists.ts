/*
 * ---- Beyond the profile page: company pages, people lists, Sales Navigator ----
 * Eras are named by the saved page that shows them (tests/fixtures/linkedin-more/README.md).
 * Read-functions get the first match and the scope they were asked in (a row, a lead page).
 */
import type { Candidate } from './candidate';

/** Company pages. */
export const COMPANY_NAME: Candidate[] = [
  { selector: 'h1.org-top-card-summary__title', era: '2026-05 logged-in (About tab, hashed wrappers)' },
  { selector: 'h1.org-top-card-module__name', era: '2018-05 logged-in overview' },
  { selector: 'main h1', era: 'any era with <main>; last resort' },
];

/** Links to the company's own tabs carry its slug. */
export const COMPANY_SELF_LINK: Candidate[] = [
  { selector: 'a.org-page-navigation__item-anchor[href*="/company/"]', attr: 'href', era: '2026-05 tab bar' },
  { selector: 'a[data-control-name="topcard_see_jobs"][href*="/company/"]', attr: 'href', era: '2018-05 top card "see jobs"' },
];

export const COMPANY_INDUSTRY: Candidate[] = [
  { selector: '.org-top-card-summary-info-list > .org-top-card-summary-info-list__info-item', era: '2026-05 top card (first item, outside the inline group)' },
  { selector: '.org-top-card-module__company-descriptions .company-industries', era: '2018-05 top card' },
];

export const COMPANY_HEADQUARTERS: Candidate[] = [
  {
    selector: '.org-top-card-summary-info-list .inline-block > .org-top-card-summary-info-list__info-item',
    era: '2026-05 top card (first of the inline group)',
    read: notACount,
  },
  { selector: '.org-about-company-module__headquarters', era: '2018-05 About module' },
  { selector: '.org-top-card-module__location', era: '2018-05 top card' },
];

export const COMPANY_SIZE: Candidate[] = [
  // The About list gives the exact range; the dd after it links to the members search.
  { selector: 'dl dd a[href*="/search/results/people/"]', era: '2026-05 About tab', read: sizeBeforeMembersLink },
  { selector: '.org-about-company-module__company-staff-count-range', era: '2018-05 About module' },
  { selector: '.org-top-card-summary-info-list a[href*="/search/results/people/"]', era: '2026-05 top card (rounded, "10K+")' },
];

export const COMPANY_WEBSITE: Candidate[] = [
  { selector: 'dl dd a[target="_blank"][href^="http"]', attr: 'href', era: '2026-05 About tab (first external link of the list)' },
  { selector: 'a.org-about-us-company-module__website[href]', attr: 'href', era: '2018-05 About module' },
  {
    selector: 'a.org-top-card-primary-actions__action[target="_blank"][href^="http"]',
    attr: 'href',
    era: '2026-05 top card "visit website" (may be a careers page)',
  },
];

// Followers ("9M followers", "9 mln obserwujących") start with a number in every language seen;
// a headquarters never does. Without a headquarters the first inline item is the followers.
function notACount(el: Element): string | null {
  const text = el.textContent?.trim() ?? '';
  return /^\d/.test(text) ? null : text;
}

function sizeBeforeMembersLink(link: Element): string | null {
  let dd = link.closest('dd')?.previousElementSibling ?? null;
  while (dd && dd.tagName !== 'DD') dd = dd.previousElementSibling;
  return dd ? dd.textContent : null;
}

/** People-list rows: search results (Ember and SDUI) and My Network cards. */
export const PEOPLE_ROW: Candidate[] = [
  { selector: '[data-chameleon-result-urn^="urn:li:member:"]', era: '2026-05 Ember people search' },
  // The saved SDUI pages re-parse with rows outside their screen container (cards nest <a> and
  // block elements in <p>), so the row rung cannot require `[data-sdui-screen]` as an ancestor.
  { selector: '[role="listitem"]', era: '2026-05 SDUI search (people, all) and My Network grow' },
];

/** The name: the aria-hidden span in the title link (the avatar link's only text is "Status: offline"). */
export const PEOPLE_ROW_NAME: Candidate[] = [
  { selector: 'a[href*="/in/"] span[aria-hidden="true"]', era: '2026-05 Ember search title; 2026-05 My Network card' },
  { selector: 'a[href*="/in/"]', era: '2026-05 SDUI people search: the name link holds bare text', read: linkWithOwnText },
  { selector: 'a[href*="/in/"] p', era: '2026-05 SDUI all-results card: the first paragraph of the card link' },
];

export const PEOPLE_ROW_HEADLINE: Candidate[] = [
  { selector: 'div.t-14.t-black.t-normal', era: '2026-05 Ember search (artdeco type classes)' },
  { selector: 'a[href*="/in/"]', era: '2026-05 SDUI search and My Network', read: (_el, row) => sduiBlocks(row as Element)[0] ?? null },
];

export const PEOPLE_ROW_LOCATION: Candidate[] = [
  { selector: 'div.t-14.t-normal:not(.t-black)', era: '2026-05 Ember search (artdeco type classes)' },
  { selector: 'a[href*="/in/"]', era: '2026-05 SDUI search (My Network cards show none)', read: (_el, row) => sduiBlocks(row as Element)[1] ?? null },
];

/** Rows that are not people results on a mixed page: feed posts and the right rail (2026-05 all-results page). */
export const PEOPLE_ROW_EXCLUDED_CONTAINERS = '[componentkey*="FeedType"], [componentkey*="RightRail"]';

function ownText(el: Element): string {
  let out = '';
  for (const node of el.childNodes) if (node.nodeType === 3) out += node.textContent ?? '';
  return out.trim();
}

function linkWithOwnText(_first: Element, row: ParentNode): string | null {
  for (const a of row.querySelectorAll('a[href*="/in/"]')) if (ownText(a)) return ownText(a);
  return null;
}

/** The SDUI name element of a row: the span in the card link, the link holding bare text, or the card's first paragraph. */
export function sduiNameElement(row: ParentNode): Element | null {
  const links = [...row.querySelectorAll('a[href*="/in/"]')];
  for (const a of links) {
    const span = a.querySelector('span[aria-hidden="true"]');
    if (span?.textContent?.trim()) return span;
  }
  for (const a of links) if (ownText(a)) return a;
  for (const a of links) {
    for (const p of a.querySelectorAll('p')) if (p.textContent?.trim()) return p;
  }
  return null;
}

/**
 * Text blocks after the name, in order (headline, then location): the paragraphs in the nearest
 * following siblings of the name or of one of its ancestors within the row. This holds for the
 * live card (the name link nested in the card link, blocks beside the name's paragraph), for
 * Chromium's re-parse of a saved page (the nested link lifted out by the parser, same siblings)
 * and for My Network cards (blocks beside the name's wrapper). Further-out siblings (mutual
 * connections) are never reached because the nearest level with paragraphs wins.
 */
function sduiBlocks(row: Element): string[] {
  const name = sduiNameElement(row);
  for (let node: Element | null = name; node && node !== row; node = node.parentElement) {
    const blocks: string[] = [];
    for (let s = node.nextElementSibling; s; s = s.nextElementSibling) {
      const ps = s.tagName === 'P' ? [s] : [...s.querySelectorAll('p')];
      for (const p of ps) {
        const text = p.textContent?.replace(/\s+/g, ' ').trim();
        if (text) blocks.push(text);
      }
    }
    if (blocks.length > 0) return blocks;
  }
  return [];
}

/** Sales Navigator lead pages: `data-x-*` test hooks and `data-anonymize` markers, no English. */
export const SALES_NAME: Candidate[] = [
  { selector: 'h1[data-x--lead--name]', era: '2026-08 Sales Navigator lead' },
  { selector: 'h1[data-anonymize="person-name"]', era: '2026-08 Sales Navigator lead' },
];

export const SALES_HEADLINE: Candidate[] = [
  { selector: '[data-x--lead--profile-card] [data-anonymize="headline"]', era: '2026-08 lead top card' },
  { selector: '[data-sn-view-name="feature-lead-top-card"] [data-anonymize="headline"]', era: '2026-08 lead top card' },
];

export const SALES_TITLE: Candidate[] = [{ selector: '[data-sn-view-name="lead-current-role"] [data-anonymize="job-title"]', era: '2026-08 current roles' }];

export const SALES_COMPANY: Candidate[] = [
  { selector: '[data-sn-view-name="lead-current-role"] [data-anonymize="company-name"]', era: '2026-08 current roles (first is the current company)' },
];

export const SALES_COMPANY_LINK: Candidate[] = [
  { selector: '[data-sn-view-name="lead-current-role"] a[data-anonymize="company-name"][href*="/sales/company/"]', attr: 'href', era: '2026-08 current roles' },
];

/** The location has no marker: it is the first line of the block after the headline. */
export const SALES_LOCATION: Candidate[] = [
  { selector: '[data-x--lead--profile-card] [data-anonymize="headline"]', era: '2026-08 lead top card', read: lineAfterHeadline },
];

/**
 * Where a lead page could show the public profile: the top card and the contact-info section. On
 * the 2026-08 pages neither holds a `/in/` link (the "view LinkedIn profile" item lives in a menu
 * that is not in the page until opened), so this reads null there and the field is reported missing.
 */
export const SALES_PUBLIC_PROFILE_AREA: Candidate[] = [
  { selector: '[data-sn-view-name="feature-lead-top-card"]', era: '2026-08 lead top card', read: publicProfileHref },
  { selector: '[data-sn-view-name="lead-contact-info"]', era: '2026-08 contact information', read: publicProfileHref },
];

function publicProfileHref(area: Element): string | null {
  for (const a of area.querySelectorAll('a[href*="/in/"]')) {
    const href = a.getAttribute('href');
    if (href && /linkedin\.com\/in\/|^\/in\//.test(href)) return href;
  }
  return null;
}

function lineAfterHeadline(headline: Element): string | null {
  const block = headline.parentElement?.nextElementSibling;
  const first = block?.firstElementChild;
  return first ? first.textContent : null;
}
