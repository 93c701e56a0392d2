/** The pipeline table as a CSV file, with the columns an import maps back. Pure. */
import Papa from 'papaparse';
import type { LeadRow } from '../messaging/protocol';
import { escapeCell } from './cells';

/** Spreadsheets read a file without a byte order mark in the system's code page: names would garble. */
const UTF8_BOM = '\uFEFF';

/** The filtered table as CSV text, starting with a UTF-8 byte order mark; every cell formula-escaped. */
export function rowsToCsv(rows: LeadRow[], stageName: (id: string) => string): string {
  const fields = [
    'Name',
    'Company',
    'Email',
    'LinkedIn URL',
    'Stage',
    'Temperature',
    'Deal value',
    'Currency',
    'Next follow-up',
    'Last touch',
    'Tags',
    'Source',
  ];
  const data = rows.map((r) =>
    [
      r.name,
      r.company ?? '',
      r.emails.join('; '),
      r.linkedinUrl ?? '',
      stageName(r.stage),
      r.temperature ?? '',
      r.dealValue === null ? '' : String(r.dealValue),
      r.currency,
      r.nextFollowUpOn ?? '',
      r.lastTouchAt ?? '',
      r.tags.join('; '),
      r.source,
    ].map(escapeCell),
  );
  // papaparse quotes; the formula escaping is ours (see cells.ts for why not papaparse's).
  return UTF8_BOM + Papa.unparse({ fields, data }, { escapeFormulae: false });
}
