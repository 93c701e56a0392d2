import { describe, expect, it } from 'vitest';
import { snoozedDay, suggestStage } from '../../lib/pipeline/next-step';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import type { Channel, Direction } from '../../lib/pipeline/model';

const CASES: [stage: string, channel: Channel, direction: Direction, want: string | null][] = [
  ['prospect', 'linkedin-connection', 'outbound', 'contacted'],
  ['prospect', 'linkedin-message', 'outbound', 'contacted'],
  ['qualified', 'email', 'outbound', 'contacted'],
  ['qualified', 'call', 'outbound', 'contacted'],
  ['contacted', 'email', 'outbound', null], // already contacted
  ['proposal', 'email', 'outbound', null], // never backwards
  ['prospect', 'email', 'inbound', 'nurturing'],
  ['contacted', 'linkedin-message', 'inbound', 'nurturing'],
  ['nurturing', 'email', 'inbound', null],
  ['prospect', 'meeting', 'inbound', 'nurturing'],
  ['contacted', 'meeting', 'inbound', 'nurturing'],
  ['negotiation', 'meeting', 'inbound', null],
  ['prospect', 'note', 'internal', null], // a note is no contact
  ['prospect', 'other', 'outbound', null],
  ['won', 'email', 'inbound', null],
  ['lost', 'email', 'outbound', null],
  ['later', 'meeting', 'inbound', null],
];

describe('next step suggested after a touchpoint', () => {
  it.each(CASES)('%s + %s %s → %s', (stage, channel, direction, want) => {
    expect(suggestStage({ stage }, { channel, direction }, DEFAULT_STAGES)?.to ?? null).toBe(want);
  });

  it('names the rule that suggested the move', () => {
    expect(suggestStage({ stage: 'prospect' }, { channel: 'meeting', direction: 'inbound' }, DEFAULT_STAGES)).toEqual({
      to: 'nurturing',
      rule: 'meeting-held',
    });
    expect(suggestStage({ stage: 'prospect' }, { channel: 'email', direction: 'inbound' }, DEFAULT_STAGES)).toEqual({ to: 'nurturing', rule: 'reply' });
    expect(suggestStage({ stage: 'prospect' }, { channel: 'call', direction: 'outbound' }, DEFAULT_STAGES)).toEqual({
      to: 'contacted',
      rule: 'first-outbound',
    });
  });

  it('suggests nothing toward a stage the user removed from the funnel', () => {
    const custom = DEFAULT_STAGES.filter((s) => s.id !== 'contacted');
    expect(suggestStage({ stage: 'prospect' }, { channel: 'email', direction: 'outbound' }, custom)).toBeNull();
    expect(suggestStage({ stage: 'prospect' }, { channel: 'email', direction: 'inbound' }, custom)?.to).toBe('nurturing');
  });

  it.each([
    ['2026-11-27', 1, '2026-11-28'],
    ['2026-11-27', 3, '2026-11-30'],
    ['2026-11-27', 7, '2026-12-04'],
    ['2026-12-30', 3, '2027-01-02'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('snoozes %s by %i days to %s', (today, days, want) => {
    expect(snoozedDay(today, days)).toBe(want);
  });
});
