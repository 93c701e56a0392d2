/** The pipeline table as a CSV file, with every field a user enters, in columns an import maps back. Pure. */
import Papa from 'papaparse';
import { LATER, LOST } from '../pipeline/constants';
import type { BantAnswer, Timeframe } from '../pipeline/model';
import type { ExportRow } from '../messaging/protocol';
import { escapeCell } from './cells';

/** The export's columns, in order; the page names them in its language (the import maps every language back). */
export const EXPORT_COLUMNS = [
  'name',
  'headline',
  'company',
  'location',
  'email',
  'linkedinUrl',
  'stage',
  'stageBefore',
  'lostReason',
  'reengageOn',
  'temperature',
  'temperatureOverride',
  'budget',
  'authority',
  'need',
  'timeframe',
  'dealValue',
  'currency',
  'expectedClose',
  'nextFollowUp',
  'lastTouch',
  'tags',
  'notes',
  'source',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** How the page names columns and values in its language. */
export interface CsvWording {
  header: (column: ExportColumn) => string;
  stage: (id: string) => string;
  temperature: (t: NonNullable<ExportRow['temperature']>) => string;
  source: (s: ExportRow['source']) => string;
  answer: (a: BantAnswer) => string;
  timeframe: (t: Timeframe) => string;
}

/** Spreadsheets read a file without a byte order mark in the system's code page: names would garble. */
const UTF8_BOM = '\uFEFF';

/**
 * The filtered table as CSV text, starting with a UTF-8 byte order mark; every cell formula-escaped.
 * Every email of a lead and every tag is in its one cell, separated by "; ". An unanswered BANT
 * question and an unset temperature override are empty cells, as an unset date is.
 */
export function rowsToCsv(rows: ExportRow[], wording: CsvWording): string {
  const answer = (a: BantAnswer) => (a === 'unknown' ? '' : wording.answer(a));
  const data = rows.map((r) => {
    const before = r.stage === LOST ? r.lost?.from : r.stage === LATER ? r.later?.from : undefined;
    return [
      r.name,
      r.headline ?? '',
      r.company ?? '',
      r.location ?? '',
      r.emails.join('; '),
      r.linkedinUrl ?? '',
      wording.stage(r.stage),
      before ? wording.stage(before) : '',
      r.stage === LOST ? (r.lost?.reason ?? '') : '',
      r.stage === LATER ? (r.later?.reengageOn ?? '') : '',
      r.temperature ? wording.temperature(r.temperature) : '',
      r.temperatureOverride ? wording.temperature(r.temperatureOverride) : '',
      answer(r.qualification.budget),
      answer(r.qualification.authority),
      answer(r.qualification.need),
      r.qualification.timeframe === 'none' ? '' : wording.timeframe(r.qualification.timeframe),
      r.dealValue === null ? '' : String(r.dealValue),
      r.currency,
      r.expectedCloseOn ?? '',
      r.nextFollowUpOn ?? '',
      r.lastTouchAt ?? '',
      r.tags.join('; '),
      r.notes,
      wording.source(r.source),
    ].map(escapeCell);
  });
  // papaparse quotes; the formula escaping is ours (see cells.ts for why not papaparse's).
  return UTF8_BOM + Papa.unparse({ fields: EXPORT_COLUMNS.map(wording.header), data }, { escapeFormulae: false });
}
