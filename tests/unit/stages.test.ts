import { describe, expect, it } from 'vitest';
import { moveLead, reengageIfDue, StageError } from '../../lib/pipeline/stages';
import { isStale, rebuild, sliceFor, staleCount } from '../../lib/pipeline/aggregates';
import { DEFAULT_STAGES } from '../../lib/pipeline/model';
import { makeLead } from './helpers/leads';

const NOW = new Date('2026-11-22T12:00:00.000Z');

describe('stage moves', () => {
  it('records every move in the history', () => {
    const moved = moveLead(makeLead(), { to: 'qualified' }, NOW, DEFAULT_STAGES);
    expect(moved.stage).toBe('qualified');
    expect(moved.stageHistory.at(-1)).toEqual({ from: 'prospect', to: 'qualified', at: NOW.toISOString() });
  });

  it('counts skipped stages as reached when moving forward', () => {
    const moved = moveLead(makeLead(), { to: 'proposal' }, NOW, DEFAULT_STAGES);
    expect(moved.reached).toEqual(['prospect', 'qualified', 'contacted', 'nurturing', 'proposal']);
  });

  it('allows moving back, keeps what was reached, and keeps the history', () => {
    const forward = moveLead(makeLead(), { to: 'proposal' }, NOW, DEFAULT_STAGES);
    const back = moveLead(forward, { to: 'contacted' }, new Date(NOW.getTime() + 1000), DEFAULT_STAGES);
    expect(back.stage).toBe('contacted');
    expect(back.reached).toContain('proposal');
    expect(back.stageHistory.map((h) => h.to)).toEqual(['prospect', 'proposal', 'contacted']);
  });

  it('records the stage a lost lead leaked from and why', () => {
    const atProposal = moveLead(makeLead(), { to: 'proposal' }, NOW, DEFAULT_STAGES);
    const lost = moveLead(atProposal, { to: 'lost', reason: 'Went with a competitor' }, NOW, DEFAULT_STAGES);
    expect(lost.lost).toEqual({ from: 'proposal', reason: 'Went with a competitor', at: NOW.toISOString() });
    expect(() => moveLead(atProposal, { to: 'lost', reason: '  ' }, NOW, DEFAULT_STAGES)).toThrow(StageError);
  });

  it('parks a lead for later and brings it back to its stage with a follow-up when the day comes', () => {
    const contacted = moveLead(makeLead(), { to: 'contacted' }, NOW, DEFAULT_STAGES);
    const parked = moveLead(contacted, { to: 'later', reengageOn: '2026-12-01' }, NOW, DEFAULT_STAGES);
    expect(parked.later).toEqual({ from: 'contacted', reengageOn: '2026-12-01' });
    expect(reengageIfDue(parked, new Date('2026-11-30T12:00:00'), DEFAULT_STAGES)).toBeNull();
    const back = reengageIfDue(parked, new Date('2026-12-01T09:00:00'), DEFAULT_STAGES);
    expect(back?.stage).toBe('contacted');
    expect(back?.later).toBeNull();
    expect(back?.nextFollowUpOn).toBe('2026-12-01');
    // Coming back after the day (the browser was closed): due today, not in the past.
    expect(reengageIfDue(parked, new Date('2026-12-05T09:00:00'), DEFAULT_STAGES)?.nextFollowUpOn).toBe('2026-12-05');
  });

  it('refuses an unknown stage', () => {
    expect(() => moveLead(makeLead(), { to: 'nope' }, NOW, DEFAULT_STAGES)).toThrow(/Unknown stage/);
  });

  it('keeps history meaningful when a stage is renamed (history holds ids)', () => {
    const moved = moveLead(makeLead(), { to: 'qualified' }, NOW, DEFAULT_STAGES);
    const renamed = DEFAULT_STAGES.map((s) => (s.id === 'qualified' ? { ...s, name: 'SQL' } : s));
    expect(moveLead(moved, { to: 'contacted' }, NOW, renamed).stageHistory.map((h) => h.to)).toEqual(['prospect', 'qualified', 'contacted']);
  });
});

describe('stale (rotting) leads', () => {
  // Contacted rots after 10 days in the default funnel.
  const contacted = (lastActivity: string) =>
    makeLead({
      stage: 'contacted',
      reached: ['prospect', 'qualified', 'contacted'],
      createdAt: '2026-10-01T09:00:00.000Z',
      stageHistory: [{ from: null, to: 'contacted', at: '2026-10-01T09:00:00.000Z' }],
      lastTouchAt: lastActivity,
    });

  it("is stale after more than the stage's rotting days without activity, and counted from the aggregates", () => {
    const today = '2026-11-22';
    const fresh = contacted('2026-11-12T10:00:00.000Z'); // exactly 10 days: not yet
    const rotting = { ...contacted('2026-11-11T10:00:00.000Z'), id: 'lead-2' }; // 11 days
    expect(isStale(fresh, DEFAULT_STAGES, today)).toBe(false);
    expect(isStale(rotting, DEFAULT_STAGES, today)).toBe(true);
    expect(staleCount(rebuild([fresh, rotting], DEFAULT_STAGES), DEFAULT_STAGES, today)).toBe(1);
  });

  it('never counts won, lost or parked leads as stale', () => {
    const won = makeLead({ stage: 'won', createdAt: '2025-01-01T00:00:00.000Z', stageHistory: [] });
    expect(isStale(won, DEFAULT_STAGES, '2026-11-22')).toBe(false);
    expect(staleCount(rebuild([won], DEFAULT_STAGES), DEFAULT_STAGES, '2026-11-22')).toBe(0);
  });
});

describe('period filter', () => {
  const lead = (id: string, createdAt: string, stage = 'prospect') =>
    makeLead({ id, createdAt, stage, reached: stage === 'qualified' ? ['prospect', 'qualified'] : ['prospect'], stageHistory: [] });

  it('counts the leads created this month, this quarter, or ever', () => {
    const agg = rebuild(
      [
        lead('a', '2026-11-03T10:00:00.000Z', 'qualified'),
        lead('b', '2026-10-15T10:00:00.000Z'),
        lead('c', '2026-08-01T10:00:00.000Z'),
        lead('d', '2025-11-20T10:00:00.000Z'),
      ],
      DEFAULT_STAGES,
    );
    expect(sliceFor(agg, 'month', '2026-11-22')).toMatchObject({ total: 1, reached: { prospect: 1, qualified: 1 } });
    expect(sliceFor(agg, 'quarter', '2026-11-22')).toMatchObject({ total: 2, reached: { prospect: 2, qualified: 1 }, open: { prospect: 1, qualified: 1 } });
    expect(sliceFor(agg, 'all', '2026-11-22').total).toBe(4);
    expect(sliceFor(agg, 'quarter', '2026-08-10').total).toBe(1);
  });
});
