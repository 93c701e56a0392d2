/**
 * The lead fields a user edits as text, and how each reads from and writes back to a lead. Pure:
 * the form models use it; validation proper is the background's (the protocol's schemas), whose
 * refusals come back per field.
 */
import type { Lead } from '../pipeline/model';
import { canonicalProfileUrl } from '../sites/linkedin/url';
import { textProblem, type LimitedField } from '../domain/text';
import { t as tr, type Text } from '../i18n/i18n';

export const EDITABLE_FIELDS = [
  'name',
  'headline',
  'company',
  'location',
  'linkedinUrl',
  'emails',
  'tags',
  'currency',
  'dealValue',
  'expectedCloseOn',
  'nextFollowUpOn',
  'notes',
  'owner',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Days a user may pick: a typed year like 0002 is a half-typed date, not a follow-up. */
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '2199-12-31';

const splitWords = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((x) => x.trim())
    .filter(Boolean);

/** The field's stored value as the text a form shows. */
export function fieldText(lead: Lead, field: EditableField): string {
  const value = lead[field];
  if (field === 'emails' || field === 'tags') return (value as string[]).join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: Text };

/** Why a text field's value cannot be saved (too long, or nothing visible), in words; null when it can. */
export function textIssue(field: LimitedField & ('name' | 'headline' | 'company' | 'location'), text: string): Text | null {
  const problem = textProblem(field, text);
  if (!problem) return null;
  if (problem.kind === 'too-long') return () => tr('field_too_long', { length: problem.length, max: problem.max });
  return () => tr(field === 'name' ? 'field_invisible_name' : 'field_invisible');
}

/** The value to save from a form's text, or why it cannot be one. */
export function parseField(field: EditableField, text: string): Parsed {
  const t = text.trim();
  switch (field) {
    case 'name':
    case 'headline':
    case 'company':
    case 'location': {
      const problem = textIssue(field, t);
      if (problem) return { ok: false, error: problem };
      return { ok: true, value: t === '' && field !== 'name' ? null : t };
    }
    case 'notes':
      return { ok: true, value: text };
    case 'owner':
      // A lead in a team always has an owner: handing it over names the next one.
      return t === '' ? { ok: false, error: () => tr('issue_required') } : { ok: true, value: t };
    case 'emails':
      return { ok: true, value: splitWords(t, /[\s,;]+/).map((e) => e.toLowerCase()) };
    case 'tags':
      return { ok: true, value: [...new Set(splitWords(t, /[,;]/))] };
    case 'currency':
      return /^[A-Za-z]{3}$/.test(t) ? { ok: true, value: t.toUpperCase() } : { ok: false, error: () => tr('issue_not_currency') };
    case 'linkedinUrl': {
      if (t === '') return { ok: true, value: null };
      const canonical = canonicalProfileUrl(/^https?:\/\//i.test(t) ? t : `https://${t}`);
      return canonical ? { ok: true, value: canonical } : { ok: false, error: () => tr('issue_not_linkedin_url') };
    }
    case 'dealValue': {
      if (t === '') return { ok: true, value: null };
      const n = Number(t.replace(/\s/g, ''));
      return Number.isFinite(n) && n >= 0 ? { ok: true, value: n } : { ok: false, error: () => tr('issue_not_amount') };
    }
    case 'expectedCloseOn':
    case 'nextFollowUpOn':
      if (t === '') return { ok: true, value: null };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || t < FIRST_DAY || t > LAST_DAY) return { ok: false, error: () => tr('issue_not_full_date') };
      return { ok: true, value: t };
  }
}
