/**
 * The default funnel and the stage ids outside it, shared by the pipeline rules and the settings.
 * Zod-free, so UI bundles can use them without the schemas.
 */
import type { StageDef } from './schemas';

/** Stage ids outside the funnel: a leak (Lost) and the parking list (Later). */
export const LOST = 'lost';
export const LATER = 'later';

/** The default funnel from PRODUCT.md, in order; the last stage is the won stage. Named from their ids until renamed. */
export const DEFAULT_STAGES: StageDef[] = [
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
