import { describe, expect, it } from 'vitest';
import { nextRecheck, localDayStart } from '../../lib/pipeline/recheck';
import { classify, engagementOf } from '../../lib/pipeline/temperature';
import { reengageIfDue } from '../../lib/pipeline/stages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Direction, Lead } from '../../lib/pipeline/model';
import { bant, makeLead } from './helpers/leads';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const after = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const tp = (direction: Direction, days: number) => ({ direction, at: ago(days) });

interface Case {
  name: string;
  lead: Lead;
  touchpoints?: { direction: Direction; at: string }[];
  settings?: Settings;
  /** The expected instant (ISO), or null for "time alone never changes it". */
  want: string | null;
}

const withThresholds = (t: Partial<Settings['thresholds']>): Settings => ({ ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, ...t } });
/** One millisecond past an instant: where a `>` or `<=` day comparison flips. */
const past = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();

const CASES: Case[] = [
  { name: 'a won lead never changes with time', lead: makeLead({ stage: 'won', createdAt: ago(2) }), want: null },
  {
    name: 'a lost lead never changes with time',
    lead: makeLead({ stage: 'lost', lost: { from: 'qualified', reason: 'price', at: ago(1) }, createdAt: ago(2) }),
    want: null,
  },
  {
    name: 'a parked lead comes back at the local midnight of its re-engage day',
    lead: makeLead({ stage: 'later', later: { from: 'contacted', reengageOn: '2026-12-03' }, createdAt: ago(2) }),
    want: new Date(2026, 11, 3).toISOString(),
  },
  {
    name: 'a parked lead whose day has come is due now',
    lead: makeLead({ stage: 'later', later: { from: 'contacted', reengageOn: '2026-11-01' }, createdAt: ago(40) }),
    want: NOW.toISOString(),
  },
  { name: 'a BANT "no" is cold for good', lead: makeLead({ createdAt: ago(2), qualification: bant({ need: 'no' }) }), want: null },
  {
    name: 'ghosting is cold until someone writes',
    lead: makeLead({ createdAt: ago(20) }),
    touchpoints: [tp('inbound', 10), tp('outbound', 6), tp('outbound', 4), tp('outbound', 1)],
    want: null,
  },
  { name: 'a lead already stale stays stale', lead: makeLead({ createdAt: ago(31) }), want: null },
  { name: 'no contact yet: stale one sales cycle after capture', lead: makeLead({ createdAt: ago(2) }), want: past(after(28)) },
  {
    name: 'captured exactly one sales cycle ago: not stale yet, flips a millisecond later',
    lead: makeLead({ createdAt: ago(30) }),
    want: past(NOW.toISOString()),
  },
  {
    name: 'an outbound contact restarts the sales cycle',
    lead: makeLead({ createdAt: ago(20) }),
    touchpoints: [tp('outbound', 5)],
    want: past(after(25)),
  },
  {
    name: 'a reply 2 days ago: hot ends 7 days after it',
    lead: makeLead({ createdAt: ago(3) }),
    touchpoints: [tp('outbound', 3), tp('inbound', 2)],
    want: past(after(5)),
  },
  {
    name: 'a reply 20 days ago: warm ends 30 days after it, together with staleness',
    lead: makeLead({ createdAt: ago(40) }),
    touchpoints: [tp('inbound', 20)],
    want: past(after(10)),
  },
  {
    name: 'a reply 20 days ago and an outbound touch 1 day ago: the warm window ends first',
    lead: makeLead({ createdAt: ago(40) }),
    touchpoints: [tp('inbound', 20), tp('outbound', 1)],
    want: past(after(10)),
  },
  {
    name: 'reply boundary: exactly 7 days ago is still hot, and flips a millisecond later',
    lead: makeLead({ createdAt: ago(20) }),
    touchpoints: [tp('inbound', 7)],
    want: past(NOW.toISOString()),
  },
  {
    name: 'a timeframe "now" stays hot, but the reply reason ends with its window',
    lead: makeLead({ createdAt: ago(5), qualification: bant({ timeframe: 'now' }) }),
    touchpoints: [tp('inbound', 1)],
    want: past(after(6)),
  },
  {
    name: 'an override keeps its temperature but its "the rules say" follows the rules',
    lead: makeLead({ createdAt: ago(3), temperatureOverride: 'hot', qualification: bant({ timeframe: 'within-2-months' }) }),
    want: past(after(27)),
  },
  {
    name: 'thresholds are settings: a 10-day sales cycle',
    lead: makeLead({ createdAt: ago(2) }),
    settings: withThresholds({ salesCycleDays: 10 }),
    want: past(after(8)),
  },
  {
    name: 'thresholds are settings: a 3-day hot window',
    lead: makeLead({ createdAt: ago(5) }),
    touchpoints: [tp('inbound', 1)],
    settings: withThresholds({ hotReplyDays: 3 }),
    want: past(after(2)),
  },
  {
    name: 'notes are not contact: a note does not restart the cycle',
    lead: makeLead({ createdAt: ago(2) }),
    touchpoints: [tp('internal', 1)],
    want: past(after(28)),
  },
];

describe('next recheck instant', () => {
  it.each(CASES)('$name', ({ lead, touchpoints = [], settings = DEFAULT_SETTINGS, want }) => {
    const got = nextRecheck(lead, engagementOf(touchpoints), settings, NOW);
    expect(got?.toISOString() ?? null).toBe(want);
  });

  // The instant is right when the rules agree: the same classification until just before it, a
  // different one at it (a parked lead: not back before its day, back on it).
  it.each(CASES.filter((c) => c.want !== null && c.want !== NOW.toISOString()))(
    '$name: the rules change exactly there',
    ({ lead, touchpoints = [], settings = DEFAULT_SETTINGS, want }) => {
      const at = new Date(want!);
      const before = new Date(at.getTime() - 1);
      if (lead.stage === 'later') {
        expect(reengageIfDue(lead, before, settings.stages)).toBeNull();
        expect(reengageIfDue(lead, at, settings.stages)).not.toBeNull();
        return;
      }
      const sig = (when: Date) => {
        const c = classify(lead, touchpoints, when, settings);
        return [c.temperature, ...c.reasons.map((r) => r.rule)].join(' ') + (c.overridden ? ` (rules: ${c.reasons[0]!.params.rules})` : '');
      };
      expect(sig(before)).toBe(sig(NOW));
      expect(sig(at)).not.toBe(sig(NOW));
    },
  );

  it('without touchpoints at hand, a lead with contacts is due at once; one without is exact', () => {
    const touched = makeLead({ createdAt: ago(5), lastTouchAt: ago(1) });
    expect(nextRecheck(touched, null, DEFAULT_SETTINGS, NOW)).toEqual(NOW);
    const untouched = makeLead({ createdAt: ago(5) });
    expect(nextRecheck(untouched, null, DEFAULT_SETTINGS, NOW)?.toISOString()).toBe(past(after(25)));
  });

  it('reads a re-engage day in the local calendar', () => {
    expect(new Date(localDayStart('2027-03-28')).getDate()).toBe(28);
    expect(new Date(localDayStart('2027-03-28')).getHours()).toBe(0);
  });
});
