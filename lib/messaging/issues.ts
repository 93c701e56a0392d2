/**
 * Zod's issues as the protocol reports them: the path, zod's English message, and a stable code
 * with parameters that pages render beside the field in their language. Background only (zod).
 */
import type { z } from 'zod';
import { ISSUE_CODES, type ErrorParams, type IssueCode } from './errors';
import type { Issue } from './protocol';

type ZodIssue = z.core.$ZodIssue;

/** Regex-checked fields, by name: what their pattern means. */
const PATTERN_FIELDS: Record<string, IssueCode> = {
  linkedinUrl: 'not_linkedin_url',
  currency: 'not_currency',
  id: 'not_stage_id',
  to: 'not_stage_id',
  stage: 'not_stage_id',
};

/** Patterns that several fields share, by the message the schema gives them (lib/pipeline/model.ts, company.ts). */
const PATTERN_MESSAGES: Record<string, IssueCode> = {
  'not a LinkedIn member id': 'not_member_id',
  'not a Sales Navigator lead URL': 'not_salesnav_url',
  'not a canonical LinkedIn company URL': 'not_company_url',
  'not a domain name': 'not_domain',
};

const FORMATS: Record<string, IssueCode> = { email: 'not_email', url: 'not_url', date: 'not_date', datetime: 'not_instant' };

function codeAndParams(issue: ZodIssue): { code: IssueCode; params: ErrorParams } {
  const field = [...issue.path].reverse().find((k): k is string => typeof k === 'string') ?? '';
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few_items', params: { min } };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many_items', params: { max } };
      return { code: 'too_big', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'regex') return { code: PATTERN_MESSAGES[issue.message] ?? PATTERN_FIELDS[field] ?? 'invalid_value', params: {} };
      return { code: FORMATS[issue.format] ?? 'invalid_value', params: {} };
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'not_integer', params: {} };
      // zod keeps no input on the issue; its message says what it received.
      return { code: issue.message.endsWith('received undefined') ? 'required' : 'invalid_value', params: {} };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { fields: issue.keys.join(', ') } };
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string' && (ISSUE_CODES as readonly string[]).includes(code)) return { code: code as IssueCode, params: {} };
      return { code: 'invalid_value', params: {} };
    }
    default:
      return { code: 'invalid_value', params: {} };
  }
}

/** One zod issue as the protocol carries it. */
export function issueOf(issue: ZodIssue): Issue {
  return { path: issue.path.filter((k): k is string | number => typeof k !== 'symbol'), message: issue.message, ...codeAndParams(issue) };
}
