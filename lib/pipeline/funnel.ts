/** Funnel figures derived from the aggregates: what the popup draws. Pure. */
import type { Aggregates, FunnelSlice } from './aggregates';
import type { StageDef } from './model';
import { wonStageId } from './stages';

export interface FunnelRow {
  stage: StageDef;
  /** Leads in this stage now. */
  open: number;
  /** Leads that ever reached this stage. */
  reached: number;
  /** reached(next) ÷ reached(this); null for the last stage or when nobody reached this one. */
  conversionToNext: number | null;
  /** Leads lost at this stage. */
  lost: number;
}

export function funnelRows(agg: FunnelSlice, stages: StageDef[]): FunnelRow[] {
  return stages.map((stage, i) => {
    const reached = agg.reached[stage.id] ?? 0;
    const next = stages[i + 1];
    return {
      stage,
      open: agg.open[stage.id] ?? 0,
      reached,
      conversionToNext: next && reached > 0 ? (agg.reached[next.id] ?? 0) / reached : null,
      lost: agg.lostFrom[stage.id] ?? 0,
    };
  });
}

/** Σ deal value × win probability over open stages (won excluded: it is no longer pipeline). */
export function weightedPipeline(agg: Aggregates, stages: StageDef[]): number {
  const won = wonStageId(stages);
  return stages.filter((s) => s.id !== won).reduce((sum, s) => sum + (agg.value[s.id] ?? 0) * s.probability, 0);
}

/** won ÷ (won + lost), or null before any lead is closed. */
export function winRate(agg: FunnelSlice, stages: StageDef[]): number | null {
  const won = agg.open[wonStageId(stages)] ?? 0;
  const lost = Object.values(agg.lostFrom).reduce((a, b) => a + b, 0);
  return won + lost === 0 ? null : won / (won + lost);
}
