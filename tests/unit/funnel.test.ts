import { describe, expect, it } from 'vitest';
import { rebuild } from '../../lib/pipeline/aggregates';
import { funnelRows, weightedPipeline, winRate } from '../../lib/pipeline/funnel';
import { badgeText, dueFollowUps } from '../../lib/background/badge';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import { makeLead } from './helpers/leads';

const STAGES = DEFAULT_STAGES;
const reachedUpTo = (stage: string) => STAGES.slice(0, STAGES.findIndex((s) => s.id === stage) + 1).map((s) => s.id);
const at = (id: string, stage: string, over = {}) => makeLead({ id, linkedinUrl: null, stage, reached: reachedUpTo(stage), ...over });
const lostFrom = (id: string, from: string) =>
  makeLead({ id, linkedinUrl: null, stage: 'lost', reached: reachedUpTo(from), lost: { from, reason: 'budget', at: '2026-11-10T10:00:00.000Z' } });

// Three won, one lost at proposal, one at prospect: win rate 3 ÷ (3 + 2) = 60 %.
const PIPELINE = [
  at('p1', 'prospect', { dealValue: 1000 }),
  at('p2', 'prospect'),
  at('q1', 'qualified', { dealValue: 2000 }),
  at('n1', 'negotiation', { dealValue: 4000 }),
  at('w1', 'won', { dealValue: 10_000 }),
  at('w2', 'won'),
  at('w3', 'won'),
  lostFrom('l1', 'proposal'),
  lostFrom('l2', 'prospect'),
  makeLead({ id: 'later', linkedinUrl: null, stage: 'later', reached: ['prospect'], later: { from: 'prospect', reengageOn: '2027-01-01' }, dealValue: 99_000 }),
];

describe('funnel figures the popup shows', () => {
  const agg = rebuild(PIPELINE, STAGES);

  it('counts the win rate as won ÷ (won + lost)', () => {
    expect(winRate(agg, STAGES)).toBe(3 / 5);
    expect(winRate(rebuild([at('w', 'won'), lostFrom('l', 'qualified'), lostFrom('m', 'qualified'), lostFrom('n', 'contacted')], STAGES), STAGES)).toBe(1 / 4);
    expect(winRate(rebuild([at('w', 'won')], STAGES), STAGES)).toBe(1);
    expect(winRate(rebuild([lostFrom('l', 'qualified')], STAGES), STAGES)).toBe(0);
  });

  it('has no win rate before any lead is won or lost', () => {
    expect(winRate(rebuild([at('a', 'prospect'), at('b', 'negotiation')], STAGES), STAGES)).toBeNull();
  });

  it('weighs each open deal by its stage’s win probability, without won or parked deals', () => {
    // 1000 × 0.05 + 2000 × 0.1 + 4000 × 0.75; the won 10,000 and the parked 99,000 are not pipeline.
    expect(weightedPipeline(agg, STAGES)).toBe(50 + 200 + 3000);
    const custom = STAGES.map((s) => (s.id === 'qualified' ? { ...s, probability: 0.5 } : s));
    expect(weightedPipeline(rebuild(PIPELINE, custom), custom)).toBe(50 + 1000 + 3000);
    expect(weightedPipeline(rebuild([], STAGES), STAGES)).toBe(0);
  });

  it('lists every stage with leads now, leads that reached it, conversion to the next and leaks', () => {
    const rows = funnelRows(agg, STAGES);
    expect(rows.map((r) => [r.stage.id, r.open, r.reached, r.conversionToNext, r.lost])).toEqual([
      ['prospect', 2, 10, 6 / 10, 1],
      ['qualified', 1, 6, 5 / 6, 0],
      ['contacted', 0, 5, 5 / 5, 0],
      ['nurturing', 0, 5, 5 / 5, 0],
      ['proposal', 0, 5, 4 / 5, 1],
      ['negotiation', 1, 4, 3 / 4, 0],
      ['won', 3, 3, null, 0],
    ]);
  });

  it('has no conversion from a stage nobody reached', () => {
    const rows = funnelRows(rebuild([at('a', 'prospect')], STAGES), STAGES);
    expect(rows.map((r) => r.conversionToNext)).toEqual([0, null, null, null, null, null, null]);
  });
});

describe('toolbar badge', () => {
  it('counts open leads due today or overdue, not later ones nor closed ones', () => {
    const agg = rebuild(
      [
        at('a', 'prospect', { nextFollowUpOn: '2026-11-20' }),
        at('b', 'qualified', { nextFollowUpOn: '2026-11-22' }),
        at('c', 'qualified', { nextFollowUpOn: '2026-11-23' }),
        at('d', 'won', { nextFollowUpOn: '2026-11-01' }),
      ],
      STAGES,
    );
    expect(dueFollowUps(agg, '2026-11-22')).toBe(2);
    expect(dueFollowUps(agg, '2026-11-19')).toBe(0);
  });

  it('shows nothing for none, the count, and 999+ beyond', () => {
    expect([0, -1, 1, 999, 1000].map(badgeText)).toEqual(['', '', '1', '999', '999+']);
  });
});
