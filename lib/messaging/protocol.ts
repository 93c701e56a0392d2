/**
 * The one message protocol between the background (which owns the data) and every sidebar and
 * page. Each message has a name, a zod schema for its payload, who may send it, and a reply type.
 * Requests travel as `{ leadline: 'request', type, payload }`; replies are `{ ok: true, value }`
 * or `{ ok: false, error, code?, params?, issues? }` (lib/messaging/errors.ts).
 */
import { z } from 'zod';
import { email, isoDay, isoInstant, type Lead, type Touchpoint } from '../pipeline/model';
import { ACCOUNT_SORTS, canonicalCompanyUrl, companyFields, type Company, type CompanyStats } from '../pipeline/company';
import type { Aggregates } from '../pipeline/aggregates';
import type { Insights } from '../pipeline/insights';
import { settings, type Settings } from '../settings/settings';
import type { SyncStatus } from '../sync/engine';
import type { ErrorCode, ErrorParams, IssueCode } from './errors';
import {
  captureInput,
  insightsQuery,
  leadPatch,
  loggedMessage,
  lookupInput,
  personKey,
  recordId as id,
  stageMove,
  tableQuery,
  touchpointInput,
  touchpointPatch,
  type ExportRow,
  type ImportResult,
  type LeadPatch,
  type LeadRow,
} from './payloads';

export * from './payloads';

const text = (max: number) => z.string().trim().min(1).max(max);

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
  /** The stored settings, or the defaults while the stored record cannot be read. */
  settings: Settings;
  /** Why the stored settings could not be read (the record is kept as it was); null when they were. */
  settingsProblem: SettingsProblem | null;
}

/** Unreadable stored settings, as an error the page words in its language (a refused value as a field issue). */
export interface SettingsProblem {
  error: string;
  code: ErrorCode;
  params: ErrorParams;
  issues?: Issue[];
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
  'leads.export': message<ExportRow[]>()(tableQuery, 'extension-page'),
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
