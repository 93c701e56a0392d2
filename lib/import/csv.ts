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

/**
 * Localised exports' headers, folded, by target. Only headers seen in real exports: Pipedrive's
 * Czech deals export, as read by a Czech team's scripts over their own `deals-16044442-64.csv`
 * (public GitHub code index, file ids 23906941063 and 24061963908; the index names no repository):
 * "Deal - Název", "Deal - Organizace", "Deal - Kontaktní osoba", "Deal - Hodnota",
 * "Osoba - E-mail - Práce" / "- Domov" / "- Ostatní". No real Polish, Vietnamese or Chinese
 * Pipedrive export, no localised HubSpot export, and no LinkedIn Connections.csv with other than
 * English headers was found (README, "Languages"); those columns are mapped by hand.
 */
const LOCALISED_ALIASES: Partial<Record<Exclude<Target, 'ignore'>, string[]>> = {
  name: ['deal - kontaktni osoba'],
  company: ['deal - organizace'],
  email: ['osoba - e-mail - prace', 'osoba - e-mail - domov', 'osoba - e-mail - ostatni'],
  dealValue: ['deal - hodnota'],
};

/** Extra header names by target: our own export's headers in every UI language (the page passes them). */
export type HeaderAliases = Partial<Record<Exclude<Target, 'ignore'>, string[]>>;

const foldHeader = (header: string) => fold(header).replace(/\s+/g, ' ').trim();

const aliasOf = (header: string, extra: HeaderAliases = {}): Target => {
  const key = foldHeader(header);
  for (const table of [ALIASES, LOCALISED_ALIASES, extra]) {
    for (const [target, names] of Object.entries(table)) if (names?.some((n) => foldHeader(n) === key)) return target as Target;
  }
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

/** A line not read: `reason` in English, `code` and `params` for the page's language. */
export interface LineProblem {
  line: number;
  reason: string;
  code: LineErrorCode;
  params: Record<string, string | number>;
}
export type LineErrorCode =
  'line_quote_unterminated' | 'line_quote_unterminated_next' | 'line_quote_unterminated_last' | 'line_quote_malformed' | 'line_in_broken_quote';

export class CsvError extends Error {
  readonly code = 'csv_no_header';
}

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

const CLOSE_IT = 'Close the quote in the file and import again.';

/** The lines of a record whose quotes are broken, each reported: the record itself is not imported. */
function quoteProblems(record: RawRecord): LineProblem[] {
  const { line, lastLine } = record;
  const swallowed = 'A quote (") opens a field here that never closes:';
  const first: LineProblem =
    record.quoteError === 'malformed'
      ? {
          line,
          reason: 'A quote (") stands inside a field instead of around it: this row could not be read safely. Fix the quotes in the file and import again.',
          code: 'line_quote_malformed',
          params: {},
        }
      : lastLine === line
        ? { line, reason: `${swallowed} this row could not be read. ${CLOSE_IT}`, code: 'line_quote_unterminated_last', params: {} }
        : lastLine === line + 1
          ? {
              line,
              reason: `${swallowed} this row and the line after it (line ${lastLine}) could not be read. ${CLOSE_IT}`,
              code: 'line_quote_unterminated_next',
              params: { next: lastLine },
            }
          : {
              line,
              reason: `${swallowed} this row and lines ${line + 1}–${lastLine} after it could not be read. ${CLOSE_IT}`,
              code: 'line_quote_unterminated',
              params: { from: line + 1, to: lastLine },
            };
  const problems = [first];
  for (let l = line + 1; l <= lastLine; l++)
    problems.push({ line: l, reason: `Not read: this line is inside the unclosed quote of line ${line}.`, code: 'line_in_broken_quote', params: { line } });
  return problems;
}

/**
 * Parses a CSV file's text; the header is the first of the first 10 rows naming at least two known
 * columns. Rows whose quotes are broken are reported line by line in `problems`, not imported.
 */
export function parseCsv(text: string, extra: HeaderAliases = {}): ParsedCsv {
  const all = records(text.replace(/^\uFEFF/, ''));
  const headerAt = all.slice(0, 10).findIndex((r) => r.cells.filter((c) => aliasOf(c, extra) !== 'ignore').length >= 2);
  if (headerAt < 0) throw new CsvError('No header row found: the first rows should name columns such as "First Name", "Email" or "Company".');
  const headers = all[headerAt]!.cells.map((c) => c.trim());
  const mapping = headers.map((h) => aliasOf(h, extra));
  const rows: ParsedCsv['rows'] = [];
  const problems: LineProblem[] = [];
  for (const record of all.slice(headerAt + 1)) {
    if (record.quoteError) problems.push(...quoteProblems(record));
    else if (record.cells.some((c) => c.trim() !== '')) rows.push({ line: record.line, cells: record.cells.map(unescapeCell) });
  }
  return { headers, rows, mapping, problems };
}

/**
 * A row mapped to lead fields: the protocol's import row, every field a file can hold given (its
 * place in the file is added by the run; LinkedIn's member ids and company pages come from pages).
 */
export type MappedRow = Required<Omit<ImportRow, 'importKey' | 'linkedinMemberId' | 'salesNavUrl' | 'companyLinkedinUrl'>>;

/** A row mapped, or refused: `reason` in English, `code` and `params` for the page's language (`target`: a column's target). */
export type RowOutcome =
  { ok: true; row: MappedRow } | { ok: false; line: number; reason: string; code: RowErrorCode; params: Record<string, string | number> };
export type RowErrorCode = 'row_no_name' | 'row_invisible' | 'row_too_long' | 'row_too_many_values' | 'row_bad_email' | 'row_bad_url' | 'row_bad_value';

type Fail = (code: RowErrorCode, reason: string, params?: Record<string, string | number>) => RowOutcome;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The refusal of a text value that cannot be stored as it is (too long, nothing visible); null when it can. */
function textFailure(fail: Fail, target: Target, field: LimitedField, value: string): RowOutcome | null {
  const problem = textProblem(field, value);
  if (!problem) return null;
  if (problem.kind === 'invisible')
    return fail('row_invisible', `${target} shows only invisible characters (such as zero-width spaces): type it in the file, or leave it empty.`, { target });
  return tooLong(fail, target, problem.length, problem.max);
}

const tooLong = (fail: Fail, target: Target, length: number, max: number) =>
  fail('row_too_long', `${target} is ${length} characters long; the limit is ${max}. Shorten it in the file and import again.`, { target, length, max });
const tooMany = (fail: Fail, target: Target, count: number, max: number) =>
  fail('row_too_many_values', `${count} values for ${target}; the limit is ${max}.`, { target, count, max });

/**
 * Maps one data row to lead fields, or says why it cannot be imported. A value is never cut short.
 * A stage is recognised by its id, its own name, or `stageNames` (a default stage's name in every UI language).
 */
export function mapRow(cells: string[], line: number, mapping: Target[], stages: StageDef[], stageNames: Record<string, string[]> = {}): RowOutcome {
  const pick = (target: Target) =>
    mapping
      .flatMap((t, i) => (t === target ? [(cells[i] ?? '').trim()] : []))
      .filter(Boolean)
      .join(' ');
  const fail: Fail = (code, reason, params = {}) => ({ ok: false, line, reason, code, params });
  const nameTarget: Target = pick('name') ? 'name' : 'firstName';
  const name = pick('name') || [pick('firstName'), pick('lastName')].filter(Boolean).join(' ');
  if (!name) return fail('row_no_name', 'no name');
  const texts = { headline: pick('headline'), company: pick('company'), location: pick('location'), notes: pick('notes') };
  const refused =
    textFailure(fail, nameTarget, 'name', name) ??
    textFailure(fail, 'headline', 'headline', texts.headline) ??
    textFailure(fail, 'company', 'company', texts.company) ??
    textFailure(fail, 'location', 'location', texts.location);
  if (refused) return refused;
  if (texts.notes.length > TEXT_LIMITS.notes) return tooLong(fail, 'notes', texts.notes.length, TEXT_LIMITS.notes);
  const emails = [
    ...new Set(
      pick('email')
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((e) => e.toLowerCase()),
    ),
  ];
  const badEmail = emails.find((e) => !EMAIL.test(e));
  if (badEmail) return fail('row_bad_email', `"${badEmail}" is not an email address`, { value: badEmail });
  if (emails.length > LIST_LIMITS.emails) return tooMany(fail, 'email', emails.length, LIST_LIMITS.emails);
  const rawUrl = pick('linkedinUrl');
  const linkedinUrl = rawUrl ? canonicalProfileUrl(/^https?:\/\//i.test(rawUrl) ? rawUrl : `https://${rawUrl}`) : null;
  if (rawUrl && !linkedinUrl) return fail('row_bad_url', `"${rawUrl}" is not a LinkedIn profile URL`, { value: rawUrl });
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
    if (!m || !Number.isFinite(dealValue)) return fail('row_bad_value', `"${rawValue}" is not a deal value`, { value: rawValue });
  }
  const rawStage = fold(pick('stage'));
  const named = (s: StageDef) => [s.name ?? '', ...(stageNames[s.id] ?? [])].some((n) => n && fold(n) === rawStage);
  const stage = rawStage ? (stages.find((s) => s.id === rawStage || named(s))?.id ?? null) : null;
  const tags = [
    ...new Set(
      pick('tags')
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const longTag = tags.find((tag) => tag.length > TEXT_LIMITS.tag);
  if (longTag) return tooLong(fail, 'tags', longTag.length, TEXT_LIMITS.tag);
  if (tags.length > LIST_LIMITS.tags) return tooMany(fail, 'tags', tags.length, LIST_LIMITS.tags);
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

export { EXPORT_COLUMNS, rowsToCsv, type CsvWording, type ExportColumn } from './export';
