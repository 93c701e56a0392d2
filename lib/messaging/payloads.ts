/**
 * The payloads of the protocol's messages (lib/messaging/protocol.ts), as zod schemas, and the
 * types derived from them that storage and UI import: what a capture, a lookup, an edit, a move,
 * a touchpoint, a query or an import row may hold. Text a user gives must show something.
 */
import { z } from 'zod';
import {
  canonicalLinkedinUrl,
  channel,
  direction,
  email,
  isoDay,
  isoInstant,
  leadSource,
  qualification,
  temperature,
  lead,
  linkedinMemberId,
  salesNavUrl,
  LATER,
  LOST,
} from '../pipeline/model';
import { canonicalCompanyUrl } from '../pipeline/company';
import { SORT_COLUMNS } from '../pipeline/constants';
import type { StageMove } from '../pipeline/stages';
import { visibleText } from '../domain/schemas';
import { LIST_LIMITS, TEXT_LIMITS as MAX } from '../domain/text';
import { ERROR_CODES } from './errors';

const text = (max: number) => z.string().trim().min(1).max(max);
/** A stored record's id (a lead, a touchpoint, a trash batch). */
export const recordId = z.string().min(1).max(100);
const id = recordId;

export const captureInput = z.object({
  name: visibleText(MAX.name),
  headline: visibleText(MAX.headline).nullish(),
  company: visibleText(MAX.company).nullish(),
  location: visibleText(MAX.location).nullish(),
  linkedinUrl: canonicalLinkedinUrl.nullish(),
  photoUrl: z.url({ protocol: /^https$/ }).nullish(),
  emails: z.array(email).max(LIST_LIMITS.emails).optional(),
  source: leadSource,
  linkedinMemberId: linkedinMemberId.nullish(),
  salesNavUrl: salesNavUrl.nullish(),
  /** The current company's LinkedIn page, as the profile links it: the lead joins that company. */
  companyLinkedinUrl: canonicalCompanyUrl.nullish(),
});

export const lookupInput = z
  .object({
    linkedinUrl: canonicalLinkedinUrl.optional(),
    email: email.optional(),
    linkedinMemberId: linkedinMemberId.optional(),
    salesNavUrl: salesNavUrl.optional(),
    /** For duplicate suggestions. */
    name: visibleText(MAX.name).optional(),
    company: visibleText(MAX.company).nullish(),
  })
  .refine((q) => q.linkedinUrl || q.email || q.linkedinMemberId || q.salesNavUrl || q.name, 'give a linkedinUrl, an email, a member id or a name');

export const leadPatch = z
  .object({
    name: visibleText(MAX.name),
    headline: visibleText(MAX.headline).nullable(),
    company: visibleText(MAX.company).nullable(),
    location: visibleText(MAX.location).nullable(),
    linkedinUrl: canonicalLinkedinUrl.nullable(),
    linkedinMemberId: linkedinMemberId.nullable(),
    salesNavUrl: salesNavUrl.nullable(),
    emails: z.array(email).max(LIST_LIMITS.emails),
    /** BANT answers are merged one by one: quick clicks on two questions never undo each other. */
    qualification: qualification.partial(),
    temperatureOverride: temperature.nullable(),
    dealValue: z.number().min(0).max(1e12).nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    expectedCloseOn: isoDay.nullable(),
    nextFollowUpOn: isoDay.nullable(),
    tags: z.array(text(MAX.tag)).max(LIST_LIMITS.tags),
    notes: z.string().max(MAX.notes),
    /** Team sync: hand a lead to another rep (their sync user name). */
    owner: text(100),
  })
  .partial()
  .strict();

export const stageMove = z
  .object({
    to: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9-]+$/, 'not a stage id'),
    reason: text(MAX.lostReason).optional(),
    reengageOn: isoDay.optional(),
  })
  .superRefine((move, ctx) => {
    if (move.to === LOST && !move.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a lost lead needs a reason', params: { code: 'required' } });
    if (move.to === LATER && !move.reengageOn)
      ctx.addIssue({ code: 'custom', path: ['reengageOn'], message: 'parking a lead needs a re-engage date', params: { code: 'required' } });
  })
  .transform((move): StageMove => {
    if (move.to === LOST) return { to: LOST, reason: move.reason! };
    if (move.to === LATER) return { to: LATER, reengageOn: move.reengageOn! };
    return { to: move.to };
  });

export const touchpointInput = z.object({
  leadId: id,
  channel,
  direction,
  at: isoInstant.optional(),
  summary: z.string().trim().max(MAX.summary),
  url: z.url({ protocol: /^https$/ }).nullish(),
  externalId: z.string().min(1).max(300).nullish(),
});

/** A person a list shows, by profile URL or member id. */
export const personKey = z
  .object({ linkedinUrl: canonicalLinkedinUrl.optional(), linkedinMemberId: linkedinMemberId.optional() })
  .refine((k) => k.linkedinUrl || k.linkedinMemberId, 'give a linkedinUrl or a member id');

/** A message of a conversation, logged as a touchpoint of its lead (external id: the message's own id). */
export const loggedMessage = touchpointInput.omit({ leadId: true }).extend({ at: isoInstant, externalId: z.string().min(1).max(300) });

export const leadFilter = z
  .object({
    stage: z.string().max(40).optional(),
    temperature: temperature.optional(),
    source: leadSource.optional(),
    tag: z.string().max(60).optional(),
    /** One rep's leads (team sync's owner). */
    owner: z.string().max(100).optional(),
    stale: z.boolean().optional(),
    due: z.boolean().optional(),
    text: z.string().max(200).optional(),
  })
  .strict();

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not a month (YYYY-MM)');

/** The Insights view's question: a period of creation months, optionally one lead source or one tag. */
export const insightsQuery = z
  .object({
    period: z.union([
      z.enum(['month', 'quarter', 'year', 'all']),
      z.object({ from: month, to: month }).refine((r) => r.from <= r.to, { message: 'the range must start before it ends', path: ['to'] }),
    ]),
    today: isoDay,
    source: leadSource.nullish(),
    tag: z.string().trim().min(1).max(60).nullish(),
  })
  .refine((q) => !(q.source && q.tag), { message: 'filter by a source or by a tag, not both', path: ['tag'] });

export const tableQuery = z.object({ filter: leadFilter, sort: z.enum(SORT_COLUMNS), desc: z.boolean(), today: isoDay });

/** A row of an import, mapped to lead fields by the page. */
export const importRow = captureInput.omit({ photoUrl: true }).extend({
  line: z.number().int().min(1),
  emails: z.array(email).max(LIST_LIMITS.emails),
  dealValue: z.number().min(0).max(1e12).nullish(),
  tags: z.array(text(MAX.tag)).max(LIST_LIMITS.tags).optional(),
  notes: z.string().max(MAX.notes).optional(),
  /** A funnel stage id, or `lost` (with `lostReason`) or `later` (with `reengageOn`). */
  stage: z.string().max(40).nullish(),
  /** A lost or parked lead's stage before it left the funnel (lost from, returns to); default the first stage. */
  stageBefore: z.string().max(40).nullish(),
  lostReason: text(MAX.lostReason).nullish(),
  reengageOn: isoDay.nullish(),
  qualification: qualification.optional(),
  temperatureOverride: temperature.nullish(),
  /** The deal value's currency; default the settings' currency. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullish(),
  expectedCloseOn: isoDay.nullish(),
  nextFollowUpOn: isoDay.nullish(),
  /**
   * The row's place in its file (`<file hash>#<line>`): a row with no email or LinkedIn URL that
   * was imported before (an interrupted run, the same file again) completes its lead, not a second.
   */
  importKey: z
    .string()
    .regex(/^[0-9a-f]{16,64}#\d+$/)
    .optional(),
});

export const touchpointPatch = z
  .object({ channel, direction, at: isoInstant, summary: z.string().trim().max(MAX.summary) })
  .partial()
  .strict();

/** One row of an import: created, merged into an existing lead, or refused with a reason. */
export const importResult = z.discriminatedUnion('status', [
  z.object({ line: z.number(), status: z.enum(['created', 'merged']), id: z.string() }),
  // `reason` in English; `code` and `params` (lib/messaging/errors.ts) for the page's language.
  z.object({
    line: z.number(),
    status: z.literal('error'),
    reason: z.string(),
    code: z.enum(ERROR_CODES).optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
]);

/** One table row: what the table and the board show of a lead. */
export const leadRow = lead
  .pick({
    id: true,
    name: true,
    company: true,
    stage: true,
    temperature: true,
    source: true,
    tags: true,
    dealValue: true,
    currency: true,
    nextFollowUpOn: true,
    lastTouchAt: true,
    updatedAt: true,
    emails: true,
    linkedinUrl: true,
    lost: true,
    later: true,
  })
  .extend({ stale: z.boolean() });

/** One row of the CSV export: a table row and every other field a user enters. */
export const exportRow = leadRow.extend(
  lead.pick({ headline: true, location: true, notes: true, qualification: true, temperatureOverride: true, expectedCloseOn: true }).shape,
);

// The types the messages carry, derived from their schemas: storage and UI import them from here.
export type CaptureFields = z.output<typeof captureInput>;
export type LookupQuery = z.output<typeof lookupInput>;
export type LeadPatch = z.output<typeof leadPatch>;
export type TouchpointFields = z.output<typeof touchpointInput>;
export type TouchpointPatch = z.output<typeof touchpointPatch>;
export type LeadFilter = z.output<typeof leadFilter>;
export type TableQuery = z.output<typeof tableQuery>;
export type ImportRow = z.output<typeof importRow>;
export type ImportResult = z.output<typeof importResult>;
export type LeadRow = z.output<typeof leadRow>;
export type ExportRow = z.output<typeof exportRow>;
export type InsightsQuery = z.output<typeof insightsQuery>;
export type { SortColumn } from '../pipeline/constants';
