/**
 * A CSV import: the parsed file, its column mapping (defaults guessed from the headers), and the
 * run: rows checked here first, then sent in batches, each stored in one transaction by the
 * background. Progress after every batch; bad rows listed with their line and reason.
 */
import { signal } from '@preact/signals';
import type { StageDef } from '../pipeline/model';
import { CsvError, mapRow, parseCsv, type ParsedCsv, type Target } from '../import/csv';
import type { Send } from './send';

export const IMPORT_BATCH = 500;

export interface ImportSummary {
  created: number;
  merged: number;
  errors: { line: number; reason: string }[];
}

export class ImportModel {
  readonly file = signal<{ name: string; csv: ParsedCsv } | null>(null);
  readonly mapping = signal<Target[]>([]);
  readonly progress = signal<{ done: number; total: number } | null>(null);
  readonly result = signal<ImportSummary | null>(null);
  readonly error = signal<string | null>(null);

  constructor(private readonly send: Send) {}

  async open(file: File): Promise<void> {
    this.result.value = null;
    this.error.value = null;
    try {
      const csv = parseCsv(await file.text());
      this.file.value = { name: file.name, csv };
      this.mapping.value = csv.mapping;
    } catch (error) {
      this.file.value = null;
      this.error.value = error instanceof CsvError ? error.message : `Cannot read ${file.name}: ${(error as Error).message}`;
    }
  }

  setTarget(column: number, target: Target): void {
    this.mapping.value = this.mapping.value.map((t, i) => (i === column ? target : t));
  }

  async run(stages: StageDef[]): Promise<void> {
    const file = this.file.value;
    if (!file) return;
    const mapping = this.mapping.value;
    if (!mapping.some((t) => t === 'name' || t === 'firstName' || t === 'lastName')) {
      this.error.value = 'Map a column to a name (full name, or first and last name) first.';
      return;
    }
    this.error.value = null;
    const summary: ImportSummary = { created: 0, merged: 0, errors: [] };
    const good = [];
    for (const { cells, line } of file.csv.rows) {
      const outcome = mapRow(cells, line, mapping, stages);
      if (outcome.ok) good.push(outcome.row);
      else summary.errors.push({ line: outcome.line, reason: outcome.reason });
    }
    this.progress.value = { done: 0, total: good.length };
    try {
      for (let i = 0; i < good.length; i += IMPORT_BATCH) {
        const results = await this.send('leads.import', { rows: good.slice(i, i + IMPORT_BATCH) });
        for (const r of results) {
          if (r.status === 'error') summary.errors.push({ line: r.line, reason: r.reason });
          else if (r.status === 'created') summary.created++;
          else summary.merged++;
        }
        this.progress.value = { done: Math.min(good.length, i + IMPORT_BATCH), total: good.length };
      }
    } catch (error) {
      this.error.value = `Import stopped: ${(error as Error).message}. Rows before that point were imported.`;
    }
    summary.errors.sort((a, b) => a.line - b.line);
    this.result.value = summary;
  }
}
