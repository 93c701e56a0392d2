import { describe, expect, it } from 'vitest';
import { extractSalesLead, SALES_LEAD_FIELDS } from '../../lib/sites/linkedin/salesnav';
import { fixtureNames, loadPage, parseInert } from './helpers/fixtures';

// Expected values from tests/fixtures/linkedin-more/README.md; `url` is each page's
// "saved from url" comment (parthivp/salesengine fixtures, 2026-08).
const EXPECTED: Record<string, { url: string; found: Record<string, string> }> = {
  '2026-08_salesnav-lead_cheng-huang__salesengine.html': {
    url: 'https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s,NAME_SEARCH,lPmx',
    found: {
      name: 'CHENG HUANG',
      headline: 'AI-Native Founder · Shipping production SaaS with Claude agents · SoloTerminal · BelugaGo · Shuttlely · Sprott MBA Candidate',
      title: 'Founder & Builder',
      company: 'SoloTerminal',
      companySalesUrl: 'https://www.linkedin.com/sales/company/133164083',
      location: 'Greater Toronto Area, Canada',
      salesUrl: 'https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s',
    },
  },
  '2026-08_salesnav-lead_angel-taveras__salesengine.html': {
    url: 'https://www.linkedin.com/sales/lead/ACwAABozmfwBRIwY1WYUYoFyRaiOIz9pr0O-3kY,NAME_SEARCH,u8r5',
    found: {
      name: 'Angel Taveras',
      headline:
        'Founder and Shareholder at Taveras Law, P.C.; Board Director Washington Trust Bancorp. (Nasdaq: WASH); Board Director Brown University Health; former Mayor of Providence, R.I.',
      title: 'Founder and Shareholder',
      company: 'Taveras Law, P.C.',
      companySalesUrl: 'https://www.linkedin.com/sales/company/66598',
      location: 'United States',
      salesUrl: 'https://www.linkedin.com/sales/lead/ACwAABozmfwBRIwY1WYUYoFyRaiOIz9pr0O-3kY',
    },
  },
};

const files = fixtureNames('linkedin-more/salesnav');

describe('extractSalesLead on every saved lead page', () => {
  it('has an expectation for every fixture', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (file) => {
    const want = EXPECTED[file]!;
    const got = extractSalesLead(loadPage(`linkedin-more/salesnav/${file}`), want.url);
    expect(got.found).toEqual(want.found);
    // Neither saved page shows the public profile: no /in/ link, no profile URL in any data blob.
    expect(got.missing).toEqual(['publicProfileUrl']);
  });

  it('reads a public profile link when the lead page shows one, as a canonical profile URL', () => {
    const doc = loadPage('linkedin-more/salesnav/2026-08_salesnav-lead_cheng-huang__salesengine.html');
    const link = doc.ownerDocument!.createElement('a');
    link.setAttribute('href', 'https://www.linkedin.com/in/Cheng-Huang-Example?trk=sales');
    doc.querySelector('[data-sn-view-name="lead-contact-info"]')?.append(link);
    const got = extractSalesLead(doc, EXPECTED['2026-08_salesnav-lead_cheng-huang__salesengine.html']!.url);
    expect(got.found.publicProfileUrl).toBe('https://www.linkedin.com/in/cheng-huang-example/');
    expect(got.missing).toEqual([]);
  });

  it('does not take another lead of the page (similar leads link to /sales/lead/) for the profile', () => {
    const doc = loadPage('linkedin-more/salesnav/2026-08_salesnav-lead_cheng-huang__salesengine.html');
    expect(doc.querySelector('a[href*="/sales/lead/ACwAAA2CDF8BCoe3_lHaXQBU-I7IinTBC1jgV-I"]')).not.toBeNull();
    expect(extractSalesLead(doc, 'https://www.linkedin.com/sales/home').found.salesUrl).toBeUndefined();
  });

  it('reports every field missing on a page that is not a lead page', () => {
    const got = extractSalesLead(parseInert('<main><h1>Home</h1></main>'), 'https://www.linkedin.com/sales/home');
    expect(got.found).toEqual({});
    expect(got.missing).toEqual([...SALES_LEAD_FIELDS]);
  });
});
