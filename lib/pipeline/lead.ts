/** Building a new lead record from captured or imported fields. Pure. */
import { EMPTY_QUALIFICATION } from './constants';
import type { Lead, LeadSource, StageDef } from './model';
import { stagesUpTo } from './stages';

/** What a capture or an import row gives: the rest of a lead starts empty. */
export interface NewLeadFields {
  name: string;
  headline?: string | null;
  company?: string | null;
  location?: string | null;
  linkedinUrl?: string | null;
  linkedinMemberId?: string | null;
  salesNavUrl?: string | null;
  companyId?: string | null;
  photoUrl?: string | null;
  /** Lower-cased, without duplicates. */
  emails?: string[];
  source: LeadSource;
  dealValue?: number | null;
  tags?: string[];
  notes?: string;
}

/** A new lead record in `stage` (default: the first stage), created at `at`, temperature not yet classified. */
export function newLead(fields: NewLeadFields, options: { id: string; at: string; stages: StageDef[]; currency: string; stage?: string | null }): Lead {
  const first = options.stage ?? options.stages[0]!.id;
  return {
    id: options.id,
    name: fields.name,
    headline: fields.headline ?? null,
    company: fields.company ?? null,
    location: fields.location ?? null,
    linkedinUrl: fields.linkedinUrl ?? null,
    photoUrl: fields.photoUrl ?? null,
    emails: fields.emails ?? [],
    source: fields.source,
    stage: first,
    reached: stagesUpTo(first, options.stages),
    stageHistory: [{ from: null, to: first, at: options.at }],
    lost: null,
    later: null,
    qualification: { ...EMPTY_QUALIFICATION },
    temperature: null,
    temperatureReasons: [],
    temperatureOverride: null,
    dealValue: fields.dealValue ?? null,
    currency: options.currency,
    expectedCloseOn: null,
    nextFollowUpOn: null,
    tags: fields.tags ?? [],
    notes: fields.notes ?? '',
    lastTouchAt: null,
    createdAt: options.at,
    updatedAt: options.at,
    companyId: fields.companyId ?? null,
    linkedinMemberId: fields.linkedinMemberId ?? null,
    salesNavUrl: fields.salesNavUrl ?? null,
  };
}

/** Emails as stored: trimmed, lower-cased, each once. */
export function normaliseEmails(emails: readonly string[]): string[] {
  return [...new Set(emails.map((e) => e.trim().toLowerCase()))];
}
