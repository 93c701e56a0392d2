import { describe, expect, it } from 'vitest';
import { COMPANY_FIELDS, domainOf, extractCompany } from '../../lib/sites/linkedin/company';
import { fixtureNames, loadPage, parseInert } from './helpers/fixtures';

// Expected values from tests/fixtures/linkedin-more/README.md.
const EXPECTED: Record<string, { url: string; found: Record<string, string> }> = {
  '2018-05_company-overview-fragment_facebook__scrape-linkedin-selenium.html': {
    url: 'https://www.linkedin.com/company/facebook/',
    found: {
      name: 'Facebook',
      linkedinUrl: 'https://www.linkedin.com/company/facebook/',
      website: 'http://www.facebook.com/careers',
      domain: 'facebook.com',
      industry: 'Internet',
      headquarters: 'Menlo Park, CA',
      size: '10,001+ employees',
    },
  },
  '2026-05_company-about-main_capgemini__job-intel-collector.html': {
    url: 'https://www.linkedin.com/company/capgemini/about/',
    found: {
      name: 'Capgemini',
      linkedinUrl: 'https://www.linkedin.com/company/capgemini/',
      // The About list's website, not the top card's careers button (https://www.capgemini.com/careers).
      website: 'https://www.capgemini.com',
      domain: 'capgemini.com',
      industry: 'IT Services and IT Consulting',
      headquarters: 'Paris, France',
      // The About list's exact range; the top card rounds it to "10K+ employees".
      size: '10,001+ employees',
    },
  },
};

const files = fixtureNames('linkedin-more/company');

describe('extractCompany on every saved company page', () => {
  it('has an expectation for every fixture', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (file) => {
    const want = EXPECTED[file]!;
    const got = extractCompany(loadPage(`linkedin-more/company/${file}`), want.url);
    expect(got.found).toEqual(want.found);
    expect(got.missing).toEqual([]);
  });

  it.each(files)('%s: the company URL comes from the page itself when the address does not say', (file) => {
    const got = extractCompany(loadPage(`linkedin-more/company/${file}`), 'https://www.linkedin.com/feed/');
    expect(got.found.linkedinUrl).toBe(EXPECTED[file]!.found.linkedinUrl);
  });

  it('falls back to the rounded top-card size when the About list is not on the page (2026 Home tab)', () => {
    const doc = loadPage('linkedin-more/company/2026-05_company-about-main_capgemini__job-intel-collector.html');
    doc.querySelector('dl')?.remove();
    const got = extractCompany(doc, 'https://www.linkedin.com/company/capgemini/');
    expect(got.found.size).toBe('10K+ employees');
    expect(got.found.website).toBe('https://www.capgemini.com/careers');
    expect(got.found.domain).toBe('capgemini.com');
  });

  it('does not take the follower count for a headquarters', () => {
    const doc = loadPage('linkedin-more/company/2026-05_company-about-main_capgemini__job-intel-collector.html');
    doc.querySelector('.org-top-card-summary-info-list .inline-block > .org-top-card-summary-info-list__info-item')?.remove();
    expect(extractCompany(doc, 'https://www.linkedin.com/company/capgemini/about/').found.headquarters).toBeUndefined();
  });

  it('reports every field missing on a page that is not a company page', () => {
    const got = extractCompany(parseInert('<div><h2>Feed</h2></div>'), 'https://www.linkedin.com/feed/');
    expect(got.found).toEqual({});
    expect(got.missing).toEqual([...COMPANY_FIELDS]);
  });
});

describe('domainOf', () => {
  it.each([
    ['https://www.capgemini.com', 'capgemini.com'],
    ['http://www.facebook.com/careers', 'facebook.com'],
    ['https://soloterminal.com/', 'soloterminal.com'],
    ['https://WWW2.Example.co.uk/x', 'example.co.uk'],
    ['not a url', null],
  ])('%s → %s', (website, domain) => {
    expect(domainOf(website)).toBe(domain);
  });
});
