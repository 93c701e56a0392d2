/** Stage moves: history, reached stages, leaks (Lost) and the parking list (Later). Pure. */
import { LATER, LOST } from './constants';
import type { Lead, StageDef } from './model';
import { localDay } from './time';

export type StageMove = { to: string } | { to: typeof LOST; reason: string } | { to: typeof LATER; reengageOn: string };

/** A stage move the rules refuse; `code` and `params` let the UI say why in its language. */
export class StageError extends Error {
  constructor(
    readonly code: 'lost_needs_reason' | 'later_needs_date' | 'stage_unknown',
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The won stage is the last stage of the funnel. */
export function wonStageId(stages: StageDef[]): string {
  return stages[stages.length - 1]!.id;
}

/** True for leads outside the open funnel: won, lost or parked for later. */
export function isClosedOrParked(lead: Pick<Lead, 'stage'>, stages: StageDef[]): boolean {
  return lead.stage === LOST || lead.stage === LATER || lead.stage === wonStageId(stages);
}

/** The funnel stage a lead belongs to: its stage, or where it leaked / was parked from. */
export function funnelStageOf(lead: Pick<Lead, 'stage' | 'lost' | 'later'>): string {
  if (lead.stage === LOST && lead.lost) return lead.lost.from;
  if (lead.stage === LATER && lead.later) return lead.later.from;
  return lead.stage;
}

/** Stage ids up to and including `stageId`: reaching a stage counts as reaching the ones before it. */
export function stagesUpTo(stageId: string, stages: StageDef[]): string[] {
  const index = stages.findIndex((s) => s.id === stageId);
  return index < 0 ? [] : stages.slice(0, index + 1).map((s) => s.id);
}

/** Applies a stage move and returns the new lead; the history records every move. */
export function moveLead(lead: Lead, move: StageMove, now: Date, stages: StageDef[]): Lead {
  const at = now.toISOString();
  if (move.to === lead.stage) return lead;
  const history = [...lead.stageHistory, { from: lead.stage, to: move.to, at }];
  const base = { ...lead, stageHistory: history, updatedAt: at };

  if (move.to === LOST) {
    const reason = 'reason' in move ? move.reason.trim() : '';
    if (!reason) throw new StageError('lost_needs_reason', 'A lost lead needs a reason.');
    return { ...base, stage: LOST, lost: { from: funnelStageOf(lead), reason, at }, later: null };
  }
  if (move.to === LATER) {
    const reengageOn = 'reengageOn' in move ? move.reengageOn : '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reengageOn)) throw new StageError('later_needs_date', 'Parking a lead needs a re-engage date.');
    return { ...base, stage: LATER, later: { from: funnelStageOf(lead), reengageOn }, lost: null };
  }
  const reachedNow = stagesUpTo(move.to, stages);
  if (reachedNow.length === 0) throw new StageError('stage_unknown', `Unknown stage "${move.to}".`, { stage: move.to });
  const reached = stages.map((s) => s.id).filter((id) => lead.reached.includes(id) || reachedNow.includes(id));
  return { ...base, stage: move.to, reached, lost: null, later: null };
}

/**
 * A parked lead whose re-engage date has come returns to the stage it was parked from, with a
 * follow-up due that day. Returns null when nothing is due.
 */
export function reengageIfDue(lead: Lead, now: Date, stages: StageDef[]): Lead | null {
  if (lead.stage !== LATER || !lead.later) return null;
  const today = localDay(now);
  if (lead.later.reengageOn > today) return null;
  const back = stages.some((s) => s.id === lead.later!.from) ? lead.later.from : stages[0]!.id;
  const moved = moveLead(lead, { to: back }, now, stages);
  return { ...moved, nextFollowUpOn: lead.later.reengageOn < today ? today : lead.later.reengageOn };
}

/** The day `days` calendar days before `day` (both YYYY-MM-DD). */
export function dayMinus(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
