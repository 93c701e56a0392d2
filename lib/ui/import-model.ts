/**
 * A CSV import: the parsed file, its column mapping (defaults guessed from the headers), and the
 * run: rows checked here first, then sent in batches, each stored in one transaction by the
 * background. Progress after every batch; bad rows listed with their line and reason.
 */
import { signal } from '@preact/signals';
import type { StageDef } from '../pipeline/model';
import { CsvError, mapRow, parseCsv, type ParsedCsv, type Target } from '../import/csv';
import type { Send } from './send';
import { exportVocabulary } from './csv-wording';
import { t, textOf, type Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

export const IMPORT_BATCH = 500;

export interface ImportSummary {
  created: number;
  merged: number;
  errors: { line: number; reason: Text }[];
}

export class ImportModel {
  readonly file = signal<{ name: string; csv: ParsedCsv } | null>(null);
  readonly mapping = signal<Target[]>([]);
  readonly progress = signal<{ done: number; total: number } | null>(null);
  readonly result = signal<ImportSummary | null>(null);
  readonly error = signal<Text | null>(null);
  private stageNames: Record<string, string[]> = {};

  constructor(private readonly send: Send) {}

  async open(file: File): Promise<void> {
    this.result.value = null;
    this.error.value = null;
    try {
      const vocabulary = await exportVocabulary();
      this.stageNames = vocabulary.stageNames;
      const csv = parseCsv(await file.text(), vocabulary.headers);
      this.file.value = { name: file.name, csv };
      this.mapping.value = csv.mapping;
    } catch (error) {
      this.file.value = null;
      const detail = problemText(error);
      this.error.value = error instanceof CsvError ? detail : () => t('import_cannot_read', { file: file.name, detail: textOf(detail) });
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
      this.error.value = () => t('import_needs_name');
      return;
    }
    this.error.value = null;
    const summary: ImportSummary = { created: 0, merged: 0, errors: [] };
    const good = [];
    for (const { cells, line } of file.csv.rows) {
      const outcome = mapRow(cells, line, mapping, stages, this.stageNames);
      if (outcome.ok) good.push(outcome.row);
      else summary.errors.push({ line: outcome.line, reason: problemText(outcome) });
    }
    this.progress.value = { done: 0, total: good.length };
    try {
      for (let i = 0; i < good.length; i += IMPORT_BATCH) {
        const results = await this.send('leads.import', { rows: good.slice(i, i + IMPORT_BATCH) });
        for (const r of results) {
          if (r.status === 'error') summary.errors.push({ line: r.line, reason: problemText(r) });
          else if (r.status === 'created') summary.created++;
          else summary.merged++;
        }
        this.progress.value = { done: Math.min(good.length, i + IMPORT_BATCH), total: good.length };
      }
    } catch (error) {
      const detail = problemText(error);
      this.error.value = () => t('import_stopped', { detail: textOf(detail) });
    }
    summary.errors.sort((a, b) => a.line - b.line);
    this.result.value = summary;
  }
}
