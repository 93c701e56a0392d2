import { describe, expect, it } from 'vitest';
import { extract, PROFILE_FIELDS } from '../../lib/sites/linkedin/extract';
import * as selectors from '../../lib/sites/linkedin/selectors';
import type { Candidate } from '../../lib/sites/linkedin/selectors';
import { fixtureNames, loadPage, parseInert } from './helpers/fixtures';

interface Expected {
  url: string;
  name: string;
  headline: string;
  company: string | undefined;
  location: string;
  linkedinUrl: string;
}

// Values from shared/fixtures/real/README.md. `url` is what location.href would be.
const EXPECTED: Record<string, Expected> = {
  '2018-04_logged-in_jeffweiner08__linkedINonymous.html': {
    url: 'https://www.linkedin.com/in/jeffweiner08/',
    name: 'Jeff Weiner',
    headline: 'CEO at LinkedIn',
    company: 'LinkedIn',
    location: 'San Francisco Bay Area',
    linkedinUrl: 'https://www.linkedin.com/in/jeffweiner08/',
  },
  '2018-12_logged-in_seancahalan__scrape-linkedin-selenium.html': {
    url: 'https://www.linkedin.com/in/seancahalan/',
    name: 'Sean Cahalan',
    headline: 'Software Developer | Computer Engineering Student',
    company: 'Bounce',
    location: 'North York, Ontario, Canada',
    linkedinUrl: 'https://www.linkedin.com/in/seancahalan/',
  },
  '2018-12_logged-in-own_austinoboyle__scrape-linkedin-selenium.html': {
    url: 'https://www.linkedin.com/in/austinoboyle/',
    name: "Austin O'Boyle",
    headline: 'Software Developer | Pythonista | Mathematical Physics Student',
    company: 'Bounced Inc.',
    location: 'Toronto, Canada Area',
    linkedinUrl: 'https://www.linkedin.com/in/austinoboyle/',
  },
  '2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html': {
    url: 'https://www.linkedin.com/in/kireetagrawal/',
    name: 'Kireet Agrawal',
    headline: 'Software Engineer at Gantry',
    company: 'Gantry',
    location: 'Berkeley, California, United States',
    linkedinUrl: 'https://www.linkedin.com/in/kireetagrawal/',
  },
  '2023-04_public_dulithawijewantha__pre-interview-brief-generator.html': {
    url: 'https://sg.linkedin.com/in/dulithawijewantha',
    name: 'Dulitha Wijewantha',
    // The README's value stops at the last emoji; the page's headline (h2, itemprop=jobTitle and
    // og:description alike) goes on with " CA(Co-Founder)", and we keep what the page says.
    headline:
      'Building businesses on the Internet | AI/ ML Experimenter 🔬 | Web3 Degen 🧪 | Co-Founder @ Aristotle 🧠 | Helping Founders setup & scale tech teams 🧑🏼‍💻 CA(Co-Founder)',
    company: 'Aristotle - Co-Pilot for Cold Sales',
    location: 'Singapore',
    linkedinUrl: 'https://www.linkedin.com/in/dulithawijewantha/',
  },
  '2024-07_logged-in_eduardo-alvarez-nowak__scoutr.html': {
    url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    name: 'Eduardo Alvarez Nowak',
    headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
    company: 'Novare Potential',
    location: 'Greater Stockholm Metropolitan Area',
    linkedinUrl: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
  },
  '2024-07_logged-in_sri-lalitha-jeevanige__scoutr.html': {
    url: 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/',
    name: 'Sri Lalitha Jeevanige',
    headline: 'SAFe certified Scrum Master @ Swedbank | Pega Senior System Architect',
    company: 'Swedbank',
    location: 'Stockholm, Stockholm County, Sweden',
    linkedinUrl: 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/',
  },
  '2024-08_logged-in_vasileiosalevizos__scoutr.html': {
    url: 'https://www.linkedin.com/in/vasileiosalevizos/',
    name: 'Vasileios Alevizos',
    headline: 'Researcher.',
    company: undefined,
    location: 'Sweden',
    linkedinUrl: 'https://www.linkedin.com/in/vasileiosalevizos/',
  },
  '2025-05_logged-in_parul-sharma-886a79227__smarthire.html': {
    url: 'https://www.linkedin.com/in/parul-sharma-886a79227/',
    name: 'Parul Sharma',
    headline: 'Python Programmer|| Data Science Enthusiast ||Front-end Developer||Diamond League💎 in Google Cloud Skills Boost',
    company: 'Future Intern',
    location: 'Sirsa, Haryana, India',
    linkedinUrl: 'https://www.linkedin.com/in/parul-sharma-886a79227/',
  },
};

const files = fixtureNames('linkedin');
const pages = new Map(files.map((f) => [f, loadPage(`linkedin/${f}`)]));

describe('LinkedIn extract() on every saved page', () => {
  it('has an expectation for every fixture', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (file) => {
    const want = EXPECTED[file]!;
    const got = extract(pages.get(file)!, want.url);
    expect(got.found.name).toBe(want.name);
    expect(got.found.headline).toBe(want.headline);
    expect(got.found.company).toBe(want.company);
    expect(got.found.location).toBe(want.location);
    expect(got.found.linkedinUrl).toBe(want.linkedinUrl);
    expect(got.missing).toEqual(PROFILE_FIELDS.filter((f) => want[f] === undefined));
    if (got.found.photoUrl !== undefined) expect(got.found.photoUrl).toMatch(/^https:\/\/media\.licdn\.com\//);
  });

  it('reports a missing company as missing, not as an empty string', () => {
    const got = extract(pages.get('2024-08_logged-in_vasileiosalevizos__scoutr.html')!, 'https://www.linkedin.com/in/vasileiosalevizos/');
    expect('company' in got.found).toBe(false);
    expect(got.missing).toEqual(['company']);
  });

  it("falls back to the page's own canonical address when the tab address is not a profile", () => {
    const got = extract(pages.get('2023-04_public_dulithawijewantha__pre-interview-brief-generator.html')!, 'https://www.linkedin.com/feed/');
    expect(got.found.linkedinUrl).toBe('https://www.linkedin.com/in/dulithawijewantha/');
    const kireet = extract(pages.get('2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html')!, 'about:blank');
    expect(kireet.found.linkedinUrl).toBe('https://www.linkedin.com/in/kireetagrawal/');
  });

  it('finds the 2024+ company without the English aria-label (other UI languages)', () => {
    for (const file of files.filter((f) => f.startsWith('2024-07') || f.startsWith('2025'))) {
      const doc = loadPage(`linkedin/${file}`);
      for (const b of doc.querySelectorAll('button[aria-label]')) b.setAttribute('aria-label', 'Aktuelles Unternehmen');
      expect(extract(doc, EXPECTED[file]!.url).found.company).toBe(EXPECTED[file]!.company);
    }
  });

  it('reads the profile slug the page content points at (to spot a stale page during SPA navigation)', () => {
    const got = extract(pages.get('2025-05_logged-in_parul-sharma-886a79227__smarthire.html')!, 'https://www.linkedin.com/in/someone-else/');
    expect(got.contentSlug).toBe('parul-sharma-886a79227');
  });

  it('reports every field missing on a page that is not a profile, inventing nothing', () => {
    const doc = parseInert('<main><h2>Feed</h2></main>');
    const got = extract(doc, 'https://www.linkedin.com/feed/');
    expect(got.found).toEqual({});
    expect(got.missing).toEqual([...PROFILE_FIELDS]);
  });
});

describe('selector table', () => {
  const tables: Record<string, Candidate[]> = {
    NAME: selectors.NAME,
    HEADLINE: selectors.HEADLINE,
    LOCATION: selectors.LOCATION,
    COMPANY: selectors.COMPANY,
    PHOTO: selectors.PHOTO,
    CANONICAL_URL: selectors.CANONICAL_URL,
  };
  const rungs = Object.entries(tables).flatMap(([table, list]) => list.map((c) => [table, c.selector, c] as const));

  it.each(rungs)('%s rung %s matches at least one saved page', (_table, _selector, candidate) => {
    const matches = [...pages.values()].filter((doc) => {
      const el = doc.querySelector(candidate.selector);
      if (!el) return false;
      return candidate.read ? candidate.read(el, doc) !== null : true;
    });
    expect(matches.length).toBeGreaterThan(0);
  });
});
