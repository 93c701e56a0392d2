/**
 * Temperature: how ready a lead is to buy, always with the reasons that decided it.
 *
 * Order of the rules (the first that decides wins):
 * 1. Won, Lost and Later leads are outside the temperature funnel: no temperature.
 * 2. A manual override is kept until cleared, shown as the user's choice.
 * 3. Disqualifiers make a lead cold whatever was said before: a BANT answer explicitly "no",
 *    ghosting (N outbound touchpoints since the last inbound one), or staleness (no contact for
 *    longer than the sales cycle). Behaviour beats stated intent.
 * 4. Hot: decision timeframe "now", or budget, authority and need all "yes" with a timeframe
 *    within ~2 months (the "T" of BANT), or an inbound reply within the hot window.
 * 5. Warm: a timeframe within ~2 months, or an inbound touchpoint within the warm window.
 * 6. Otherwise cold: interest without a timeframe.
 * Internal touchpoints (notes) are not contact with the lead and count for none of the rules.
 */
import type { Lead, PipelineRules, Temperature, Touchpoint } from './model';
import { isClosedOrParked, stageName } from './stages';
import { daysBetween } from './time';

export type TemperatureRule =
  | 'outside-funnel'
  | 'override'
  | 'bant-no'
  | 'ghosting'
  | 'stale'
  | 'timeframe-now'
  | 'bant-all-yes'
  | 'recent-reply'
  | 'timeframe-soon'
  | 'engaged'
  | 'no-timeframe';

export interface Reason {
  rule: TemperatureRule;
  text: string;
}

export interface Classification {
  temperature: Temperature | null;
  reasons: Reason[];
  /** True when the temperature is the user's override, not the rules'. */
  overridden: boolean;
}

type Contact = Pick<Touchpoint, 'direction' | 'at'>;

/** Facts about a lead's contact history that the rules read. */
export interface Engagement {
  lastInboundAt: string | null;
  lastContactAt: string | null;
  outboundSinceInbound: number;
}

export function engagementOf(touchpoints: Contact[]): Engagement {
  const contacts = touchpoints.filter((t) => t.direction !== 'internal').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let lastInboundAt: string | null = null;
  let outboundSinceInbound = 0;
  for (const t of contacts) {
    if (t.direction === 'inbound') {
      lastInboundAt = t.at;
      outboundSinceInbound = 0;
    } else outboundSinceInbound += 1;
  }
  return { lastInboundAt, lastContactAt: contacts.at(-1)?.at ?? null, outboundSinceInbound };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ago = (days: number) => (days < 1 ? 'today' : `${plural(Math.floor(days), 'day')} ago`);

/** The rules' verdict, ignoring any override. */
function byRules(lead: Lead, e: Engagement, now: Date, settings: PipelineRules): Omit<Classification, 'overridden'> {
  const t = settings.thresholds;
  const q = lead.qualification;

  const noes = (['budget', 'authority', 'need'] as const).filter((k) => q[k] === 'no');
  if (noes.length > 0) {
    return { temperature: 'cold', reasons: noes.map((k) => ({ rule: 'bant-no', text: `${k[0]!.toUpperCase()}${k.slice(1)}: answered no` })) };
  }
  if (e.outboundSinceInbound >= t.ghostingAttempts) {
    return {
      temperature: 'cold',
      reasons: [{ rule: 'ghosting', text: `${plural(e.outboundSinceInbound, 'attempt')} without a reply` }],
    };
  }
  const since = e.lastContactAt ?? lead.createdAt;
  const quietDays = daysBetween(since, now);
  if (quietDays > t.salesCycleDays) {
    const what = e.lastContactAt ? 'No contact' : 'No contact since capture';
    return {
      temperature: 'cold',
      reasons: [{ rule: 'stale', text: `${what} for ${plural(Math.floor(quietDays), 'day')} (sales cycle ${t.salesCycleDays})` }],
    };
  }

  const hot: Reason[] = [];
  if (q.timeframe === 'now') hot.push({ rule: 'timeframe-now', text: 'Decision timeframe: now' });
  if (q.budget === 'yes' && q.authority === 'yes' && q.need === 'yes' && q.timeframe === 'within-2-months') {
    hot.push({ rule: 'bant-all-yes', text: 'Budget, authority, need and timeline all confirmed' });
  }
  const replyDays = e.lastInboundAt ? daysBetween(e.lastInboundAt, now) : null;
  if (replyDays !== null && replyDays <= t.hotReplyDays) {
    hot.push({ rule: 'recent-reply', text: `Replied ${ago(replyDays)} (within ${t.hotReplyDays} days)` });
  }
  if (hot.length > 0) return { temperature: 'hot', reasons: hot };

  const warm: Reason[] = [];
  if (q.timeframe === 'within-2-months') warm.push({ rule: 'timeframe-soon', text: 'Decision within about two months' });
  if (replyDays !== null && replyDays <= t.warmEngagedDays) {
    warm.push({ rule: 'engaged', text: `Replied ${ago(replyDays)} (within ${t.warmEngagedDays} days)` });
  }
  if (warm.length > 0) return { temperature: 'warm', reasons: warm };

  return {
    temperature: 'cold',
    reasons: [{ rule: 'no-timeframe', text: q.timeframe === 'later' ? 'Decision timeframe: later' : 'No decision timeframe yet' }],
  };
}

/** Classifies a lead as hot / warm / cold with the reasons, or none outside the funnel. */
export function classify(lead: Lead, touchpoints: Contact[], now: Date, settings: PipelineRules): Classification {
  if (isClosedOrParked(lead, settings.stages)) {
    return {
      temperature: null,
      reasons: [{ rule: 'outside-funnel', text: `${stageName(lead.stage, settings.stages)} leads have no temperature` }],
      overridden: false,
    };
  }
  const rules = byRules(lead, engagementOf(touchpoints), now, settings);
  if (lead.temperatureOverride) {
    return {
      temperature: lead.temperatureOverride,
      reasons: [{ rule: 'override', text: `Set by you (the rules say ${rules.temperature})` }],
      overridden: true,
    };
  }
  return { ...rules, overridden: false };
}

/** The lead with its temperature recomputed; the same object when nothing changed. */
export function withTemperature(lead: Lead, touchpoints: Contact[], now: Date, rules: PipelineRules): Lead {
  const c = classify(lead, touchpoints, now, rules);
  const reasons = c.reasons.map((r) => r.text);
  if (c.temperature === lead.temperature && reasons.join('\n') === lead.temperatureReasons.join('\n')) return lead;
  return { ...lead, temperature: c.temperature, temperatureReasons: reasons };
}
