/**
 * The stage a touchpoint implies, offered as a one-click next step and never applied on its own:
 * first outbound contact on a lead not yet contacted → Contacted; a reply or a meeting held on a
 * lead not yet nurtured → Nurturing. Only forward moves within the funnel; stages are the default
 * funnel's ids, so a renamed stage keeps its rule and a removed one has none. Pure.
 */
import type { Channel, Direction, Lead, StageDef } from './model';
import { isClosedOrParked } from './stages';

export type NextStepRule = 'first-outbound' | 'reply' | 'meeting-held';

export interface StageSuggestion {
  to: string;
  rule: NextStepRule;
}

const CONTACT: Channel[] = ['email', 'linkedin-message', 'linkedin-connection', 'call'];

/** The forward move a logged touchpoint implies for the lead as it is now, or null. */
export function suggestStage(lead: Pick<Lead, 'stage'>, touch: { channel: Channel; direction: Direction }, stages: StageDef[]): StageSuggestion | null {
  if (isClosedOrParked(lead, stages)) return null;
  const at = stages.findIndex((s) => s.id === lead.stage);
  const forward = (to: string, rule: NextStepRule): StageSuggestion | null => {
    const target = stages.findIndex((s) => s.id === to);
    return target > at && at >= 0 ? { to, rule } : null;
  };
  if (touch.channel === 'meeting' && touch.direction !== 'internal') return forward('nurturing', 'meeting-held');
  if (!CONTACT.includes(touch.channel)) return null;
  if (touch.direction === 'inbound') return forward('nurturing', 'reply');
  if (touch.direction === 'outbound') return forward('contacted', 'first-outbound');
  return null;
}

/** A follow-up day moved on by `days` from `today` (both YYYY-MM-DD, local calendar). */
export function snoozedDay(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + days));
  return next.toISOString().slice(0, 10);
}
