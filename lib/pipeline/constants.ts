/** Domain constants, free of zod, so UI bundles can use them without the schemas. */

export const LEAD_SOURCES = ['linkedin', 'gmail', 'referral', 'event', 'inbound', 'import', 'manual'] as const;
export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export const CHANNELS = ['email', 'linkedin-message', 'linkedin-connection', 'call', 'meeting', 'note', 'other'] as const;
export const DIRECTIONS = ['outbound', 'inbound', 'internal'] as const;
export const TIMEFRAMES = ['now', 'within-2-months', 'later', 'none'] as const;

/** The pipeline table's sortable columns. */
export const SORT_COLUMNS = ['name', 'company', 'stage', 'temperature', 'value', 'followUp', 'lastTouch', 'updated'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Stage ids outside the funnel. */
export const LOST = 'lost';
export const LATER = 'later';

export interface StageDefinition {
  id: string;
  name: string;
  /** Win probability, 0..1, used for the weighted pipeline. */
  probability: number;
  /** A lead with no touchpoint and no stage change for longer than this is "rotting". */
  rottingDays: number;
}

/** The default funnel from PRODUCT.md, in order; the last stage is the won stage. */
export const DEFAULT_STAGES: StageDefinition[] = [
  { id: 'prospect', name: 'Prospect', probability: 0.05, rottingDays: 14 },
  { id: 'qualified', name: 'Qualified', probability: 0.1, rottingDays: 14 },
  { id: 'contacted', name: 'Contacted', probability: 0.2, rottingDays: 10 },
  { id: 'nurturing', name: 'Nurturing', probability: 0.3, rottingDays: 21 },
  { id: 'proposal', name: 'Proposal', probability: 0.5, rottingDays: 14 },
  { id: 'negotiation', name: 'Negotiation', probability: 0.75, rottingDays: 10 },
  { id: 'won', name: 'Won', probability: 1, rottingDays: 3650 },
];

export const EMPTY_QUALIFICATION = {
  budget: 'unknown',
  authority: 'unknown',
  need: 'unknown',
  timeframe: 'none',
} as const;
