/** Domain constants, free of zod, so UI bundles can use them without the schemas. */

export const LEAD_SOURCES = ['linkedin', 'gmail', 'referral', 'event', 'inbound', 'import', 'manual'] as const;
export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export const CHANNELS = ['email', 'linkedin-message', 'linkedin-connection', 'call', 'meeting', 'note', 'other'] as const;
export const DIRECTIONS = ['outbound', 'inbound', 'internal'] as const;
export const TIMEFRAMES = ['now', 'within-2-months', 'later', 'none'] as const;

/** The temperature rules, in the order they decide (lib/pipeline/temperature.ts). */
export const TEMPERATURE_RULES = [
  'outside-funnel',
  'override',
  'bant-no',
  'ghosting',
  'stale',
  'timeframe-now',
  'bant-all-yes',
  'recent-reply',
  'timeframe-soon',
  'engaged',
  'no-timeframe',
] as const;
/** What a stored reason may name: a rule, or an old sentence that named none the v4 migration could read. */
export const REASON_RULES = [...TEMPERATURE_RULES, 'unrecognised'] as const;

/** The pipeline table's sortable columns. */
export const SORT_COLUMNS = ['name', 'company', 'stage', 'temperature', 'value', 'followUp', 'lastTouch', 'updated'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Stage ids outside the funnel, and the default funnel: shared with the settings (lib/domain). */
export { DEFAULT_STAGE_IDS, DEFAULT_STAGES, ENGLISH_STAGE_NAMES, LATER, LOST } from '../domain/stages';

export const EMPTY_QUALIFICATION = {
  budget: 'unknown',
  authority: 'unknown',
  need: 'unknown',
  timeframe: 'none',
} as const;
