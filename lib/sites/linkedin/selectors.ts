/**
 * Where each profile field sits in LinkedIn's markup, era by era.
 *
 * Every entry is an ordered list of candidates, best first. Language-independent anchors
 * (structure, data-* attributes, links) come before English labels. Each candidate names the
 * markup era it serves; the unit tests fail when a candidate matches none of the saved pages, so a
 * rung is removed only together with its last fixture.
 */

export interface Candidate {
  /** CSS selector. */
  selector: string;
  /** Where to read the value: the text (default) or an attribute. */
  attr?: string;
  /** The markup era this rung was written for. */
  era: string;
  /** A reading that needs more than one element; gets the first match and the whole root. */
  read?: (el: Element, root: ParentNode) => string | null;
}

/**
 * The aria-label prefix LinkedIn puts on the top card's current-company button, per UI language,
 * each read off a real saved page. Only languages with a real page are listed: for Czech,
 * Vietnamese and Chinese no saved profile page with this button was found (searched 2026; the
 * Czech "Současná společnost" seen in one project's code is not backed by a page), so those UIs
 * rely on the language-independent logo rung above this one.
 */
export const CURRENT_COMPANY_LABELS: { lang: string; prefix: string; source: string }[] = [
  {
    lang: 'en',
    prefix: 'Current company:',
    source: 'tests/fixtures/linkedin/2024-07_* and 2025-05_* ("Current company: X. Click to skip to experience card")',
  },
  {
    lang: 'pl',
    prefix: 'Obecna firma:',
    source:
      'ochhyes/linkedin-msg-generator extension/tests/fixtures/anna_voyager.html @ ef7e2bc708715125b2e22a31ee11107f482efc1b ' +
      '("Obecna firma:  Credit Agricole Bank Polska S.A.. Kliknij, aby przejść do karty doświadczenia"); ' +
      'also contact_only_email.html @ 21f28df058b64932eba5d868df0e752a6a1a5905',
  },
];

export const NAME: Candidate[] = [
  { selector: 'a[href*="/overlay/about-this-profile/"] h1', era: '2024-07..2025-05 logged-in (h1 lost its classes in 2025)' },
  { selector: '.pv-text-details__left-panel h1', era: '2022-03 logged-in' },
  { selector: 'h1.top-card-layout__title', era: '2023-04 public profile' },
  { selector: 'h1.pv-top-card-section__name', era: '2018 logged-in (own profile has a 2nd h1)' },
  { selector: 'main h1', era: 'any era with <main>; last resort' },
];

export const HEADLINE: Candidate[] = [
  { selector: 'div.text-body-medium.break-words', era: '2022-03..2025-05 logged-in' },
  { selector: 'h2.top-card-layout__headline', era: '2023-04 public profile' },
  { selector: 'h2.pv-top-card-section__headline', era: '2018 logged-in' },
];

export const LOCATION: Candidate[] = [
  { selector: 'span.text-body-small.inline.t-black--light.break-words', era: '2022-03..2025-05 logged-in' },
  { selector: '.top-card-layout .top-card__subline-item', era: '2023-04 public profile (location is the first item)' },
  { selector: 'h3.pv-top-card-section__location', era: '2018 logged-in' },
];

export const COMPANY: Candidate[] = [
  {
    selector: 'a[data-tracking-control-name="public_profile_topcard-current-company"]',
    era: '2023-04 public profile',
  },
  { selector: '.pv-text-details__right-panel a[href="#experience"]', era: '2022-03 logged-in' },
  { selector: '.pv-top-card-v2-section__company-name', era: '2018-12 logged-in' },
  { selector: 'h3.pv-top-card-section__company', era: '2018-04 logged-in' },
  // 2024-07..2025-05: the top card lists company and school as buttons with hashed classes and no
  // language-independent marker. The current company is the button showing the same logo as the
  // first position of the experience section (anchored by its `#experience` id).
  { selector: '#experience', era: '2024-07..2025-05 logged-in, any language', read: topCardButtonWithExperienceLogo },
  // The same buttons carry a localised aria-label: a fallback for when logos are not loaded yet.
  {
    selector: CURRENT_COMPANY_LABELS.map((l) => `button[aria-label^="${l.prefix}"]`).join(', '),
    era: '2024-07..2026-05 logged-in, UI languages in CURRENT_COMPANY_LABELS',
  },
];

export const PHOTO: Candidate[] = [
  { selector: 'img.pv-top-card-profile-picture__image--show[src]', attr: 'src', era: '2024-07..2025-05 logged-in' },
  { selector: 'img.top-card__profile-image[data-delayed-url]', attr: 'data-delayed-url', era: '2023-04 public profile' },
  { selector: 'meta[property="og:image"]', attr: 'content', era: '2023-04 public profile' },
];

/** Structured data: where a page carries its own canonical address. */
export const CANONICAL_URL: Candidate[] = [
  { selector: 'link[rel="canonical"]', attr: 'href', era: '2022-03 full page; 2023-04 public profile' },
  { selector: 'meta[property="og:url"]', attr: 'content', era: '2023-04 public profile' },
];

function imagePath(src: string | null): string | null {
  if (!src?.startsWith('https:')) return null;
  return src.split('?')[0] ?? null;
}

function topCardButtonWithExperienceLogo(anchor: Element, root: ParentNode): string | null {
  const section = anchor.parentElement;
  const logo = imagePath(section?.querySelector('a[data-field="experience_company_logo"] img[src]')?.getAttribute('src') ?? null);
  if (!logo) return null;
  const name = root.querySelector(NAME.map((c) => c.selector).join(', '));
  let card = name?.parentElement ?? null;
  while (card && !card.querySelector('ul li button img')) card = card.parentElement;
  if (!card) return null;
  for (const button of card.querySelectorAll('ul li button')) {
    if (imagePath(button.querySelector('img')?.getAttribute('src') ?? null) === logo) return button.textContent;
  }
  return null;
}

/*
 * ---- Beyond the profile page: messaging, company pages, people lists, Sales Navigator ----
 * Eras are named by the saved page that shows them (tests/fixtures/linkedin-more/README.md).
 * Read-functions get the first match and the scope they were asked in (a conversation, a row).
 */

/** The element holding one conversation: the thread pane or an overlay bubble. */
export const CONVERSATION: Candidate[] = [{ selector: '.msg-convo-wrapper', era: '2023-02 overlay bubble; 2026-06 thread page (div.msg-thread)' }];

/** An overlay bubble (any page) rather than the thread pane: the page address does not name it. */
export const CONVERSATION_BUBBLE: Candidate[] = [{ selector: '.msg-overlay-conversation-bubble', era: '2023-02 overlay bubble' }];

/** One message. Its `data-event-urn` is the message's own id. */
export const MESSAGE_ITEM: Candidate[] = [
  { selector: '[data-event-urn^="urn:li:msg_message:"]', era: '2023-02..2026-06 thread and bubble' },
  { selector: '.msg-s-event-listitem', era: '2023-02..2026-06; the item without its urn' },
];

/** Day headings ("Dzisiaj", "środa", "14 maj") precede the first message of each day. */
export const MESSAGE_DAY: Candidate[] = [{ selector: 'time.msg-s-message-list__time-heading', era: '2023-02..2026-06' }];

/** Time of the first message of a sender's group; later messages of the group carry none. */
export const MESSAGE_TIME: Candidate[] = [{ selector: 'time.msg-s-message-group__timestamp', era: '2023-02..2026-06' }];

export const MESSAGE_SENDER_NAME: Candidate[] = [
  { selector: '.msg-s-message-group__name', era: '2023-02..2026-06 group header' },
  { selector: 'img.msg-s-event-listitem__profile-picture[title]', attr: 'title', era: '2023-02..2026-06 avatar (title is the bare name)' },
];

export const MESSAGE_SENDER_LINK: Candidate[] = [
  { selector: '.msg-s-message-group__meta a[href*="/in/"]', attr: 'href', era: '2023-02..2026-06 group header' },
  { selector: 'a.msg-s-event-listitem__link[href*="/in/"]', attr: 'href', era: '2023-02..2026-06 avatar link' },
];

export const MESSAGE_BODY: Candidate[] = [{ selector: '.msg-s-event-listitem__body', era: '2023-02..2026-06' }];

/** Present on the other side's messages; its absence marks the viewer's own (class, not text). */
export const MESSAGE_FROM_OTHER_CLASS = 'msg-s-event-listitem--other';

export const PARTNER_LINK: Candidate[] = [
  { selector: 'a.msg-thread__link-to-profile[href]', attr: 'href', era: '2026-06 thread header' },
  { selector: '.msg-overlay-bubble-header__title a[href*="/in/"]', attr: 'href', era: '2023-02 overlay bubble header' },
  { selector: '.msg-s-profile-card a[href*="/in/"]', attr: 'href', era: '2023-02 bubble; 2026-06 thread (card atop a new conversation)' },
];

export const PARTNER_NAME: Candidate[] = [
  { selector: 'h2.msg-entity-lockup__entity-title', era: '2026-06 thread header' },
  { selector: '.msg-overlay-bubble-header__title', era: '2023-02 overlay bubble header' },
];

export const PARTNER_HEADLINE: Candidate[] = [
  { selector: '.msg-s-profile-card .artdeco-entity-lockup__subtitle', era: '2023-02 bubble; 2026-06 thread (card atop a new conversation)' },
  // The header line shows the headline while the presence dot is hidden, and "active 1 h ago"-style
  // status text while it is shown (2026-06 Agnieszka: hidden + headline; Kamila: reachable + status).
  { selector: '.msg-entity-lockup__entity-info', era: '2026-06 thread header', read: headerHeadline },
];

/** The viewer's own name: the alt text of the global-nav photo is the bare name. */
export const VIEWER_NAME: Candidate[] = [{ selector: 'img.global-nav__me-photo[alt]', attr: 'alt', era: '2026-06 Ember global nav' }];

/** Conversation list cards (the inbox column). */
export const CONVERSATION_CARD: Candidate[] = [{ selector: '.msg-conversation-card', era: '2026-06..2026-09 inbox list' }];
export const CONVERSATION_CARD_NAME: Candidate[] = [{ selector: '.msg-conversation-card__participant-names', era: '2026-06..2026-09' }];
export const CONVERSATION_CARD_TIME: Candidate[] = [{ selector: 'time.msg-conversation-card__time-stamp', era: '2026-06..2026-09' }];
export const CONVERSATION_CARD_SNIPPET: Candidate[] = [{ selector: '.msg-conversation-card__message-snippet', era: '2026-06..2026-09' }];
export const CONVERSATION_CARD_ACTIVE_CLASS = 'msg-conversations-container__convo-item-link--active';

/** Text of an element without its screen-reader-only parts ("Status: offline"). */
export function visibleText(el: Element): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.matches('.visually-hidden, .a11y-text, .presence-indicator')) continue;
      out += visibleText(child);
    }
  }
  return out;
}

function headerHeadline(el: Element): string | null {
  const presence = el.querySelector('.presence-indicator');
  if (presence && !presence.classList.contains('hidden')) return null;
  return visibleText(el);
}

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
