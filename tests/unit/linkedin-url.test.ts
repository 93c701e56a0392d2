import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl, isProfile } from '../../lib/sites/linkedin/url';

describe('LinkedIn profile URLs', () => {
  it.each([
    ['https://www.linkedin.com/in/jeffweiner08/', 'https://www.linkedin.com/in/jeffweiner08/'],
    ['https://sg.linkedin.com/in/dulithawijewantha', 'https://www.linkedin.com/in/dulithawijewantha/'],
    ['https://www.linkedin.com/in/parul-sharma-886a79227/overlay/about-this-profile/', 'https://www.linkedin.com/in/parul-sharma-886a79227/'],
    ['https://linkedin.com/in/Some-One?trk=public_profile', 'https://www.linkedin.com/in/some-one/'],
    ['https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b3c/#top', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b3c/'],
  ])('%s is the profile %s', (href, canonical) => {
    expect(isProfile(href)).toBe(true);
    expect(canonicalProfileUrl(href)).toBe(canonical);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/gantry/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in/me/',
    'https://evil.com/in/someone/',
    'https://notlinkedin.com/in/someone/',
    'https://www.linkedin.com.evil.com/in/someone/',
    'not a url',
  ])('%s is not a profile', (href) => {
    expect(isProfile(href)).toBe(false);
    expect(canonicalProfileUrl(href)).toBeNull();
  });
});
