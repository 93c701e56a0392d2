/**
 * The reverse funnel: from a revenue target back to the leads each stage needs. Pure.
 * wins = ⌈target ÷ average deal⌉; leads needed at stage i = ⌈needed at i+1 ÷ conversion i→i+1⌉.
 * "In pipeline" at a stage counts open leads at that stage or later (not yet won): they have
 * already reached it. The gap is what is missing.
 */
import type { Aggregates } from './aggregates';
import { funnelRows } from './funnel';
import type { StageDef } from './model';
import { wonStageId } from './stages';

export interface PlanInput {
  target: number;
  averageDeal: number;
  /** Conversion from stage i to stage i+1, 0..1; one per stage but the last. */
  conversions: number[];
}

export interface PlanRow {
  stage: StageDef;
  /** null when a conversion on the way is 0: no number of leads gets there. */
  needed: number | null;
  inPipeline: number;
  gap: number | null;
}

/** Measured conversions (reached next ÷ reached), and the average value of won (else of any valued) deals. */
export function measuredDefaults(agg: Aggregates, stages: StageDef[]): { averageDeal: number | null; conversions: (number | null)[] } {
  const rows = funnelRows(agg, stages);
  const won = wonStageId(stages);
  const valuedWon = agg.valued[won] ?? 0;
  const valuedAll = Object.values(agg.valued).reduce((a, b) => a + b, 0);
  const sumAll = Object.values(agg.value).reduce((a, b) => a + b, 0);
  const averageDeal = valuedWon > 0 ? (agg.value[won] ?? 0) / valuedWon : valuedAll > 0 ? sumAll / valuedAll : null;
  return { averageDeal, conversions: rows.slice(0, -1).map((r) => r.conversionToNext) };
}

export function plan(input: PlanInput, agg: Aggregates, stages: StageDef[]): PlanRow[] {
  const won = stages.length - 1;
  const needed: (number | null)[] = Array.from({ length: stages.length }, () => null);
  needed[won] = input.averageDeal > 0 ? Math.ceil(input.target / input.averageDeal) : null;
  for (let i = won - 1; i >= 0; i--) {
    const next = needed[i + 1] ?? null;
    const rate = input.conversions[i] ?? 0;
    // Rounding guard: 0.3 × 10 must not ask for 34 because of floating point.
    needed[i] = next === null || rate <= 0 ? null : Math.ceil(next / rate - 1e-9);
  }
  return stages.map((stage, i) => {
    const inPipeline = i === won ? (agg.open[stage.id] ?? 0) : stages.slice(i, won).reduce((sum, s) => sum + (agg.open[s.id] ?? 0), 0);
    const n = needed[i]!;
    return { stage, needed: n, inPipeline, gap: n === null ? null : Math.max(0, n - inPipeline) };
  });
}
