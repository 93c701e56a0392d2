/**
 * Errors a user can meet, as stable codes with parameters: the background answers
 * `{ ok: false, error, code, params }`, and each page renders the code in its own language
 * (`error` stays the English sentence, for logs and older callers). Zod-free, so UI bundles and
 * the database layer share it.
 */

export const ERROR_CODES = [
  // The message layer.
  'sender_not_allowed',
  'not_a_request',
  'unknown_type',
  'pages_only',
  'invalid',
  'background_unreachable',
  'no_answer',
  // Data.
  'duplicate_url_or_email',
  'lead_not_found',
  'touchpoint_not_found',
  'leads_not_found',
  'merge_gone',
  'merge_self',
  'undo_gone',
  'undo_taken',
  'stage_has_leads',
  'stage_unknown',
  'lost_needs_reason',
  'later_needs_date',
  'company_not_found',
  // Linking a LinkedIn page's person to a lead (the sidebar checks the reply).
  'linked_elsewhere',
  // Backup and restore (the pipeline page runs them itself).
  'backup_not_json',
  'backup_not_leadline',
  'backup_version',
  'backup_damaged',
  'backup_duplicate_id',
  'backup_shared_url',
  'backup_shared_email',
  'backup_unknown_stage',
  'backup_orphan_touchpoint',
  'backup_unknown_company',
  'restore_failed',
  // CSV import.
  'csv_no_header',
  'row_no_name',
  'row_name_too_long',
  'row_bad_email',
  'row_bad_url',
  'row_bad_value',
  'row_url_taken',
  'row_email_taken',
  'row_invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type ErrorParams = Record<string, string | number>;

/** An error with a code the UI renders in its language; `message` is the English sentence. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
  }
}

/** The code and parameters of an error, when it has them. */
export function codeOf(error: unknown): { code: ErrorCode; params: ErrorParams } | null {
  const e = error as { code?: unknown; params?: unknown } | null;
  if (!e || typeof e.code !== 'string' || !(ERROR_CODES as readonly string[]).includes(e.code)) return null;
  return { code: e.code as ErrorCode, params: (e.params as ErrorParams | undefined) ?? {} };
}

/**
 * What is wrong with one field of a payload, as a code the UI renders beside that field
 * (`too_long` with `max`, `not_email`…). Derived from zod's issue by lib/messaging/issues.ts.
 */
export const ISSUE_CODES = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'too_few_items',
  'too_many_items',
  'not_email',
  'not_url',
  'not_linkedin_url',
  'not_member_id',
  'not_salesnav_url',
  'not_company_url',
  'not_domain',
  'not_date',
  'not_instant',
  'not_currency',
  'not_stage_id',
  'not_integer',
  'not_allowed',
  'unknown_field',
  'stage_ids_unique',
  'stage_id_reserved',
  'stage_name_needed',
  'invalid_value',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
