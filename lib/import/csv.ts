/**
 * CSV import and export. Parsing is papaparse's; here: finding the header row (LinkedIn's
 * Connections.csv starts with a "Notes:" preamble), default column mappings for files exported
 * from HubSpot, Pipedrive and LinkedIn and our own export's headers; each row is mapped to lead
 * fields in map-row.ts. Pure: no DOM, no messaging.
 */
import Papa from 'papaparse';
import { fold } from '../pipeline/search';
import { unescapeCell } from './cells';
import type { Target } from './map-row';

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
  // Read from our own export's headers only (the page passes them in every language): no other
  // tool's export with these columns was looked at, so none of their names is guessed here.
  stageBefore: [],
  lostReason: [],
  reengageOn: [],
  temperatureOverride: [],
  budget: [],
  authority: [],
  need: [],
  timeframe: [],
  currency: [],
  expectedClose: [],
  nextFollowUp: [],
  source: [],
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

export { mapRow, TARGETS, type MappedRow, type RowErrorCode, type RowOutcome, type Target, type ValueNames } from './map-row';
export { EXPORT_COLUMNS, rowsToCsv, type CsvWording, type ExportColumn } from './export';
