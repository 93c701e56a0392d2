/**
 * A CSV import: the file's bytes, their encoding (detected, or chosen by the user while looking at a
 * preview), the parsed rows and their column mapping (defaults guessed from the headers), and the
 * run: rows checked here first, then sent in batches, each stored in one transaction by the
 * background. Progress after every batch; every row not imported is listed with its line and
 * reason. Each row carries its place in the file (the file's hash and its line), so running the
 * same file again, after an interruption or not, completes the leads it made instead of doubling
 * them; a new file can be opened and imported at any time after a run.
 */
import { signal } from '@preact/signals';
import type { StageDef } from '../pipeline/model';
import { CsvError, mapRow, parseCsv, type MappedRow, type ParsedCsv, type Target } from '../import/csv';
import { decodeBytes, detectEncoding, type Detection, type Encoding } from '../import/encoding';
import type { Send } from './send';
import { exportVocabulary } from './csv-wording';
import { t, textOf, tn, type Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

export const IMPORT_BATCH = 500;
/** Rows the preview shows before anything is imported. */
export const PREVIEW_ROWS = 5;

export interface ImportSummary {
  created: number;
  merged: number;
  errors: { line: number; reason: Text }[];
}

export interface OpenFile {
  name: string;
  /** Hex SHA-256 of the file's bytes (first 32 digits): the same file gives the same id. */
  importId: string;
  detection: Detection;
  /** The encoding the rows were read in; null until the user chooses one the bytes do not tell. */
  encoding: Encoding | null;
  /** Characters that could not be read in that encoding. */
  unreadable: number;
  /** Null while the encoding is unknown, or when the text has no header row (see `error`). */
  csv: ParsedCsv | null;
}

/** Hex SHA-256 of some bytes (the first 32 digits are plenty to tell files apart). */
async function fileHash(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ImportModel {
  readonly file = signal<OpenFile | null>(null);
  readonly mapping = signal<Target[]>([]);
  readonly progress = signal<{ done: number; total: number } | null>(null);
  readonly result = signal<ImportSummary | null>(null);
  readonly error = signal<Text | null>(null);
  readonly running = signal(false);
  private bytes = new Uint8Array();
  /** Our export's headers and the default stages' names in every language (read when a file opens). */
  private vocabulary: Awaited<ReturnType<typeof exportVocabulary>> = { headers: {}, values: {} };

  constructor(
    private readonly send: Send,
    /** Rows per `leads.import` message (each batch is one transaction in the background). */
    private readonly batchSize = IMPORT_BATCH,
  ) {}

  /** Reads a chosen file: its encoding detected, its rows parsed for the preview. Nothing is imported yet. */
  async open(file: Pick<File, 'name' | 'arrayBuffer'>): Promise<void> {
    if (this.running.value) return;
    this.result.value = null;
    this.progress.value = null;
    this.error.value = null;
    try {
      this.vocabulary = await exportVocabulary();
      this.bytes = new Uint8Array(await file.arrayBuffer());
      const detection = detectEncoding(this.bytes);
      this.file.value = { name: file.name, importId: await fileHash(this.bytes), detection, encoding: null, unreadable: 0, csv: null };
      if (detection.encoding) this.chooseEncoding(detection.encoding);
      else this.error.value = detection.by === 'nul-bytes' ? () => t('import_encoding_nul') : () => t('import_encoding_unknown');
    } catch (error) {
      this.file.value = null;
      const detail = problemText(error);
      this.error.value = () => t('import_cannot_read', { file: file.name, detail: textOf(detail) });
    }
  }

  /** Reads the file again in `encoding` (the preview shows the result). */
  chooseEncoding(encoding: Encoding): void {
    const file = this.file.value;
    if (!file || this.running.value) return;
    const { text, unreadable } = decodeBytes(this.bytes, encoding);
    this.result.value = null;
    this.progress.value = null;
    try {
      const csv = parseCsv(text, this.vocabulary.headers);
      this.file.value = { ...file, encoding, unreadable, csv };
      this.mapping.value = csv.mapping;
      this.error.value = unreadable > 0 ? () => tn('import_unreadable_characters', unreadable) : null;
    } catch (error) {
      this.file.value = { ...file, encoding, unreadable, csv: null };
      const detail = problemText(error);
      this.error.value = error instanceof CsvError ? detail : () => t('import_cannot_read', { file: file.name, detail: textOf(detail) });
    }
  }

  setTarget(column: number, target: Target): void {
    this.mapping.value = this.mapping.value.map((t, i) => (i === column ? target : t));
  }

  /** The first rows as they would be read now: what the user checks before importing. */
  preview(): ParsedCsv['rows'] {
    return this.file.value?.csv?.rows.slice(0, PREVIEW_ROWS) ?? [];
  }

  /** Imports every row; a re-run of the same file (whole or after an interruption) adds nothing twice. */
  async run(stages: StageDef[]): Promise<void> {
    const file = this.file.value;
    if (!file?.csv || this.running.value) return;
    const mapping = this.mapping.value;
    if (!mapping.some((t) => t === 'name' || t === 'firstName' || t === 'lastName')) {
      this.error.value = () => t('import_needs_name');
      return;
    }
    this.error.value = null;
    this.result.value = null;
    this.running.value = true;
    const summary: ImportSummary = { created: 0, merged: 0, errors: file.csv.problems.map((p) => ({ line: p.line, reason: problemText(p) })) };
    const good: (MappedRow & { importKey: string })[] = [];
    for (const { cells, line } of file.csv.rows) {
      const outcome = mapRow(cells, line, mapping, stages, this.vocabulary.values);
      if (outcome.ok) good.push({ ...outcome.row, importKey: `${file.importId}#${line}` });
      else summary.errors.push({ line: outcome.line, reason: problemText(outcome) });
    }
    this.progress.value = { done: 0, total: good.length };
    try {
      for (let i = 0; i < good.length; i += this.batchSize) {
        const results = await this.send('leads.import', { rows: good.slice(i, i + this.batchSize) });
        for (const r of results) {
          if (r.status === 'error') summary.errors.push({ line: r.line, reason: problemText(r) });
          else if (r.status === 'created') summary.created++;
          else summary.merged++;
        }
        this.progress.value = { done: Math.min(good.length, i + this.batchSize), total: good.length };
      }
    } catch (error) {
      const detail = problemText(error);
      this.error.value = () => t('import_stopped', { detail: textOf(detail) });
    } finally {
      this.running.value = false;
    }
    summary.errors.sort((a, b) => a.line - b.line);
    this.result.value = summary;
  }
}
