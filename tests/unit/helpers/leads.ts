import { EMPTY_QUALIFICATION, type Lead, type Qualification } from '../../../lib/pipeline/model';

/** A valid lead captured at `createdAt`, with overrides. */
export function makeLead(overrides: Partial<Lead> = {}): Lead {
  const createdAt = overrides.createdAt ?? '2026-11-01T09:00:00.000Z';
  return {
    id: 'lead-1',
    name: 'Ada Lovelace',
    headline: null,
    company: 'Analytical Engines',
    location: null,
    linkedinUrl: 'https://www.linkedin.com/in/ada/',
    photoUrl: null,
    emails: [],
    source: 'linkedin',
    stage: 'prospect',
    reached: ['prospect'],
    stageHistory: [{ from: null, to: 'prospect', at: createdAt }],
    lost: null,
    later: null,
    qualification: { ...EMPTY_QUALIFICATION },
    temperature: null,
    temperatureReasons: [],
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

export const bant = (q: Partial<Qualification>): Qualification => ({ ...EMPTY_QUALIFICATION, ...q });
