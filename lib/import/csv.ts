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
import type { LeadRow } from '../messaging/protocol';

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
  /** Data rows with the file line each starts on. */
  rows: { line: number; cells: string[] }[];
  mapping: Target[];
}

export class CsvError extends Error {
  readonly code = 'csv_no_header';
}

/** Parses a CSV file's text; the header is the first of the first 10 rows naming at least two known columns. */
export function parseCsv(text: string, extra: HeaderAliases = {}): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '');
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    step: (result) => {
      // The cursor stands after the row's line break: the next row starts on the line after the
      // breaks counted so far (quoted fields may hold breaks of their own).
      const end = result.meta.cursor;
      records.push({ line, cells: result.data });
      for (let i = consumed; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      consumed = end;
    },
  });
  const headerAt = records.slice(0, 10).findIndex((r) => r.cells.filter((c) => aliasOf(c, extra) !== 'ignore').length >= 2);
  if (headerAt < 0) throw new CsvError('No header row found: the first rows should name columns such as "First Name", "Email" or "Company".');
  const headers = records[headerAt]!.cells.map((c) => c.trim());
  const mapping = headers.map((h) => aliasOf(h, extra));
  // "Name" beside first/last name columns (Pipedrive's person export) would double the name.
  const rows = records.slice(headerAt + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { headers, rows, mapping };
}

export interface MappedRow {
  line: number;
  name: string;
  headline: string | null;
  company: string | null;
  location: string | null;
  linkedinUrl: string | null;
  emails: string[];
  dealValue: number | null;
  stage: string | null;
  tags: string[];
  notes: string;
  source: 'import';
}

/** A row mapped, or refused: `reason` in English, `code` and `params` for the page's language. */
export type RowOutcome = { ok: true; row: MappedRow } | { ok: false; line: number; reason: string; code: RowErrorCode; params: Record<string, string> };
export type RowErrorCode = 'row_no_name' | 'row_name_too_long' | 'row_bad_email' | 'row_bad_url' | 'row_bad_value';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Maps one data row to lead fields, or says why it cannot be imported. A stage is recognised by
 * its id, its own name, or `stageNames` (a default stage's name in every UI language).
 */
export function mapRow(cells: string[], line: number, mapping: Target[], stages: StageDef[], stageNames: Record<string, string[]> = {}): RowOutcome {
  const pick = (target: Target) =>
    mapping
      .flatMap((t, i) => (t === target ? [(cells[i] ?? '').trim()] : []))
      .filter(Boolean)
      .join(' ');
  const fail = (code: RowErrorCode, reason: string, params: Record<string, string> = {}): RowOutcome => ({ ok: false, line, reason, code, params });
  const name = pick('name') || [pick('firstName'), pick('lastName')].filter(Boolean).join(' ');
  if (!name) return fail('row_no_name', 'no name');
  if (name.length > 200) return fail('row_name_too_long', 'name longer than 200 characters');
  const emails = pick('email')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((e) => e.toLowerCase());
  const badEmail = emails.find((e) => !EMAIL.test(e));
  if (badEmail) return fail('row_bad_email', `"${badEmail}" is not an email address`, { value: badEmail });
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
  const text = (v: string, max: number) => (v ? v.slice(0, max) : null);
  return {
    ok: true,
    row: {
      line,
      name,
      headline: text(pick('headline'), 500),
      company: text(pick('company'), 200),
      location: text(pick('location'), 200),
      linkedinUrl,
      emails: [...new Set(emails)],
      dealValue,
      stage,
      tags: [
        ...new Set(
          pick('tags')
            .split(/[,;]/)
            .map((t) => t.trim().slice(0, 60))
            .filter(Boolean),
        ),
      ],
      notes: pick('notes').slice(0, 20000),
      source: 'import',
    },
  };
}

/** The export's columns, in order; the page names them in its language (the import maps every language back). */
export const EXPORT_COLUMNS = [
  'name',
  'company',
  'email',
  'linkedinUrl',
  'stage',
  'temperature',
  'dealValue',
  'currency',
  'nextFollowUp',
  'lastTouch',
  'tags',
  'source',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** How the page names columns and values in its language. */
export interface CsvWording {
  header: (column: ExportColumn) => string;
  stage: (id: string) => string;
  temperature: (t: NonNullable<LeadRow['temperature']>) => string;
  source: (s: LeadRow['source']) => string;
}

/** The filtered table as CSV, with the columns an import maps back. */
export function rowsToCsv(rows: LeadRow[], wording: CsvWording): string {
  // escapeFormulae: a scraped name like "=HYPERLINK(…)" must not run as a formula in a spreadsheet.
  return Papa.unparse(
    {
      fields: EXPORT_COLUMNS.map(wording.header),
      data: rows.map((r) => [
        r.name,
        r.company ?? '',
        r.emails.join('; '),
        r.linkedinUrl ?? '',
        wording.stage(r.stage),
        r.temperature ? wording.temperature(r.temperature) : '',
        r.dealValue ?? '',
        r.currency,
        r.nextFollowUpOn ?? '',
        r.lastTouchAt ?? '',
        r.tags.join('; '),
        wording.source(r.source),
      ]),
    },
    { escapeFormulae: true },
  );
}
