/**
 * The CSV export in the UI's language, and the import's knowledge of that export in every
 * language: a file exported in Polish imports the same in Czech.
 */
import { EXPORT_COLUMNS, type CsvWording, type ExportColumn, type HeaderAliases, type Target, type ValueNames } from '../import/csv';
import { allCatalogs, t, type Catalog, type MessageKey } from '../i18n/i18n';
import {
  ANSWER_KEYS,
  answerLabel,
  SOURCE_KEYS,
  sourceLabel,
  STAGE_KEYS,
  stageLabel,
  TEMPERATURE_KEYS,
  temperatureLabel,
  TIMEFRAME_KEYS,
  timeframeLabel,
} from '../i18n/labels';
import type { StageDef } from '../pipeline/model';

const HEADER_KEYS: Record<ExportColumn, MessageKey> = {
  name: 'csv_col_name',
  headline: 'csv_col_headline',
  company: 'csv_col_company',
  location: 'csv_col_location',
  email: 'csv_col_email',
  linkedinUrl: 'csv_col_linkedin_url',
  stage: 'csv_col_stage',
  stageBefore: 'csv_col_stage_before',
  lostReason: 'csv_col_lost_reason',
  reengageOn: 'csv_col_reengage_on',
  temperature: 'csv_col_temperature',
  temperatureOverride: 'csv_col_temperature_override',
  budget: 'csv_col_budget',
  authority: 'csv_col_authority',
  need: 'csv_col_need',
  timeframe: 'csv_col_timeframe',
  dealValue: 'csv_col_deal_value',
  currency: 'csv_col_currency',
  expectedClose: 'csv_col_expected_close',
  nextFollowUp: 'csv_col_next_follow_up',
  lastTouch: 'csv_col_last_touch',
  tags: 'csv_col_tags',
  notes: 'csv_col_notes',
  source: 'csv_col_source',
};

/**
 * The export's columns that an import reads back, and into what: all but the temperature and the
 * last touch, which the rules and the touchpoints give (the override a user sets is read back).
 */
const READ_BACK: Record<Exclude<ExportColumn, 'temperature' | 'lastTouch'>, Exclude<Target, 'ignore'>> = {
  name: 'name',
  headline: 'headline',
  company: 'company',
  location: 'location',
  email: 'email',
  linkedinUrl: 'linkedinUrl',
  stage: 'stage',
  stageBefore: 'stageBefore',
  lostReason: 'lostReason',
  reengageOn: 'reengageOn',
  temperatureOverride: 'temperatureOverride',
  budget: 'budget',
  authority: 'authority',
  need: 'need',
  timeframe: 'timeframe',
  dealValue: 'dealValue',
  currency: 'currency',
  expectedClose: 'expectedClose',
  nextFollowUp: 'nextFollowUp',
  tags: 'tags',
  notes: 'notes',
  source: 'source',
};

/** Headers and values of the export in the current language. */
export function csvWording(stages: StageDef[]): CsvWording {
  return {
    header: (column) => t(HEADER_KEYS[column]),
    stage: (id) => stageLabel(id, stages),
    temperature: temperatureLabel,
    source: sourceLabel,
    answer: answerLabel,
    timeframe: timeframeLabel,
  };
}

/** Each id's message in every catalogue. */
function namesIn<T extends string>(catalogs: Catalog[], keys: Record<T, MessageKey>): Record<T, string[]> {
  const out = {} as Record<T, string[]>;
  for (const [id, key] of Object.entries(keys) as [T, MessageKey][]) out[id] = catalogs.flatMap((c) => c[key]?.message ?? []);
  return out;
}

/** Our export's headers and the words of its values (default stages, BANT, temperatures, sources), in every language we ship. */
export async function exportVocabulary(): Promise<{ headers: HeaderAliases; values: ValueNames }> {
  const catalogs = Object.values(await allCatalogs());
  const headers: HeaderAliases = {};
  for (const column of EXPORT_COLUMNS) {
    if (column === 'temperature' || column === 'lastTouch') continue;
    headers[READ_BACK[column]] = catalogs.flatMap((c) => c[HEADER_KEYS[column]]?.message ?? []);
  }
  return {
    headers,
    values: {
      stage: namesIn(catalogs, STAGE_KEYS),
      answer: namesIn(catalogs, ANSWER_KEYS),
      timeframe: namesIn(catalogs, TIMEFRAME_KEYS),
      temperature: namesIn(catalogs, TEMPERATURE_KEYS),
      source: namesIn(catalogs, SOURCE_KEYS),
    },
  };
}
