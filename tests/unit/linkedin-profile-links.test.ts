import { describe, expect, it } from 'vitest';
import { extract, readCandidate } from '../../lib/sites/linkedin/extract';
import { CURRENT_COMPANY_LINK, currentCompanyUrl, memberIdOnProfile, rowMemberId } from '../../lib/sites/linkedin/profile-links';
import { extractPeopleList } from '../../lib/sites/linkedin/people-list';
import { profileSlug } from '../../lib/sites/linkedin/url';
import { fixtureNames, loadPage } from './helpers/fixtures';

// Every saved profile page (tests/fixtures/linkedin and linkedin-more/profile, READMEs there) at its
// address (tests/unit/linkedin-extract.test.ts), with what it says beyond the visible fields. The
// company link of each was checked against its experience entry: the first position, current on
// every page (e.g. Gantry "May 2021 - Present" on kireetagrawal, Novare Potential "Jul 2021 - Present").
const EXPECTED: Record<string, { url: string; companyUrl: string | null; memberId: string | null }> = {
  'linkedin/2018-04_logged-in_jeffweiner08__linkedINonymous.html': {
    url: 'https://www.linkedin.com/in/jeffweiner08/',
    companyUrl: 'https://www.linkedin.com/company/1337/',
    memberId: 'ACoAAAFUu6sBhlQbcvAS0GdcPE344dA3vwutzVM',
  },
  // The 2018-12 saves carry no data blobs.
  'linkedin/2018-12_logged-in-own_austinoboyle__scrape-linkedin-selenium.html': {
    url: 'https://www.linkedin.com/in/austinoboyle/',
    companyUrl: 'https://www.linkedin.com/company/11766551/',
    memberId: null,
  },
  'linkedin/2018-12_logged-in_seancahalan__scrape-linkedin-selenium.html': {
    url: 'https://www.linkedin.com/in/seancahalan/',
    companyUrl: 'https://www.linkedin.com/company/11766551/',
    memberId: null,
  },
  'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html': {
    url: 'https://www.linkedin.com/in/kireetagrawal/',
    companyUrl: 'https://www.linkedin.com/company/79595738/',
    memberId: 'ACoAABp0nOcBihHRFiJK4G4SJ0jTrN9G1ILp6VY',
  },
  // The public page links its company on the country subdomain (lk.linkedin.com/company/aristotlehq).
  'linkedin/2023-04_public_dulithawijewantha__pre-interview-brief-generator.html': {
    url: 'https://sg.linkedin.com/in/dulithawijewantha',
    companyUrl: 'https://www.linkedin.com/company/aristotlehq/',
    memberId: null,
  },
  'linkedin/2024-07_logged-in_eduardo-alvarez-nowak__scoutr.html': {
    url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    companyUrl: 'https://www.linkedin.com/company/10464352/',
    memberId: 'ACoAABS9BdoBSJFfAvbRCM0dr7lB5Eggww93Ld0',
  },
  // Its blobs name two other members (the viewer eduardo-alvarez-nowak, shuyi-li-74948836), not this slug.
  'linkedin/2024-07_logged-in_sri-lalitha-jeevanige__scoutr.html': {
    url: 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/',
    companyUrl: 'https://www.linkedin.com/company/5049/',
    memberId: null,
  },
  // No current company found on this page, so no link is taken either.
  'linkedin/2024-08_logged-in_vasileiosalevizos__scoutr.html': {
    url: 'https://www.linkedin.com/in/vasileiosalevizos/',
    companyUrl: null,
    memberId: 'ACoAADgY1ZMB6tbuwm5xv-MQF627vpTk11b30cg',
  },
  'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html': {
    url: 'https://www.linkedin.com/in/parul-sharma-886a79227/',
    companyUrl: 'https://www.linkedin.com/company/102765776/',
    memberId: 'ACoAADju4KYBDGgDs9e-Y4YgfrSWFTNb22HPp58',
  },
  // The viewer (marcin-szmidtke-914b8788, ACoAABKvAGAB…) is in the same blobs.
  'linkedin-more/profile/2026-05_profile-pl-main_anna-rutkowska__linkedin-msg-generator.html': {
    url: 'https://www.linkedin.com/in/anna-rutkowska-0551b120b/',
    companyUrl: 'https://www.linkedin.com/company/10539743/',
    memberId: 'ACoAADU-fgEB4lK7dkeRaI7Jzzpe45CcUQSknKg',
  },
};

const files = [...fixtureNames('linkedin').map((f) => `linkedin/${f}`), ...fixtureNames('linkedin-more/profile').map((f) => `linkedin-more/profile/${f}`)];
const pages = new Map(files.map((f) => [f, loadPage(f)]));

describe('profile links on every saved profile page', () => {
  it('has an expectation for every saved profile page', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s: current company page and member id', (file) => {
    const want = EXPECTED[file]!;
    const root = pages.get(file)!;
    const company = extract(root, want.url).found.company;
    expect(currentCompanyUrl(root, company)?.url ?? null).toBe(want.companyUrl);
    expect(memberIdOnProfile(root, profileSlug(want.url))).toBe(want.memberId);
  });

  it.each(CURRENT_COMPANY_LINK.map((c, i) => [i, c] as const))('CURRENT_COMPANY_LINK[%i] reads a link on at least one saved page', (_i, candidate) => {
    expect([...pages.values()].some((root) => readCandidate(root, candidate) !== null)).toBe(true);
  });

  it('takes no link whose entry does not name the current company (a past position)', () => {
    const root = pages.get('linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html')!;
    expect(currentCompanyUrl(root, 'Gantry')?.url).toBe('https://www.linkedin.com/company/79595738/');
    expect(currentCompanyUrl(root, 'ThoughtSpot')).toBeNull();
    expect(currentCompanyUrl(root, null)).toBeNull();
  });

  it('reads no member id for another slug, even one whose blob is on the page', () => {
    const root = pages.get('linkedin-more/profile/2026-05_profile-pl-main_anna-rutkowska__linkedin-msg-generator.html')!;
    expect(memberIdOnProfile(root, 'marcin-szmidtke-914b8788')).toBe('ACoAABKvAGAByG8i6_NVRd2zmZLSYbUYJErO4lE');
    expect(memberIdOnProfile(root, 'someone-else')).toBeNull();
  });
});

describe('member ids of list rows', () => {
  it('reads the miniProfileUrn of each 2026-05 Ember search row', () => {
    const rows = extractPeopleList(loadPage('linkedin-more/search/2026-05_search-people-ember_obsluga-klienta__linkedin-msg-generator.html'), '');
    const ids = rows.map((r) => [r.name, rowMemberId(r.element, r.profileUrl)]);
    expect(ids).toHaveLength(10);
    // The first row as README lists it; its link: /in/malgorzatatoron?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAEDwhd0…
    expect(ids[0]).toEqual(['Małgorzata Toroń', 'ACoAAEDwhd0Bdd6k5zFbEvxIxHjP-JJFCLyn3Nw']);
    expect(ids.every(([, id]) => typeof id === 'string' && id.startsWith('ACoAA'))).toBe(true);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(10);
  });

  it('reads the member id of a member-id profile link itself', () => {
    const row = document.createElement('li');
    expect(rowMemberId(row, 'https://www.linkedin.com/in/ACoAACCb_ygBlp3q-Cyjna1Ds1tADNk-MScB87I/')).toBe('ACoAACCb_ygBlp3q-Cyjna1Ds1tADNk-MScB87I');
  });

  it('reads none on SDUI rows, whose links carry no member id', () => {
    const rows = extractPeopleList(loadPage('linkedin-more/search/2026-05_search-people-sdui-main_ovb__linkedin-msg-generator.html'), '');
    expect(rows.map((r) => rowMemberId(r.element, r.profileUrl))).toEqual(Array(10).fill(null));
  });
});
