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

/** Stage ids outside the funnel. */
export const LOST = 'lost';
export const LATER = 'later';

export interface StageDefinition {
  id: string;
  /** The user's name for the stage; null for a default stage not renamed (the UI names it from its id, in its language). */
  name: string | null;
  /** Win probability, 0..1, used for the weighted pipeline. */
  probability: number;
  /** A lead with no touchpoint and no stage change for longer than this is "rotting". */
  rottingDays: number;
}

/** The default funnel from PRODUCT.md, in order; the last stage is the won stage. Named from their ids until renamed. */
export const DEFAULT_STAGES: StageDefinition[] = [
  { id: 'prospect', name: null, probability: 0.05, rottingDays: 14 },
  { id: 'qualified', name: null, probability: 0.1, rottingDays: 14 },
  { id: 'contacted', name: null, probability: 0.2, rottingDays: 10 },
  { id: 'nurturing', name: null, probability: 0.3, rottingDays: 21 },
  { id: 'proposal', name: null, probability: 0.5, rottingDays: 14 },
  { id: 'negotiation', name: null, probability: 0.75, rottingDays: 10 },
  { id: 'won', name: null, probability: 1, rottingDays: 3650 },
];
export const DEFAULT_STAGE_IDS = DEFAULT_STAGES.map((s) => s.id);

/** The English names settings up to version 2 stored for the default stages (the v3 upgrade reads them). */
export const ENGLISH_STAGE_NAMES: Record<string, string> = {
  prospect: 'Prospect',
  qualified: 'Qualified',
  contacted: 'Contacted',
  nurturing: 'Nurturing',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
};

export const EMPTY_QUALIFICATION = {
  budget: 'unknown',
  authority: 'unknown',
  need: 'unknown',
  timeframe: 'none',
} as const;
