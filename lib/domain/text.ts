/**
 * The limits of a lead's text fields, and what counts as text a person can see. Zod-free: the
 * schemas, the CSV import and the forms all read the same numbers and the same test.
 */

/** Longest value each text field takes (UTF-16 code units, as `String.length` and zod count). */
export const TEXT_LIMITS = {
  name: 200,
  headline: 500,
  company: 200,
  location: 200,
  notes: 20_000,
  tag: 60,
  lostReason: 500,
  summary: 2000,
} as const;
export type LimitedField = keyof typeof TEXT_LIMITS;

/** How many emails and tags one lead holds at most. */
export const LIST_LIMITS = { emails: 20, tags: 50 } as const;

/**
 * Characters that show nothing: white space, control characters and Unicode's
 * Default_Ignorable_Code_Point set (zero-width space and joiners, word joiner, BOM, soft hyphen,
 * bidi marks and isolates, variation selectors, Hangul fillers, tag characters…), as defined in
 * DerivedCoreProperties.txt (https://www.unicode.org/reports/tr44/#Default_Ignorable_Code_Point).
 */
const UNSEEN = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;

/** True when the text shows at least one character (a name of zero-width spaces shows none). */
export function hasVisibleText(text: string): boolean {
  return text.replace(UNSEEN, '') !== '';
}

/** What is wrong with a field's text for storing: too long, or nothing visible (empty is the caller's call). */
export type TextProblem = { kind: 'too-long'; length: number; max: number } | { kind: 'invisible' };

/** The problem of a trimmed, non-empty value for `field`, or null when it can be stored. */
export function textProblem(field: LimitedField, text: string): TextProblem | null {
  const value = text.trim();
  if (value === '') return null;
  if (!hasVisibleText(value)) return { kind: 'invisible' };
  const max = TEXT_LIMITS[field];
  return value.length > max ? { kind: 'too-long', length: value.length, max } : null;
}
