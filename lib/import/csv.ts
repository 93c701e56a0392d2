/**
 * CSV import and export. Parsing is papaparse's; here: finding the header row (LinkedIn's
 * Connections.csv starts with a "Notes:" preamble), default column mappings for files exported
 * from HubSpot, Pipedrive and LinkedIn, and mapping each row to lead fields or to a reason it
 * cannot be imported. Pure: no DOM, no messaging.
 */
import Papa from 'papaparse';
import { canonicalProfileUrl } from '../sites/linkedin/url';
import type { StageDef } from '../pipeline/model';
import { fold } from '../pipeline/search';
import { LIST_LIMITS, TEXT_LIMITS, textProblem, type LimitedField } from '../domain/text';
import { t, tn } from '../i18n/i18n';
import { unescapeCell } from './cells';
import type { ImportRow } from '../messaging/protocol';

export const TARGETS = [
  'ignore',
  'name',
  'firstName',
  'lastName',
  'email',
  'company',
  'headline',
  'location',
  'linkedinUrl',
  'dealValue',
  'stage',
  'tags',
  'notes',
] as const;
export type Target = (typeof TARGETS)[number];

export const TARGET_LABELS: Record<Target, string> = {
  ignore: '(ignore)',
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email(s)',
  company: 'Company',
  headline: 'Headline / job title',
  location: 'Location',
  linkedinUrl: 'LinkedIn URL',
  dealValue: 'Deal value',
  stage: 'Stage',
  tags: 'Tags',
  notes: 'Notes',
};

/** Header names as HubSpot, Pipedrive and LinkedIn export them (folded), by target. */
const ALIASES: Record<Exclude<Target, 'ignore'>, string[]> = {
  name: ['name', 'full name', 'contact name', 'person - name', 'person name'],
  firstName: ['first name', 'firstname', 'given name', 'person - first name'],
  lastName: ['last name', 'lastname', 'family name', 'surname', 'person - last name'],
  email: ['email', 'email address', 'e-mail', 'emails', 'work email', 'person - email', 'person - email - work', 'person - email - other'],
  company: ['company', 'company name', 'organization', 'organisation', 'organization - name', 'person - organization', 'associated company', 'account name'],
  headline: ['job title', 'title', 'position', 'headline', 'person - job title'],
  location: ['location', 'city', 'person - city', 'address'],
  linkedinUrl: ['url', 'linkedin', 'linkedin url', 'linkedin profile', 'linkedin profile url', 'person - linkedin', 'profile url'],
  dealValue: ['deal value', 'deal - value', 'amount', 'value', 'deal amount'],
  stage: ['stage', 'deal - stage', 'lead status', 'lifecycle stage', 'pipeline stage'],
  tags: ['tags', 'labels', 'label', 'person - labels', 'person - label'],
  notes: ['notes', 'note', 'description'],
};

const aliasOf = (header: string): Target => {
  const key = fold(header).replace(/\s+/g, ' ').trim();
  for (const [target, names] of Object.entries(ALIASES)) if (names.includes(key)) return target as Target;
  return 'ignore';
};

export interface ParsedCsv {
  headers: string[];
  /** Data rows with the file line each starts on (cells as the export wrote them: formula escaping undone). */
  rows: { line: number; cells: string[] }[];
  mapping: Target[];
  /** Lines that could not be read as rows (broken quotes), each with its reason: never dropped unsaid. */
  problems: LineProblem[];
}

export interface LineProblem {
  line: number;
  reason: string;
}

export class CsvError extends Error {}

interface RawRecord {
  line: number;
  cells: string[];
  /** The last file line the record's text reaches (quoted fields may hold line breaks). */
  lastLine: number;
  quoteError: 'unterminated' | 'malformed' | null;
}

/** Every record of the text with the lines it spans, and whether its quotes were broken. */
function records(body: string): RawRecord[] {
  const out: RawRecord[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    step: (result) => {
      // The cursor stands after the row's line break: the next row starts on the line after the
      // breaks counted so far (quoted fields may hold breaks of their own).
      const end = result.meta.cursor;
      let breaks = 0;
      for (let i = consumed; i < end; i++) if (body.charCodeAt(i) === 10) breaks++;
      const endsWithBreak = end > consumed && body.charCodeAt(end - 1) === 10;
      const codes = result.errors.filter((e) => e.type === 'Quotes').map((e) => e.code);
      const quoteError = codes.includes('MissingQuotes') ? 'unterminated' : codes.length > 0 ? 'malformed' : null;
      out.push({ line, cells: result.data, lastLine: line + breaks - (endsWithBreak ? 1 : 0), quoteError });
      line += breaks;
      consumed = end;
    },
  });
  return out;
}

/** The lines of a record whose quotes are broken, each reported: the record itself is not imported. */
function quoteProblems(record: RawRecord): LineProblem[] {
  const { line, lastLine } = record;
  const after = lastLine - line;
  const first =
    record.quoteError === 'unterminated'
      ? after > 0
        ? tn('importQuoteUnterminated', after, { from: line + 1, to: lastLine })
        : t('importQuoteUnterminatedLast')
      : t('importQuoteMalformed');
  const problems = [{ line, reason: first }];
  for (let l = line + 1; l <= lastLine; l++) problems.push({ line: l, reason: t('importInsideBrokenQuote', { line }) });
  return problems;
}

/**
 * Parses a CSV file's text; the header is the first of the first 10 rows naming at least two known
 * columns. Rows whose quotes are broken are reported line by line in `problems`, not imported.
 */
export function parseCsv(text: string): ParsedCsv {
  const all = records(text.replace(/^\uFEFF/, ''));
  const headerAt = all.slice(0, 10).findIndex((r) => r.cells.filter((c) => aliasOf(c) !== 'ignore').length >= 2);
  if (headerAt < 0) throw new CsvError('No header row found: the first rows should name columns such as "First Name", "Email" or "Company".');
  const headers = all[headerAt]!.cells.map((c) => c.trim());
  const mapping = headers.map(aliasOf);
  const rows: ParsedCsv['rows'] = [];
  const problems: LineProblem[] = [];
  for (const record of all.slice(headerAt + 1)) {
    if (record.quoteError) problems.push(...quoteProblems(record));
    else if (record.cells.some((c) => c.trim() !== '')) rows.push({ line: record.line, cells: record.cells.map(unescapeCell) });
  }
  return { headers, rows, mapping, problems };
}

/** A row mapped to lead fields: the protocol's import row, every field given (its place in the file is added by the run). */
export type MappedRow = Required<Omit<ImportRow, 'importKey'>>;

export type RowOutcome = { ok: true; row: MappedRow } | { ok: false; line: number; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a text value cannot be stored as it is (too long, nothing visible), in words; null when it can. */
function textReason(target: Target, field: LimitedField, value: string): string | null {
  const problem = textProblem(field, value);
  if (!problem) return null;
  const label = TARGET_LABELS[target];
  return problem.kind === 'invisible' ? t('importInvisible', { field: label }) : t('importTooLong', { field: label, length: problem.length, max: problem.max });
}

/** Maps one data row to lead fields, or says why it cannot be imported. A value is never cut short. */
export function mapRow(cells: string[], line: number, mapping: Target[], stages: StageDef[]): RowOutcome {
  const pick = (target: Target) =>
    mapping
      .flatMap((t, i) => (t === target ? [(cells[i] ?? '').trim()] : []))
      .filter(Boolean)
      .join(' ');
  const fail = (reason: string): RowOutcome => ({ ok: false, line, reason });
  const nameTarget: Target = pick('name') ? 'name' : 'firstName';
  const name = pick('name') || [pick('firstName'), pick('lastName')].filter(Boolean).join(' ');
  if (!name) return fail('no name');
  const texts = { headline: pick('headline'), company: pick('company'), location: pick('location'), notes: pick('notes') };
  const textFailure =
    textReason(nameTarget, 'name', name) ??
    textReason('headline', 'headline', texts.headline) ??
    textReason('company', 'company', texts.company) ??
    textReason('location', 'location', texts.location);
  if (textFailure) return fail(textFailure);
  if (texts.notes.length > TEXT_LIMITS.notes)
    return fail(t('importTooLong', { field: TARGET_LABELS.notes, length: texts.notes.length, max: TEXT_LIMITS.notes }));
  const emails = [
    ...new Set(
      pick('email')
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((e) => e.toLowerCase()),
    ),
  ];
  const badEmail = emails.find((e) => !EMAIL.test(e));
  if (badEmail) return fail(`"${badEmail}" is not an email address`);
  if (emails.length > LIST_LIMITS.emails) return fail(t('importTooMany', { field: TARGET_LABELS.email, count: emails.length, max: LIST_LIMITS.emails }));
  const rawUrl = pick('linkedinUrl');
  const linkedinUrl = rawUrl ? canonicalProfileUrl(/^https?:\/\//i.test(rawUrl) ? rawUrl : `https://${rawUrl}`) : null;
  if (rawUrl && !linkedinUrl) return fail(`"${rawUrl}" is not a LinkedIn profile URL`);
  const rawValue = pick('dealValue');
  let dealValue: number | null = null;
  if (rawValue) {
    // A number with thousands separators, optionally with a currency symbol or code around it.
    const m = /^(?:[A-Z]{3}|[$€£¥])?\s*(\d[\d.,\s]*)\s*(?:[A-Z]{3}|[$€£¥])?$/i.exec(rawValue);
    const digits =
      m?.[1]!
        .replace(/\s/g, '')
        .replace(/[.,](?=\d{3}(?:[.,]|$))/g, '')
        .replace(',', '.') ?? '';
    dealValue = Number(digits);
    if (!m || !Number.isFinite(dealValue)) return fail(`"${rawValue}" is not a deal value`);
  }
  const rawStage = fold(pick('stage'));
  const stage = rawStage ? (stages.find((s) => fold(s.name) === rawStage || s.id === rawStage)?.id ?? null) : null;
  const tags = [
    ...new Set(
      pick('tags')
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const longTag = tags.find((tag) => tag.length > TEXT_LIMITS.tag);
  if (longTag) return fail(t('importTooLong', { field: TARGET_LABELS.tags, length: longTag.length, max: TEXT_LIMITS.tag }));
  if (tags.length > LIST_LIMITS.tags) return fail(t('importTooMany', { field: TARGET_LABELS.tags, count: tags.length, max: LIST_LIMITS.tags }));
  const orNull = (v: string) => (v ? v : null);
  return {
    ok: true,
    row: {
      line,
      name,
      headline: orNull(texts.headline),
      company: orNull(texts.company),
      location: orNull(texts.location),
      linkedinUrl,
      emails,
      dealValue,
      stage,
      tags,
      notes: texts.notes,
      source: 'import',
    },
  };
}

export { rowsToCsv } from './export';
