import { describe, expect, it } from 'vitest';
import {
  canonicalCompanyUrl,
  canonicalProfileUrl,
  canonicalSalesLeadUrl,
  isCompanyPage,
  isMemberIdProfileUrl,
  isMessagingThread,
  isMyNetworkList,
  isPeopleSearch,
  isProfile,
  isSalesLead,
  memberIdOf,
  messagingThreadId,
  profileLink,
} from '../../lib/sites/linkedin/url';

// Real addresses: tests/fixtures/linkedin-more/README.md and the pages' own links.
describe('member-id profile URLs', () => {
  it('keeps the case of a member id (it is base64) and says it is not a vanity slug', () => {
    const href = 'https://www.linkedin.com/in/ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0';
    expect(isProfile(href)).toBe(true);
    expect(canonicalProfileUrl(href)).toBe('https://www.linkedin.com/in/ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0/');
    expect(isMemberIdProfileUrl(href)).toBe(true);
    expect(memberIdOf(href)).toBe('ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0');
    expect(profileLink('/in/ACoAADgAroQBJh1El3DFh-KvxRrTZDPJ34x28hU/')).toEqual({
      url: 'https://www.linkedin.com/in/ACoAADgAroQBJh1El3DFh-KvxRrTZDPJ34x28hU/',
      kind: 'member-id',
    });
  });

  it('still folds vanity slugs, and marks them vanity', () => {
    expect(
      profileLink('https://www.linkedin.com/in/malgorzatatoron?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAEDwhd0Bdd6k5zFbEvxIxHjP-JJFCLyn3Nw'),
    ).toEqual({
      url: 'https://www.linkedin.com/in/malgorzatatoron/',
      kind: 'vanity',
    });
    expect(isMemberIdProfileUrl('https://www.linkedin.com/in/Some-One')).toBe(false);
    expect(memberIdOf('https://www.linkedin.com/in/jeffweiner08/')).toBeNull();
    expect(profileLink('/preload/search-custom-invite/?vanityName=kamil-etryk')).toBeNull();
    expect(profileLink(null)).toBeNull();
  });
});

describe('messaging threads', () => {
  it.each([
    [
      'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==/',
      '2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==',
    ],
    [
      'https://de.linkedin.com/messaging/thread/2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==/',
      '2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==',
    ],
    [
      'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA%3D%3D/?foo=1',
      '2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==',
    ],
  ])('%s is thread %s', (href, id) => {
    expect(isMessagingThread(href)).toBe(true);
    expect(messagingThreadId(href)).toBe(id);
  });

  it.each(['https://www.linkedin.com/messaging/', 'https://www.linkedin.com/messaging/thread/new/', 'https://evil.com/messaging/thread/2-ZWM2/', 'x'])(
    '%s is not a thread',
    (href) => {
      expect(isMessagingThread(href)).toBe(false);
    },
  );
});

describe('company pages', () => {
  it.each([
    ['https://www.linkedin.com/company/capgemini/about/', 'https://www.linkedin.com/company/capgemini/'],
    ['https://www.linkedin.com/company/facebook/jobs/', 'https://www.linkedin.com/company/facebook/'],
    ['https://www.linkedin.com/company/inkubator-starter/posts/', 'https://www.linkedin.com/company/inkubator-starter/'],
    ['/company/capgemini/', 'https://www.linkedin.com/company/capgemini/'], // a page's own tab link
  ])('%s is the company %s', (href, canonical) => {
    expect(isCompanyPage(href)).toBe(true);
    expect(canonicalCompanyUrl(href)).toBe(canonical);
  });

  it.each([
    'https://www.linkedin.com/sales/company/133164083',
    'https://www.linkedin.com/school/academy-of-learning-college/',
    'https://www.linkedin.com/company/',
    'https://evil.com/company/x/',
  ])('%s is not a company page', (href) => {
    expect(isCompanyPage(href)).toBe(false);
    expect(canonicalCompanyUrl(href)).toBeNull();
  });
});

describe('people lists', () => {
  it.each([
    ['https://www.linkedin.com/search/results/people/?keywords=doradca%20klienta', true],
    ['https://www.linkedin.com/search/results/people/?keywords=ovb', true],
    ['https://www.linkedin.com/search/results/all/?keywords=Emilia%20Kuchta&origin=GLOBAL_SEARCH_HEADER', true],
    ['https://www.linkedin.com/search/results/companies/?keywords=ovb', false],
    ['https://www.linkedin.com/feed/', false],
  ])('%s is a people search: %s', (href, yes) => {
    expect(isPeopleSearch(href)).toBe(yes);
  });

  it.each([
    ['https://www.linkedin.com/mynetwork/grow/', true],
    ['https://www.linkedin.com/mynetwork/invite-connect/connections/', true],
    ['https://www.linkedin.com/mynetworkx/', false],
  ])('%s is a My Network list: %s', (href, yes) => {
    expect(isMyNetworkList(href)).toBe(yes);
  });
});

describe('Sales Navigator leads', () => {
  it.each([
    [
      'https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s,NAME_SEARCH,lPmx',
      'https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s',
    ],
    [
      'https://www.linkedin.com/sales/lead/ACwAABozmfwBRIwY1WYUYoFyRaiOIz9pr0O-3kY,NAME_SEARCH,u8r5',
      'https://www.linkedin.com/sales/lead/ACwAABozmfwBRIwY1WYUYoFyRaiOIz9pr0O-3kY',
    ],
    [
      'https://www.linkedin.com/sales/lead/ACwAAA2CDF8BCoe3_lHaXQBU-I7IinTBC1jgV-I,NAME_SEARCH,E6ys',
      'https://www.linkedin.com/sales/lead/ACwAAA2CDF8BCoe3_lHaXQBU-I7IinTBC1jgV-I',
    ],
  ])('%s is the lead %s', (href, canonical) => {
    expect(isSalesLead(href)).toBe(true);
    expect(canonicalSalesLeadUrl(href)).toBe(canonical);
  });

  it.each(['https://www.linkedin.com/sales/company/133164083', 'https://www.linkedin.com/sales/home', 'https://www.linkedin.com/sales/search/people?query=x'])(
    '%s is not a lead page',
    (href) => {
      expect(isSalesLead(href)).toBe(false);
    },
  );
});
