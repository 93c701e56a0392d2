/** Domain constants, free of zod, so UI bundles can use them without the schemas. */

export const LEAD_SOURCES = ['linkedin', 'gmail', 'referral', 'event', 'inbound', 'import', 'manual'] as const;
export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export const CHANNELS = ['email', 'linkedin-message', 'linkedin-connection', 'call', 'meeting', 'note', 'other'] as const;
export const DIRECTIONS = ['outbound', 'inbound', 'internal'] as const;
export const TIMEFRAMES = ['now', 'within-2-months', 'later', 'none'] as const;

/** The pipeline table's sortable columns. */
export const SORT_COLUMNS = ['name', 'company', 'stage', 'temperature', 'value', 'followUp', 'lastTouch', 'updated'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Stage ids outside the funnel, and the default funnel: shared with the settings (lib/domain). */
export { DEFAULT_STAGES, LATER, LOST } from '../domain/stages';

export const EMPTY_QUALIFICATION = {
  budget: 'unknown',
  authority: 'unknown',
  need: 'unknown',
  timeframe: 'none',
} as const;
