/** The reverse funnel planner's inputs: a revenue target, the average deal, conversions in %. */
import { signal, type Signal } from '@preact/signals';
import type { Aggregates } from '../pipeline/aggregates';
import type { StageDef } from '../pipeline/model';
import { measuredDefaults, plan, type PlanRow } from '../pipeline/planner';

export class PlannerModel {
  readonly target = signal(100_000);
  readonly averageDeal: Signal<number>;
  /** Conversion from each stage to the next, in whole percent. */
  readonly rates: Signal<number[]>;
  readonly measured: ReturnType<typeof measuredDefaults>;

  constructor(agg: Aggregates, stages: StageDef[]) {
    this.measured = measuredDefaults(agg, stages);
    this.averageDeal = signal(Math.round(this.measured.averageDeal ?? 5000));
    // A stage nobody has left yet measures 0%: start from 50% there rather than call the target unreachable.
    this.rates = signal(stages.slice(0, -1).map((_, i) => Math.round((this.measured.conversions[i] || 0.5) * 100)));
  }

  setRate(i: number, percent: number): void {
    this.rates.value = this.rates.value.map((r, j) => (j === i ? Math.min(100, percent) : r));
  }

  rows(agg: Aggregates, stages: StageDef[]): PlanRow[] {
    return plan({ target: this.target.value, averageDeal: this.averageDeal.value, conversions: this.rates.value.map((r) => r / 100) }, agg, stages);
  }
}
