import { describe, expect, it } from 'vitest';
import { extract } from '../../lib/sites/linkedin/extract';
import { loadPage } from './helpers/fixtures';

// A Polish-UI profile (ochhyes/linkedin-msg-generator anna_voyager.html @ ef7e2bc7, 2026-05; <main> only;
// values read off the page, see tests/fixtures/linkedin-more/README.md).
const FILE = 'linkedin-more/profile/2026-05_profile-pl-main_anna-rutkowska__linkedin-msg-generator.html';
const URL = 'https://www.linkedin.com/in/anna-rutkowska-0551b120b/';

describe('profile served in Polish', () => {
  it('yields every field', () => {
    const got = extract(loadPage(FILE), URL);
    expect(got.found).toMatchObject({
      name: 'Anna Rutkowska',
      headline: 'Starszy Doradca Klienta Indywidualnego',
      company: 'Credit Agricole Bank Polska S.A.',
      location: 'Białystok, Woj. Podlaskie, Polska',
      linkedinUrl: URL,
    });
    expect(got.missing).toEqual([]);
  });

  it('finds the company through the Polish aria-label when the logos are not there', () => {
    const doc = loadPage(FILE);
    for (const img of doc.querySelectorAll('img')) img.removeAttribute('src');
    const got = extract(doc, URL);
    expect(got.found.company).toBe('Credit Agricole Bank Polska S.A.');
    expect(got.via.company).toBe('2024-07..2026-05 logged-in, UI languages in CURRENT_COMPANY_LABELS');
  });

  it('reports the company missing when neither logos nor a known label are there', () => {
    const doc = loadPage(FILE);
    for (const img of doc.querySelectorAll('img')) img.removeAttribute('src');
    for (const b of doc.querySelectorAll('button[aria-label]')) b.setAttribute('aria-label', 'Lorem ipsum');
    const got = extract(doc, URL);
    expect(got.found.company).toBeUndefined();
    expect(got.missing).toEqual(['company']);
  });
});
