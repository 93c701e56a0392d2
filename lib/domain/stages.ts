/**
 * The default funnel and the stage ids outside it, shared by the pipeline rules and the settings.
 * Zod-free, so UI bundles can use them without the schemas.
 */
import type { StageDef } from './schemas';

/** Stage ids outside the funnel: a leak (Lost) and the parking list (Later). */
export const LOST = 'lost';
export const LATER = 'later';

/** The default funnel from PRODUCT.md, in order; the last stage is the won stage. */
export const DEFAULT_STAGES: StageDef[] = [
  { id: 'prospect', name: 'Prospect', probability: 0.05, rottingDays: 14 },
  { id: 'qualified', name: 'Qualified', probability: 0.1, rottingDays: 14 },
  { id: 'contacted', name: 'Contacted', probability: 0.2, rottingDays: 10 },
  { id: 'nurturing', name: 'Nurturing', probability: 0.3, rottingDays: 21 },
  { id: 'proposal', name: 'Proposal', probability: 0.5, rottingDays: 14 },
  { id: 'negotiation', name: 'Negotiation', probability: 0.75, rottingDays: 10 },
  { id: 'won', name: 'Won', probability: 1, rottingDays: 3650 },
];
