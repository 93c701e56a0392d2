// The pure rules under every write: stage moves, aggregates, merging, search keys, new leads, days.
import { describe, expect, it } from 'vitest';
import { dayMinus, funnelStageOf, isClosedOrParked, moveLead, reengageIfDue, StageError, stagesUpTo, wonStageId } from '../../lib/pipeline/stages';
import { applyChange, emptyAggregates, lastActivityDay, rebuild, sliceFor, staleCount } from '../../lib/pipeline/aggregates';
import { duplicateGroups, mergeLeads } from '../../lib/pipeline/merge';
import { fold, queryWords, searchKeysOf } from '../../lib/pipeline/search';
import { newLead, normaliseEmails } from '../../lib/pipeline/lead';
import { daysBetween, localDay } from '../../lib/pipeline/time';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import type { Lead } from '../../lib/pipeline/model';
import { makeLead } from './helpers/leads';
import { stageLabel } from '../../lib/i18n/labels';
import { speak } from './helpers/i18n';

const STAGES = DEFAULT_STAGES;
const NOW = new Date('2026-11-22T12:00:00.000Z');
const lost = (from: string, over: Partial<Lead> = {}) =>
  makeLead({ stage: 'lost', reached: stagesUpTo(from, STAGES), lost: { from, reason: 'No budget', at: '2026-11-10T10:00:00.000Z' }, ...over });
const later = (from: string, reengageOn: string, over: Partial<Lead> = {}) =>
  makeLead({ stage: 'later', reached: stagesUpTo(from, STAGES), later: { from, reengageOn }, ...over });

describe('stages', () => {
  it('knows the won stage as the last, and which leads are outside the open funnel', () => {
    expect(wonStageId(STAGES)).toBe('won');
    expect(wonStageId(STAGES.slice(0, 3))).toBe('contacted');
    expect(['prospect', 'negotiation', 'won', 'lost', 'later'].map((stage) => isClosedOrParked({ stage }, STAGES))).toEqual([false, false, true, true, true]);
  });

  it('names stages, Lost and Later, and shows an unknown id as it is', () => {
    speak('en');
    expect(['qualified', 'lost', 'later', 'gone'].map((id) => stageLabel(id, STAGES))).toEqual(['Qualified', 'Lost', 'Later', 'gone']);
  });

  it('gives the funnel stage a lead belongs to, also when lost or parked', () => {
    expect(funnelStageOf(lost('proposal'))).toBe('proposal');
    expect(funnelStageOf(later('contacted', '2027-01-01'))).toBe('contacted');
    expect(funnelStageOf(makeLead({ stage: 'qualified' }))).toBe('qualified');
    expect(funnelStageOf(makeLead({ stage: 'lost', lost: null }))).toBe('lost');
    expect(funnelStageOf(makeLead({ stage: 'later', later: null }))).toBe('later');
  });

  it('lists the stages up to one, and none for an unknown one', () => {
    expect(stagesUpTo('contacted', STAGES)).toEqual(['prospect', 'qualified', 'contacted']);
    expect(stagesUpTo('prospect', STAGES)).toEqual(['prospect']);
    expect(stagesUpTo('nope', STAGES)).toEqual([]);
  });

  it('returns the very same lead for a move to its own stage, and stamps a real move', () => {
    const lead = makeLead();
    expect(moveLead(lead, { to: 'prospect' }, NOW, STAGES)).toBe(lead);
    const moved = moveLead(lead, { to: 'qualified' }, NOW, STAGES);
    expect(moved).toMatchObject({ updatedAt: NOW.toISOString(), lost: null, later: null, reached: ['prospect', 'qualified'] });
    expect(lead.stage).toBe('prospect');
  });

  it('brings a lost lead back into the funnel without its leak, keeping the stages it reached in funnel order', () => {
    const back = moveLead(lost('proposal'), { to: 'qualified' }, NOW, STAGES);
    expect(back).toMatchObject({ stage: 'qualified', lost: null, later: null });
    expect(back.reached).toEqual(['prospect', 'qualified', 'contacted', 'nurturing', 'proposal']);
    const parkedThenLost = moveLead(later('contacted', '2027-01-01'), { to: 'lost', reason: ' gone quiet ' }, NOW, STAGES);
    expect(parkedThenLost).toMatchObject({ stage: 'lost', later: null, lost: { from: 'contacted', reason: 'gone quiet', at: NOW.toISOString() } });
    const lostThenParked = moveLead(lost('qualified'), { to: 'later', reengageOn: '2027-02-01' }, NOW, STAGES);
    expect(lostThenParked).toMatchObject({ stage: 'later', lost: null, later: { from: 'qualified', reengageOn: '2027-02-01' } });
  });

  it('refuses to park without a full re-engage date, or lose without a reason', () => {
    for (const reengageOn of ['', '2027-1-01', '01.02.2027', '2027-02-01T00:00'])
      expect(() => moveLead(makeLead(), { to: 'later', reengageOn }, NOW, STAGES)).toThrow(
        new StageError('later_needs_date', 'Parking a lead needs a re-engage date.'),
      );
    expect(() => moveLead(makeLead(), { to: 'lost', reason: '' }, NOW, STAGES)).toThrow(new StageError('lost_needs_reason', 'A lost lead needs a reason.'));
    expect(() => moveLead(makeLead(), { to: 'nope' }, NOW, STAGES)).toThrow(new StageError('stage_unknown', 'Unknown stage "nope".', { stage: 'nope' }));
  });

  it('leaves a lead that is not parked alone, and returns one parked from a deleted stage to the first', () => {
    expect(reengageIfDue(makeLead(), NOW, STAGES)).toBeNull();
    expect(reengageIfDue(makeLead({ stage: 'later', later: null }), NOW, STAGES)).toBeNull();
    const orphan = later('demo', '2026-11-01');
    expect(reengageIfDue(orphan, NOW, STAGES)).toMatchObject({ stage: 'prospect', nextFollowUpOn: localDay(NOW) });
    expect(reengageIfDue(later('qualified', localDay(NOW)), NOW, STAGES)).toMatchObject({ stage: 'qualified', nextFollowUpOn: localDay(NOW) });
  });

  it('counts calendar days back across months and years', () => {
    expect(dayMinus('2026-03-01', 1)).toBe('2026-02-28');
    expect(dayMinus('2024-03-01', 1)).toBe('2024-02-29');
    expect(dayMinus('2027-01-05', 10)).toBe('2026-12-26');
    expect(dayMinus('2026-11-22', 0)).toBe('2026-11-22');
  });
});

describe('aggregates', () => {
  it('takes the last of capture, last touch and last stage change as the day of last activity', () => {
    expect(lastActivityDay(makeLead({ createdAt: '2026-10-01T09:00:00.000Z', lastTouchAt: null, stageHistory: [] }))).toBe('2026-10-01');
    expect(lastActivityDay(makeLead({ createdAt: '2026-10-01T09:00:00.000Z', lastTouchAt: '2026-11-02T08:00:00.000Z' }))).toBe('2026-11-02');
    expect(
      lastActivityDay(
        makeLead({
          createdAt: '2026-10-01T09:00:00.000Z',
          lastTouchAt: '2026-11-02T08:00:00.000Z',
          stageHistory: [{ from: 'prospect', to: 'qualified', at: '2026-11-05T23:00:00.000Z' }],
        }),
      ),
    ).toBe('2026-11-05');
  });

  it('counts each lead in the right buckets: open, lost, parked; values and temperatures of open leads only', () => {
    const agg = rebuild(
      [
        makeLead({ id: 'a', stage: 'qualified', reached: ['prospect', 'qualified'], dealValue: 100.5, temperature: 'hot', nextFollowUpOn: '2026-11-25' }),
        makeLead({ id: 'b', stage: 'won', reached: stagesUpTo('won', STAGES), dealValue: 900, temperature: null, nextFollowUpOn: '2026-11-01' }),
        lost('contacted', { id: 'c', dealValue: 50, temperature: 'cold' }),
        later('qualified', '2027-01-01', { id: 'd', dealValue: 70, nextFollowUpOn: '2026-11-02' }),
      ],
      STAGES,
    );
    expect(agg).toMatchObject({
      total: 4,
      open: { qualified: 1, won: 1 },
      lostFrom: { contacted: 1 },
      later: 1,
      temperature: { hot: 1 },
      followUpOn: { '2026-11-25': 1 },
      value: { qualified: 100.5, won: 900 },
      valued: { qualified: 1, won: 1 },
      lastActivity: { 'qualified|2026-11-01': 1 },
    });
    expect(agg.reached).toEqual({ prospect: 4, qualified: 4, contacted: 2, nurturing: 1, proposal: 1, negotiation: 1, won: 1 });
    expect(Object.keys(agg.cohorts)).toEqual(['2026-11']);
  });

  it('leaves nothing behind when every lead goes again', () => {
    const a = makeLead({
      id: 'a',
      stage: 'qualified',
      reached: ['prospect', 'qualified'],
      dealValue: 1234.56,
      temperature: 'warm',
      nextFollowUpOn: '2026-12-01',
    });
    const agg = emptyAggregates();
    applyChange(agg, undefined, a, STAGES);
    applyChange(agg, a, { ...a, stage: 'proposal', reached: stagesUpTo('proposal', STAGES), dealValue: 99.99 }, STAGES);
    applyChange(agg, { ...a, stage: 'proposal', reached: stagesUpTo('proposal', STAGES), dealValue: 99.99 }, undefined, STAGES);
    expect(agg).toEqual(emptyAggregates());
  });

  it('counts stale leads by stage from the aggregates, ignoring stages no longer in the funnel', () => {
    const agg = emptyAggregates();
    agg.lastActivity = { 'prospect|2026-11-07': 2, 'prospect|2026-11-08': 1, 'contacted|2026-11-12': 4, 'contacted|2026-11-11': 3, 'demo|2020-01-01': 9 };
    // Prospect rots after 14 days, contacted after 10: on 2026-11-22 the cut-offs are 11-08 and 11-12.
    expect(staleCount(agg, STAGES, '2026-11-22')).toBe(2 + 3);
  });

  it('slices the funnel by the creation month of this month and each quarter', () => {
    const lead = (id: string, month: string) => makeLead({ id, createdAt: `${month}-15T10:00:00.000Z`, stageHistory: [] });
    const agg = rebuild(
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-10', '2026-12'].map((m, i) => lead(`l${i}`, m)),
      STAGES,
    );
    expect(sliceFor(agg, 'quarter', '2026-02-10').total).toBe(3);
    expect(sliceFor(agg, 'quarter', '2026-03-31').total).toBe(3);
    expect(sliceFor(agg, 'quarter', '2026-04-01').total).toBe(1);
    expect(sliceFor(agg, 'quarter', '2026-12-31').total).toBe(2);
    expect(sliceFor(agg, 'month', '2026-12-01')).toEqual({ total: 1, open: { prospect: 1 }, reached: { prospect: 1 }, lostFrom: {} });
    expect(sliceFor(agg, 'month', '2026-05-01')).toEqual({ total: 0, open: {}, reached: {}, lostFrom: {} });
  });
});

describe('merging two records of one person', () => {
  const keep = makeLead({
    id: 'keep',
    name: 'Ada',
    headline: null,
    company: 'Analytical Engines Ltd',
    emails: ['ada@engines.io'],
    tags: ['vip'],
    notes: 'Met in London',
    qualification: { budget: 'yes', authority: 'unknown', need: 'unknown', timeframe: 'none' },
    dealValue: null,
    currency: 'USD',
    nextFollowUpOn: '2026-12-10',
    lastTouchAt: '2026-11-01T10:00:00.000Z',
    createdAt: '2026-10-05T10:00:00.000Z',
    stageHistory: [{ from: null, to: 'prospect', at: '2026-10-05T10:00:00.000Z' }],
  });
  const other = makeLead({
    id: 'other',
    name: 'Ada Lovelace',
    headline: 'Countess',
    company: 'Engines',
    linkedinUrl: null,
    emails: ['countess@lovelace.org', 'ada@engines.io'],
    tags: ['london', 'vip'],
    notes: 'Likes maths',
    stage: 'proposal',
    reached: stagesUpTo('proposal', STAGES),
    qualification: { budget: 'no', authority: 'yes', need: 'unknown', timeframe: 'now' },
    temperatureOverride: 'hot',
    dealValue: 5000,
    currency: 'EUR',
    expectedCloseOn: '2027-01-31',
    nextFollowUpOn: '2026-12-01',
    lastTouchAt: '2026-11-15T10:00:00.000Z',
    createdAt: '2026-09-01T10:00:00.000Z',
    stageHistory: [
      { from: null, to: 'prospect', at: '2026-09-01T10:00:00.000Z' },
      { from: 'prospect', to: 'proposal', at: '2026-10-20T10:00:00.000Z' },
    ],
  });

  it('keeps the fuller value of each field, unites lists, and takes the stage further along', () => {
    const merged = mergeLeads(keep, other, STAGES);
    expect(merged).toMatchObject({
      id: 'keep',
      name: 'Ada Lovelace',
      headline: 'Countess',
      company: 'Analytical Engines Ltd',
      linkedinUrl: 'https://www.linkedin.com/in/ada/',
      emails: ['ada@engines.io', 'countess@lovelace.org'],
      tags: ['vip', 'london'],
      stage: 'proposal',
      qualification: { budget: 'yes', authority: 'yes', need: 'unknown', timeframe: 'now' },
      temperatureOverride: 'hot',
      dealValue: 5000,
      currency: 'EUR',
      expectedCloseOn: '2027-01-31',
      nextFollowUpOn: '2026-12-01',
      notes: 'Met in London\n\nLikes maths',
      lastTouchAt: '2026-11-15T10:00:00.000Z',
      createdAt: '2026-09-01T10:00:00.000Z',
    });
    expect(merged.reached).toEqual(['prospect', 'qualified', 'contacted', 'nurturing', 'proposal']);
    expect(merged.stageHistory.map((h) => h.at)).toEqual(['2026-09-01T10:00:00.000Z', '2026-10-05T10:00:00.000Z', '2026-10-20T10:00:00.000Z']);
  });

  it('keeps its own deal and currency, notes once when both say the same, and an open stage over a lost one', () => {
    const merged = mergeLeads({ ...other, notes: 'same' }, { ...keep, notes: ' same ', dealValue: 10, currency: 'GBP' }, STAGES);
    expect(merged).toMatchObject({ dealValue: 5000, currency: 'EUR', notes: 'same', stage: 'proposal' });
    const open = mergeLeads(lost('proposal', { id: 'x' }), makeLead({ id: 'y', stage: 'prospect' }), STAGES);
    expect(open).toMatchObject({ stage: 'prospect', lost: null });
    const parked = mergeLeads(lost('proposal', { id: 'x' }), later('qualified', '2027-01-01', { id: 'y' }), STAGES);
    expect(parked).toMatchObject({ stage: 'later', later: { from: 'qualified' }, lost: null });
  });

  it('groups likely duplicates: same folded name, same company or none', () => {
    const lead = (id: string, name: string, company: string | null) => ({ id, name, company });
    const groups = duplicateGroups([
      lead('1', 'Kim Lee', 'Acme'),
      lead('2', 'kim  lee', 'ACME'),
      lead('3', 'Kim Lée', null),
      lead('4', 'Zoe Ng', 'A'),
      lead('5', 'Zoe Ng', 'B'),
      lead('6', 'Zoe Ng', 'B'),
      lead('7', 'Zoe Ng', null),
      lead('8', 'Solo One', 'X'),
    ]);
    expect(groups.map((g) => g.map((l) => l.id))).toEqual([
      ['1', '2', '3'],
      ['5', '6'],
    ]);
  });
});

describe('search keys, new leads and days', () => {
  it('folds case and accents, and keys a lead by its name and company words and its emails', () => {
    expect(fold('Émile ŽÁK')).toBe('emile zak');
    expect(searchKeysOf({ name: 'Ada  Lovelace-King', company: "O'Neil & Co.", emails: ['ada.l@engines.io'] })).toEqual([
      'ada',
      'lovelace-king',
      'o',
      'neil',
      'co.',
      'ada.l@engines.io',
      'ada.l',
    ]);
    expect(searchKeysOf({ name: 'Ada', company: null, emails: [] })).toEqual(['ada']);
    expect(queryWords('  Ada,  LOVE ')).toEqual(['ada', 'love']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('makes a new lead at the first stage, or a given one, with every other field empty', () => {
    const lead = newLead(
      { name: 'Ada', source: 'import', emails: ['ada@x.io'], tags: ['vip'] },
      { id: 'n1', at: NOW.toISOString(), stages: STAGES, currency: 'EUR' },
    );
    expect(lead).toEqual({
      id: 'n1',
      name: 'Ada',
      headline: null,
      company: null,
      companyId: null,
      location: null,
      linkedinUrl: null,
      linkedinMemberId: null,
      salesNavUrl: null,
      photoUrl: null,
      emails: ['ada@x.io'],
      source: 'import',
      stage: 'prospect',
      reached: ['prospect'],
      stageHistory: [{ from: null, to: 'prospect', at: NOW.toISOString() }],
      lost: null,
      later: null,
      qualification: { budget: 'unknown', authority: 'unknown', need: 'unknown', timeframe: 'none' },
      temperature: null,
      temperatureReasons: [],
      temperatureOverride: null,
      dealValue: null,
      currency: 'EUR',
      expectedCloseOn: null,
      nextFollowUpOn: null,
      tags: ['vip'],
      notes: '',
      lastTouchAt: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const at = newLead({ name: 'Bo', source: 'manual' }, { id: 'n2', at: NOW.toISOString(), stages: STAGES, currency: 'USD', stage: 'contacted' });
    expect(at).toMatchObject({ stage: 'contacted', reached: ['prospect', 'qualified', 'contacted'], emails: [], tags: [] });
    expect(normaliseEmails([' Ada@X.io', 'ada@x.io', 'b@y.io '])).toEqual(['ada@x.io', 'b@y.io']);
  });

  it('counts days between instants, fractions included, and names the local day', () => {
    expect(daysBetween('2026-11-20T12:00:00.000Z', NOW)).toBe(2);
    expect(daysBetween('2026-11-22T18:00:00.000Z', NOW)).toBe(-0.25);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
