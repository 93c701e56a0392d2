/** The pipeline table as a CSV file, with the columns an import maps back. Pure. */
import Papa from 'papaparse';
import type { LeadRow } from '../messaging/protocol';
import { escapeCell } from './cells';

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

/** Spreadsheets read a file without a byte order mark in the system's code page: names would garble. */
const UTF8_BOM = '\uFEFF';

/** The filtered table as CSV text, starting with a UTF-8 byte order mark; every cell formula-escaped. */
export function rowsToCsv(rows: LeadRow[], wording: CsvWording): string {
  const data = rows.map((r) =>
    [
      r.name,
      r.company ?? '',
      r.emails.join('; '),
      r.linkedinUrl ?? '',
      wording.stage(r.stage),
      r.temperature ? wording.temperature(r.temperature) : '',
      r.dealValue === null ? '' : String(r.dealValue),
      r.currency,
      r.nextFollowUpOn ?? '',
      r.lastTouchAt ?? '',
      r.tags.join('; '),
      wording.source(r.source),
    ].map(escapeCell),
  );
  // papaparse quotes; the formula escaping is ours (see cells.ts for why not papaparse's).
  return UTF8_BOM + Papa.unparse({ fields: EXPORT_COLUMNS.map(wording.header), data }, { escapeFormulae: false });
}
