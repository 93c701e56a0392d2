/**
 * The one message protocol between the background (which owns the data) and every sidebar and
 * page. Each message has a name, a zod schema for its payload, who may send it, and a reply type.
 * Requests travel as `{ leadline: 'request', type, payload }`; replies are `{ ok: true, value }`
 * or `{ ok: false, error, code?, params?, issues? }` (lib/messaging/errors.ts).
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
  type Lead,
  type Touchpoint,
} from '../pipeline/model';
import { ACCOUNT_SORTS, canonicalCompanyUrl, companyFields, type Company, type CompanyStats } from '../pipeline/company';
import { SORT_COLUMNS } from '../pipeline/constants';
import type { Aggregates } from '../pipeline/aggregates';
import type { Insights } from '../pipeline/insights';
import type { StageMove } from '../pipeline/stages';
import { settings, type Settings } from '../settings/settings';
import type { SyncStatus } from '../sync/engine';
import { ERROR_CODES, type ErrorCode, type ErrorParams, type IssueCode } from './errors';

/** Who may send a message: any of our contexts (content scripts included), or extension pages only. */
export type Origin = 'any' | 'extension-page';

export interface MessageDef<I extends z.ZodType, R> {
  input: I;
  from: Origin;
  /** Type-level only: the reply. */
  reply?: R;
}

function message<R>() {
  return <I extends z.ZodType>(input: I, from: Origin = 'any'): MessageDef<I, R> => ({ input, from });
}

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(100);

export const captureInput = z.object({
  name: text(200),
  headline: text(500).nullish(),
  company: text(200).nullish(),
  location: text(200).nullish(),
  linkedinUrl: canonicalLinkedinUrl.nullish(),
  photoUrl: z.url({ protocol: /^https$/ }).nullish(),
  emails: z.array(email).max(20).optional(),
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
    name: text(200).optional(),
    company: text(200).nullish(),
  })
  .refine((q) => q.linkedinUrl || q.email || q.linkedinMemberId || q.salesNavUrl || q.name, 'give a linkedinUrl, an email, a member id or a name');

export const leadPatch = z
  .object({
    name: text(200),
    headline: text(500).nullable(),
    company: text(200).nullable(),
    location: text(200).nullable(),
    linkedinUrl: canonicalLinkedinUrl.nullable(),
    linkedinMemberId: linkedinMemberId.nullable(),
    salesNavUrl: salesNavUrl.nullable(),
    emails: z.array(email).max(20),
    /** BANT answers are merged one by one: quick clicks on two questions never undo each other. */
    qualification: qualification.partial(),
    temperatureOverride: temperature.nullable(),
    dealValue: z.number().min(0).max(1e12).nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    expectedCloseOn: isoDay.nullable(),
    nextFollowUpOn: isoDay.nullable(),
    tags: z.array(text(60)).max(50),
    notes: z.string().max(20000),
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
    reason: text(500).optional(),
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
  summary: z.string().trim().max(2000),
  url: z.url({ protocol: /^https$/ }).nullish(),
  externalId: z.string().min(1).max(300).nullish(),
});

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

const tableQuery = z.object({ filter: leadFilter, sort: z.enum(SORT_COLUMNS), desc: z.boolean(), today: isoDay });

/** A row of an import, mapped to lead fields by the page. */
export const importRow = captureInput.omit({ photoUrl: true }).extend({
  line: z.number().int().min(1),
  emails: z.array(email).max(20),
  dealValue: z.number().min(0).max(1e12).nullish(),
  tags: z.array(text(60)).max(50).optional(),
  notes: z.string().max(20000).optional(),
  stage: z.string().max(40).nullish(),
});

export const touchpointPatch = z
  .object({ channel, direction, at: isoInstant, summary: z.string().trim().max(2000) })
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
export type InsightsQuery = z.output<typeof insightsQuery>;
export type { SortColumn } from '../pipeline/constants';

export interface TablePage {
  total: number;
  offset: number;
  rows: LeadRow[];
}

export interface BoardColumn {
  stage: string;
  total: number;
  rows: LeadRow[];
}

export interface LeadView {
  lead: Lead;
  touchpoints: Touchpoint[];
}

/** A field the user edited that was changed elsewhere since the edit began: both values. */
export interface FieldConflict {
  field: keyof LeadPatch;
  mine: unknown;
  theirs: unknown;
}

export interface LookupReply {
  lead: LeadView | null;
  /** Other leads with the same name and company: possible duplicates to link instead of capturing. */
  duplicates: Lead[];
}

/** A lead as the popup and lists show it. */
export interface LeadSummary {
  id: string;
  name: string;
  company: string | null;
  stage: string;
  temperature: Lead['temperature'];
  nextFollowUpOn: string | null;
  /** The LinkedIn profile or last Gmail thread; null: open it on the pipeline page. */
  openUrl: string | null;
}

/** The Insights view's figures, and the tags it can be filtered by (null: more than are kept per tag). */
export interface InsightsReply {
  insights: Insights;
  tags: { tag: string; leads: number }[] | null;
}

export interface Summary {
  aggregates: Aggregates;
  settings: Settings;
}

/** The team server as Settings enters it (lib/sync/target.ts checks it). */
export const syncTargetInput = z.object({
  url: z.string().trim().min(1).max(500),
  database: z.string().trim().min(1).max(238),
  username: z.string().trim().min(1).max(100),
  password: z.string().max(500),
});

/** Team sync as Settings shows it: where to, as whom (never the password), and how it goes. */
export interface SyncView {
  enabled: boolean;
  target: { url: string; database: string; username: string } | null;
  status: SyncStatus;
}

/** A lead a page lists (search results, My Network) that is already in the pipeline. */
export interface KnownPerson {
  id: string;
  name: string;
  stage: string;
}

/** A company's person as the company views show them. */
export type CompanyPerson = Pick<Lead, 'id' | 'name' | 'headline' | 'stage' | 'temperature' | 'dealValue' | 'currency'>;

/** A company with its people's figures (the Accounts view's row). */
export type CompanyRow = Company & { stats: CompanyStats };

export interface CompanyView {
  company: CompanyRow;
  /** Its people in the pipeline, by name (the first 50). */
  people: CompanyPerson[];
}

const personKey = z
  .object({ linkedinUrl: canonicalLinkedinUrl.optional(), linkedinMemberId: linkedinMemberId.optional() })
  .refine((k) => k.linkedinUrl || k.linkedinMemberId, 'give a linkedinUrl or a member id');

/** A message of a conversation, logged as a touchpoint of its lead (external id: the message's own id). */
const loggedMessage = touchpointInput.omit({ leadId: true }).extend({ at: isoInstant, externalId: z.string().min(1).max(300) });

export const protocol = {
  'lead.capture': message<{ lead: LeadView; created: boolean }>()(captureInput),
  'lead.lookup': message<LookupReply>()(lookupInput),
  'lead.get': message<LeadView>()(z.object({ id })),
  /**
   * A field-level edit: only the changed fields, each with the value the editor started from
   * (`base`). A field changed elsewhere meanwhile is not overwritten but returned as a conflict.
   */
  'lead.update': message<LeadView & { conflicts: FieldConflict[] }>()(z.object({ id, patch: leadPatch, base: z.record(z.string(), z.unknown()).optional() })),
  'lead.move': message<LeadView>()(z.object({ id, move: stageMove })),
  'touchpoint.log': message<{ lead: LeadView; created: boolean }>()(touchpointInput),
  'summary.get': message<Summary>()(z.object({})),
  'leads.search': message<LeadSummary[]>()(z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() })),
  'leads.due': message<LeadSummary[]>()(z.object({ today: isoDay })),
  'settings.get': message<Settings>()(z.object({})),
  'settings.save': message<Settings>()(settings, 'extension-page'),
  /** The two settings a sidebar may change in place (Gmail's options); nothing else. */
  'settings.patch': message<Settings>()(z.object({ autoLog: z.boolean().optional(), ownEmails: z.array(email).max(20).optional() }).strict()),
  'aggregates.rebuild': message<Aggregates>()(z.object({}), 'extension-page'),
  /** The Insights view's figures, computed from the kept aggregates (never by scanning leads). */
  'insights.get': message<InsightsReply>()(insightsQuery, 'extension-page'),
  'leads.table': message<TablePage>()(tableQuery.extend({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }), 'extension-page'),
  /** Every row of the filtered table, for the CSV export. */
  'leads.export': message<LeadRow[]>()(tableQuery, 'extension-page'),
  'board.get': message<BoardColumn[]>()(
    z.object({ today: isoDay, perColumn: z.number().int().min(1).max(200), owner: z.string().max(100).optional() }),
    'extension-page',
  ),
  /** A lead with every touchpoint: the detail view's timeline. */
  'lead.timeline': message<LeadView>()(z.object({ id }), 'extension-page'),
  'touchpoint.update': message<LeadView>()(z.object({ id, patch: touchpointPatch }), 'extension-page'),
  'touchpoint.delete': message<LeadView>()(z.object({ id }), 'extension-page'),
  'leads.delete': message<{ batchId: string; count: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }), 'extension-page'),
  'leads.undelete': message<{ count: number }>()(z.object({ batchId: id }), 'extension-page'),
  'leads.duplicates': message<Lead[][]>()(z.object({}), 'extension-page'),
  'lead.merge': message<LeadView>()(z.object({ keepId: id, otherId: id }), 'extension-page'),
  /** Rows are checked one by one in the handler, so one bad row is reported, not the whole batch. */
  'leads.import': message<ImportResult[]>()(z.object({ rows: z.array(z.unknown()).max(2000) }), 'extension-page'),
  /**
   * An email the user just sent from a Gmail compose window: one outbound email touchpoint per
   * recipient who is a lead. Logged again from the thread later, it is the same touchpoint.
   */
  'compose.sent': message<{ logged: { email: string; leadId: string; created: boolean }[] }>()(
    z.object({
      recipients: z.array(email).min(1).max(50),
      subject: z.string().max(998),
      at: isoInstant.optional(),
      draftId: z.string().min(1).max(300).optional(),
      threadUrl: z.url({ protocol: /^https$/ }).optional(),
    }),
  ),
  /** Opens the pipeline page in a new tab, at a lead when given (the sidebar's link). */
  'pipeline.open': message<{ done: true }>()(z.object({ leadId: id.optional() })),
  /** Many people of a list (search results) captured in one transaction; a person already stored is returned, not doubled. */
  'leads.captureMany': message<{ results: { created: boolean; lead: KnownPerson }[] }>()(
    z.object({ rows: z.array(captureInput).min(1).max(50) }),
    'extension-page',
  ),
  /** Which of the people a list shows are leads (by profile URL or member id), in the same order. */
  'leads.lookupMany': message<{ found: (KnownPerson | null)[] }>()(z.object({ people: z.array(personKey).max(200) }), 'extension-page'),
  /** The messages of a conversation as touchpoints of one lead, in one transaction; each external id once. */
  'touchpoints.logMany': message<{ lead: LeadView; created: number }>()(
    z.object({ leadId: id, touchpoints: z.array(loggedMessage).min(1).max(500) }),
    'extension-page',
  ),
  /** The company a page shows, with its people in the pipeline (null: not stored). */
  'company.lookup': message<{ company: CompanyView | null }>()(
    z
      .object({ linkedinUrl: canonicalCompanyUrl.optional(), domain: z.string().max(253).optional(), name: text(200).optional() })
      .refine((q) => q.linkedinUrl || q.domain || q.name, 'give a linkedinUrl, a domain or a name'),
    'extension-page',
  ),
  /** Saves what a company page shows into the company it names (or a new one). */
  'company.save': message<CompanyView>()(companyFields, 'extension-page'),
  'company.get': message<CompanyView>()(z.object({ id }), 'extension-page'),
  /** The Accounts view: companies in the order of a sort column, a page at a time. */
  'companies.table': message<{ total: number; offset: number; rows: CompanyRow[] }>()(
    z.object({ sort: z.enum(ACCOUNT_SORTS), desc: z.boolean(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }),
    'extension-page',
  ),
  /** Team sync as Settings shows it. */
  'sync.get': message<SyncView>()(z.object({}), 'extension-page'),
  // The page asks for the server's origin (a user gesture) before it sends this.
  'sync.enable': message<SyncView>()(syncTargetInput, 'extension-page'),
  'sync.disable': message<SyncView>()(z.object({}), 'extension-page'),
  'sync.now': message<SyncView>()(z.object({}), 'extension-page'),
  /** The pipeline page replaced the stores (a restore): drop caches, tell everyone. */
  'data.replaced': message<{ done: true }>()(z.object({}), 'extension-page'),
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type Payload<K extends MessageName> = z.input<Protocol[K]['input']>;
export type ParsedPayload<K extends MessageName> = z.output<Protocol[K]['input']>;
export type Reply<K extends MessageName> = NonNullable<Protocol[K]['reply']>;

export interface Request<K extends MessageName = MessageName> {
  leadline: 'request';
  type: K;
  payload: Payload<K>;
}

/**
 * A problem with one field of a payload: the path into the payload, zod's English message, and a
 * code with parameters the UI renders beside the field in its language.
 */
export interface Issue {
  path: (string | number)[];
  message: string;
  code?: IssueCode;
  params?: ErrorParams;
}

/** A reply: the value, or an error (`error` in English; `code` and `params` for the UI's own language). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string; code?: ErrorCode; params?: ErrorParams; issues?: Issue[] };

export { isLeadlineEvent, type ChangedEvent, type LeadlineEvent, type ToggleEvent } from './events';
