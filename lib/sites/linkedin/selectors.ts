/**
 * Where each profile field sits in LinkedIn's markup, era by era.
 *
 * Every entry is an ordered list of candidates, best first. Language-independent anchors
 * (structure, data-* attributes, links) come before English labels. Each candidate names the
 * markup era it serves; the unit tests fail when a candidate matches none of the saved pages, so a
 * rung is removed only together with its last fixture.
 */
import type { Candidate } from './candidate';

export type { Candidate } from './candidate';
// The tables beyond the profile page live beside this one, one file per kind of page; this module
// is the one table every adapter and test reads.
export * from './selectors-messaging';
export * from './selectors-lists';

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
