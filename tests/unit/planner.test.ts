import { describe, expect, it } from 'vitest';
import { rebuild } from '../../lib/pipeline/aggregates';
import { measuredDefaults, plan } from '../../lib/pipeline/planner';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import { makeLead } from './helpers/leads';

const STAGES = DEFAULT_STAGES.slice(0, 3).map((s, i, all) => (i === all.length - 1 ? { ...s, id: 'won', name: 'Won' } : s));

describe('reverse funnel planner', () => {
  it('works back from the target through the conversions and compares with leads at or past each stage', () => {
    const leads = [
      makeLead({ id: 'a', stage: 'prospect', reached: ['prospect'] }),
      makeLead({ id: 'b', stage: 'qualified', reached: ['prospect', 'qualified'] }),
      makeLead({ id: 'c', stage: 'won', reached: ['prospect', 'qualified', 'won'], dealValue: 1000 }),
    ];
    const agg = rebuild(leads, STAGES);
    const rows = plan({ target: 10_000, averageDeal: 1000, conversions: [0.5, 0.25] }, agg, STAGES);
    expect(rows.map((r) => [r.stage.id, r.needed, r.inPipeline, r.gap])).toEqual([
      ['prospect', 80, 2, 78],
      ['qualified', 40, 1, 39],
      ['won', 10, 1, 9],
    ]);
    expect(measuredDefaults(agg, STAGES)).toEqual({ averageDeal: 1000, conversions: [2 / 3, 1 / 2] });
  });

  it('does not invent a figure when a conversion is zero or no deal value is known', () => {
    const agg = rebuild([], STAGES);
    expect(plan({ target: 100, averageDeal: 10, conversions: [0, 0.3] }, agg, STAGES).map((r) => r.needed)).toEqual([null, 34, 10]);
    expect(plan({ target: 90, averageDeal: 10, conversions: [1, 0.3] }, agg, STAGES).map((r) => r.needed)).toEqual([30, 30, 9]);
    expect(measuredDefaults(agg, STAGES)).toEqual({ averageDeal: null, conversions: [null, null] });
  });
});
