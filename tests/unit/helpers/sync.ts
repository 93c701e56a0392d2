/**
 * Records for the sync tests, built from real captured values: the people are the saved LinkedIn
 * profiles in tests/fixtures/linkedin/ (values as shared/fixtures/real/README.md gives them), the
 * ids come from crypto.randomUUID() (what the repository uses), and the external ids are legacy
 * Gmail message ids from KartikTalwar/gmail.js test/test.parsing.js
 * (commit 0495aa36764fe944d67e1329402082876bf68039).
 */
import { EMPTY_QUALIFICATION, type Lead, type Touchpoint } from '../../../lib/pipeline/model';

export const LEAD_IDS = ['5f3be69b-0926-43c3-a8b8-b999651aa2ac', '110c9bfe-27fb-409f-ad55-38762d86bce5', '7290aa47-d57f-4ed0-94ab-e24a95c5599e'] as const;
export const TOUCHPOINT_IDS = ['fc7efa94-205f-4eb5-bf7c-e2eb2491c478', '7b46f92d-ac71-4d41-9db5-cdecf7b15b1d', '327b4a8b-605d-41e3-a1f1-0c0e023e11e7'] as const;
/** Device ids as newDeviceId() makes them (16 hex digits). */
export const DEVICE_A = '46ffc1d4dcdf2ec2';
export const DEVICE_B = '0d9aa48fd3266eaf';
/** Legacy Gmail message ids (gmail.js test data). */
export const GMAIL_MESSAGE_IDS = ['156559dc1867409f', '16a0d1f820d515e3'] as const;

/** Jeff Weiner as captured from tests/fixtures/linkedin/2018-04_logged-in_jeffweiner08__linkedINonymous.html. */
export function jeff(overrides: Partial<Lead> = {}): Lead {
  const createdAt = overrides.createdAt ?? '2026-11-02T08:15:00.000Z';
  return {
    id: LEAD_IDS[0],
    name: 'Jeff Weiner',
    headline: 'CEO at LinkedIn',
    company: 'LinkedIn',
    location: 'San Francisco Bay Area',
    linkedinUrl: 'https://www.linkedin.com/in/jeffweiner08/',
    photoUrl: null,
    emails: [],
    source: 'linkedin',
    stage: 'prospect',
    reached: ['prospect'],
    stageHistory: [{ from: null, to: 'prospect', at: createdAt }],
    lost: null,
    later: null,
    qualification: { ...EMPTY_QUALIFICATION },
    temperature: 'cold',
    temperatureReasons: [{ rule: 'no-timeframe', params: {} }],
    temperatureOverride: null,
    dealValue: null,
    currency: 'USD',
    expectedCloseOn: null,
    nextFollowUpOn: null,
    tags: [],
    notes: '',
    lastTouchAt: null,
    createdAt,
    updatedAt: createdAt,
    companyId: null,
    linkedinMemberId: null,
    salesNavUrl: null,
    ...overrides,
  };
}

/** Kireet Agrawal as captured from tests/fixtures/linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html. */
export function kireet(overrides: Partial<Lead> = {}): Lead {
  return jeff({
    id: LEAD_IDS[1],
    name: 'Kireet Agrawal',
    headline: 'Software Engineer at Gantry',
    company: 'Gantry',
    location: 'Berkeley, California, United States',
    linkedinUrl: 'https://www.linkedin.com/in/kireetagrawal/',
    ...overrides,
  });
}

/** An outbound email logged against Jeff from a Gmail thread. */
export function emailTouchpoint(overrides: Partial<Touchpoint> = {}): Touchpoint {
  return {
    id: TOUCHPOINT_IDS[0],
    leadId: LEAD_IDS[0],
    channel: 'email',
    direction: 'outbound',
    at: '2026-11-03T10:00:00.000Z',
    summary: 'Intro: pipeline review',
    url: 'https://mail.google.com/mail/u/0/#inbox/156559dc1867409f',
    externalId: GMAIL_MESSAGE_IDS[0],
    createdAt: '2026-11-03T10:00:05.000Z',
    ...overrides,
  };
}
