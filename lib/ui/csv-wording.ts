/**
 * The CSV export in the UI's language, and the import's knowledge of that export in every
 * language: a file exported in Polish imports the same in Czech.
 */
import { EXPORT_COLUMNS, type CsvWording, type ExportColumn, type HeaderAliases, type Target } from '../import/csv';
import { allCatalogs, t, type MessageKey } from '../i18n/i18n';
import { sourceLabel, STAGE_KEYS, stageLabel, temperatureLabel } from '../i18n/labels';
import type { StageDef } from '../pipeline/model';

const HEADER_KEYS: Record<ExportColumn, MessageKey> = {
  name: 'csv_col_name',
  company: 'csv_col_company',
  email: 'csv_col_email',
  linkedinUrl: 'csv_col_linkedin_url',
  stage: 'csv_col_stage',
  temperature: 'csv_col_temperature',
  dealValue: 'csv_col_deal_value',
  currency: 'csv_col_currency',
  nextFollowUp: 'csv_col_next_follow_up',
  lastTouch: 'csv_col_last_touch',
  tags: 'csv_col_tags',
  source: 'csv_col_source',
};

/** The export's columns that an import reads back, and into what. */
const READ_BACK: Partial<Record<ExportColumn, Exclude<Target, 'ignore'>>> = {
  name: 'name',
  company: 'company',
  email: 'email',
  linkedinUrl: 'linkedinUrl',
  stage: 'stage',
  dealValue: 'dealValue',
  tags: 'tags',
};

/** Headers and values of the export in the current language. */
export function csvWording(stages: StageDef[]): CsvWording {
  return {
    header: (column) => t(HEADER_KEYS[column]),
    stage: (id) => stageLabel(id, stages),
    temperature: temperatureLabel,
    source: sourceLabel,
  };
}

/** Our export's headers and the default stages' names, in every language we ship. */
export async function exportVocabulary(): Promise<{ headers: HeaderAliases; stageNames: Record<string, string[]> }> {
  const catalogs = Object.values(await allCatalogs());
  const headers: HeaderAliases = {};
  for (const column of EXPORT_COLUMNS) {
    const target = READ_BACK[column];
    if (!target) continue;
    headers[target] = catalogs.flatMap((c) => c[HEADER_KEYS[column]]?.message ?? []);
  }
  const stageNames: Record<string, string[]> = {};
  for (const [id, key] of Object.entries(STAGE_KEYS)) stageNames[id] = catalogs.flatMap((c) => c[key]?.message ?? []);
  return { headers, stageNames };
}
