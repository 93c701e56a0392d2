import { describe, expect, it } from 'vitest';
import { classify, type Reason, type TemperatureRule } from '../../lib/pipeline/temperature';
import { reasonText } from '../../lib/i18n/labels';
import { speak } from './helpers/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Direction, Lead, Temperature } from '../../lib/pipeline/model';
import { bant, makeLead } from './helpers/leads';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const DAY = 86_400_000;
/** An instant `days` days before NOW. */
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const tp = (direction: Direction, days: number) => ({ direction, at: ago(days) });
const recentLead = (overrides: Partial<Lead> = {}) => makeLead({ createdAt: ago(2), ...overrides });

interface Case {
  name: string;
  lead: Lead;
  touchpoints?: { direction: Direction; at: string }[];
  settings?: Settings;
  want: Temperature | null;
  rule: TemperatureRule;
}

const withThresholds = (t: Partial<Settings['thresholds']>): Settings => ({ ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, ...t } });

const CASES: Case[] = [
  // Outside the funnel
  { name: 'won leads have no temperature', lead: recentLead({ stage: 'won' }), want: null, rule: 'outside-funnel' },
  {
    name: 'lost leads have no temperature',
    lead: recentLead({ stage: 'lost', lost: { from: 'proposal', reason: 'price', at: ago(1) } }),
    want: null,
    rule: 'outside-funnel',
  },
  {
    name: 'parked (later) leads have no temperature',
    lead: recentLead({ stage: 'later', later: { from: 'contacted', reengageOn: '2027-01-10' } }),
    want: null,
    rule: 'outside-funnel',
  },
  { name: 'outside the funnel beats an override', lead: recentLead({ stage: 'won', temperatureOverride: 'hot' }), want: null, rule: 'outside-funnel' },
  // Override
  { name: 'an override wins over the rules (hot over a cold lead)', lead: recentLead({ temperatureOverride: 'hot' }), want: 'hot', rule: 'override' },
  {
    name: 'an override wins over the rules (cold over a hot lead)',
    lead: recentLead({ temperatureOverride: 'cold', qualification: bant({ timeframe: 'now' }) }),
    want: 'cold',
    rule: 'override',
  },
  // Hot
  { name: 'immediate need: timeframe now is hot', lead: recentLead({ qualification: bant({ timeframe: 'now' }) }), want: 'hot', rule: 'timeframe-now' },
  {
    name: 'BANT all yes (timeline within two months) is hot',
    lead: recentLead({ qualification: bant({ budget: 'yes', authority: 'yes', need: 'yes', timeframe: 'within-2-months' }) }),
    want: 'hot',
    rule: 'bant-all-yes',
  },
  {
    name: 'BANT yes but timeline later is not all yes: cold without a near timeframe',
    lead: recentLead({ qualification: bant({ budget: 'yes', authority: 'yes', need: 'yes', timeframe: 'later' }) }),
    want: 'cold',
    rule: 'no-timeframe',
  },
  {
    name: 'three yes with timeline unknown is not all yes',
    lead: recentLead({ qualification: bant({ budget: 'yes', authority: 'yes', need: 'yes' }) }),
    want: 'cold',
    rule: 'no-timeframe',
  },
  {
    name: 'an inbound reply 2 days ago pushes a lead to hot',
    lead: recentLead(),
    touchpoints: [tp('outbound', 3), tp('inbound', 2)],
    want: 'hot',
    rule: 'recent-reply',
  },
  {
    name: 'reply boundary: exactly 7 days ago still counts as recent (hot)',
    lead: recentLead({ createdAt: ago(20) }),
    touchpoints: [tp('inbound', 7)],
    want: 'hot',
    rule: 'recent-reply',
  },
  {
    name: 'reply boundary: 7 days and a minute ago is only warm',
    lead: recentLead({ createdAt: ago(20) }),
    touchpoints: [tp('inbound', 7 + 1 / 1440)],
    want: 'warm',
    rule: 'engaged',
  },
  {
    name: 'warm timeframe plus a recent reply is hot',
    lead: recentLead({ qualification: bant({ timeframe: 'within-2-months' }) }),
    touchpoints: [tp('inbound', 1)],
    want: 'hot',
    rule: 'recent-reply',
  },
  // Warm
  {
    name: 'a decision within two months is warm',
    lead: recentLead({ qualification: bant({ timeframe: 'within-2-months' }) }),
    want: 'warm',
    rule: 'timeframe-soon',
  },
  {
    name: 'an inbound touchpoint 20 days ago is warm (engaged)',
    lead: recentLead({ createdAt: ago(40) }),
    touchpoints: [tp('inbound', 20)],
    want: 'warm',
    rule: 'engaged',
  },
  {
    name: 'engaged boundary: exactly 30 days ago is still warm',
    lead: recentLead({ createdAt: ago(60) }),
    touchpoints: [tp('inbound', 30)],
    want: 'warm',
    rule: 'engaged',
  },
  {
    name: 'engaged boundary: 31 days ago is stale, not warm',
    lead: recentLead({ createdAt: ago(60) }),
    touchpoints: [tp('inbound', 31)],
    want: 'cold',
    rule: 'stale',
  },
  // Cold: disqualifiers
  { name: 'any BANT no is cold (budget)', lead: recentLead({ qualification: bant({ budget: 'no', timeframe: 'now' }) }), want: 'cold', rule: 'bant-no' },
  {
    name: 'any BANT no is cold (authority) even with a fresh reply',
    lead: recentLead({ qualification: bant({ authority: 'no' }) }),
    touchpoints: [tp('inbound', 1)],
    want: 'cold',
    rule: 'bant-no',
  },
  {
    name: 'ghosting: exactly 3 outbound since the last inbound is cold',
    lead: recentLead({ createdAt: ago(20) }),
    touchpoints: [tp('inbound', 10), tp('outbound', 6), tp('outbound', 4), tp('outbound', 1)],
    want: 'cold',
    rule: 'ghosting',
  },
  {
    name: 'ghosting boundary: 2 unanswered attempts is not ghosting',
    lead: recentLead({ createdAt: ago(20) }),
    touchpoints: [tp('inbound', 10), tp('outbound', 4), tp('outbound', 1)],
    want: 'warm',
    rule: 'engaged',
  },
  {
    name: 'ghosting with no reply ever: 3 outbound is cold',
    lead: recentLead({ createdAt: ago(10), qualification: bant({ timeframe: 'now' }) }),
    touchpoints: [tp('outbound', 9), tp('outbound', 5), tp('outbound', 1)],
    want: 'cold',
    rule: 'ghosting',
  },
  {
    name: 'a reply resets the ghosting count',
    lead: recentLead({ createdAt: ago(20) }),
    touchpoints: [tp('outbound', 9), tp('outbound', 8), tp('outbound', 7), tp('inbound', 3), tp('outbound', 1)],
    want: 'hot',
    rule: 'recent-reply',
  },
  {
    name: 'notes are not contact: 3 notes are not ghosting',
    lead: recentLead({ qualification: bant({ timeframe: 'within-2-months' }) }),
    touchpoints: [tp('internal', 3), tp('internal', 2), tp('internal', 1)],
    want: 'warm',
    rule: 'timeframe-soon',
  },
  {
    name: 'stale: no contact for 31 days (sales cycle 30) is cold',
    lead: recentLead({ createdAt: ago(60), qualification: bant({ timeframe: 'within-2-months' }) }),
    touchpoints: [tp('outbound', 31)],
    want: 'cold',
    rule: 'stale',
  },
  {
    name: 'stale boundary: exactly 30 days since the last contact is not stale',
    lead: recentLead({ createdAt: ago(60), qualification: bant({ timeframe: 'within-2-months' }) }),
    touchpoints: [tp('outbound', 30)],
    want: 'warm',
    rule: 'timeframe-soon',
  },
  {
    name: 'stale from capture: no contact at all for 31 days',
    lead: recentLead({ createdAt: ago(31), qualification: bant({ timeframe: 'now' }) }),
    want: 'cold',
    rule: 'stale',
  },
  {
    name: 'a note does not freshen a stale lead',
    lead: recentLead({ createdAt: ago(45), qualification: bant({ timeframe: 'now' }) }),
    touchpoints: [tp('internal', 1)],
    want: 'cold',
    rule: 'stale',
  },
  // Cold: default
  { name: 'interest without a timeframe is cold', lead: recentLead(), want: 'cold', rule: 'no-timeframe' },
  { name: 'a timeframe of "later" is cold', lead: recentLead({ qualification: bant({ timeframe: 'later' }) }), want: 'cold', rule: 'no-timeframe' },
  // Thresholds come from settings
  {
    name: 'a longer sales cycle (60 days) keeps a 45-day-quiet lead warm',
    lead: recentLead({ createdAt: ago(45), qualification: bant({ timeframe: 'within-2-months' }) }),
    settings: withThresholds({ salesCycleDays: 60 }),
    want: 'warm',
    rule: 'timeframe-soon',
  },
  {
    name: 'a ghosting threshold of 5 tolerates 3 attempts',
    lead: recentLead({ createdAt: ago(10), qualification: bant({ timeframe: 'now' }) }),
    touchpoints: [tp('outbound', 3), tp('outbound', 2), tp('outbound', 1)],
    settings: withThresholds({ ghostingAttempts: 5 }),
    want: 'hot',
    rule: 'timeframe-now',
  },
  {
    name: 'a hot-reply window of 3 days makes a 5-day-old reply only warm',
    lead: recentLead({ createdAt: ago(10) }),
    touchpoints: [tp('inbound', 5)],
    settings: withThresholds({ hotReplyDays: 3 }),
    want: 'warm',
    rule: 'engaged',
  },
];

describe('classify(): temperature rules', () => {
  it('has at least 25 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it.each(CASES)('$name', ({ lead, touchpoints = [], settings = DEFAULT_SETTINGS, want, rule }) => {
    const result = classify(lead, touchpoints, NOW, settings);
    expect(result.temperature).toBe(want);
    expect(result.reasons[0]?.rule).toBe(rule);
    expect(result.reasons.every((r) => reasonText(r, DEFAULT_SETTINGS.stages).length > 0)).toBe(true);
    expect(result.overridden).toBe(rule === 'override');
  });

  it('keeps why as a rule with its figures, and says it in words a rep can read, in the UI language', () => {
    const words = (r: { reasons: Reason[] }) => r.reasons.map((x) => reasonText(x, DEFAULT_SETTINGS.stages));
    const ghosted = classify(recentLead({ createdAt: ago(20) }), [tp('outbound', 6), tp('outbound', 4), tp('outbound', 1)], NOW, DEFAULT_SETTINGS);
    expect(ghosted.reasons).toEqual([{ rule: 'ghosting', params: { attempts: 3 } }]);
    const override = classify(recentLead({ temperatureOverride: 'hot' }), [], NOW, DEFAULT_SETTINGS);
    expect(override.reasons).toEqual([{ rule: 'override', params: { rules: 'cold' } }]);
    const replied = classify(recentLead(), [tp('inbound', 2)], NOW, DEFAULT_SETTINGS);
    expect(replied.reasons).toEqual([{ rule: 'recent-reply', params: { days: 2, within: 7 } }]);
    const won = classify(recentLead({ stage: 'won' }), [], NOW, DEFAULT_SETTINGS);

    speak('en');
    expect(words(ghosted)).toEqual(['3 attempts without a reply']);
    expect(words(override)).toEqual(['Set by you (the rules say cold)']);
    expect(words(replied)).toEqual(['Replied 2 days ago (within 7 days)']);
    expect(words(won)).toEqual(['Won leads have no temperature']);
    speak('cs');
    expect(words(ghosted)).toEqual(['3 pokusy bez odpovědi']);
    expect(words(replied)).toEqual(['Odpověď předevčírem (do 7 dnů)']);
    speak('pl');
    expect(words(ghosted)).toEqual(['3 próby bez odpowiedzi']);
    expect(words(won)).toEqual(['Leady na etapie „Wygrany” nie mają temperatury']);
  });
});
