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
import type { TEMPERATURE_RULES } from './constants';
import { isClosedOrParked } from './stages';
import { daysBetween } from './time';

export type TemperatureRule = (typeof TEMPERATURE_RULES)[number];

/** Rules whose reason an older Leadline stored as an English sentence the v4 migration could not read. */
export type ReasonRule = TemperatureRule | 'unrecognised';

/**
 * Why a lead has its temperature: the rule and the figures it used, never a sentence (the UI
 * words it in its language). Parameters by rule: `bant-no` {question: budget|authority|need};
 * `ghosting` {attempts}; `stale` {days, cycle, since: contact|capture}; `recent-reply` and
 * `engaged` {days: whole days since the reply, within}; `no-timeframe` {timeframe: later|none};
 * `outside-funnel` {stage}; `override` {rules: the rules' temperature}; `unrecognised` {text}.
 */
export interface Reason {
  rule: ReasonRule;
  params: Record<string, string | number>;
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

/** The rules' verdict, ignoring any override. */
function byRules(lead: Lead, e: Engagement, now: Date, settings: PipelineRules): Omit<Classification, 'overridden'> {
  const t = settings.thresholds;
  const q = lead.qualification;

  const noes = (['budget', 'authority', 'need'] as const).filter((k) => q[k] === 'no');
  if (noes.length > 0) {
    return { temperature: 'cold', reasons: noes.map((k) => ({ rule: 'bant-no', params: { question: k } })) };
  }
  if (e.outboundSinceInbound >= t.ghostingAttempts) {
    return {
      temperature: 'cold',
      reasons: [{ rule: 'ghosting', params: { attempts: e.outboundSinceInbound } }],
    };
  }
  const since = e.lastContactAt ?? lead.createdAt;
  const quietDays = daysBetween(since, now);
  if (quietDays > t.salesCycleDays) {
    return {
      temperature: 'cold',
      reasons: [{ rule: 'stale', params: { days: Math.floor(quietDays), cycle: t.salesCycleDays, since: e.lastContactAt ? 'contact' : 'capture' } }],
    };
  }

  const hot: Reason[] = [];
  if (q.timeframe === 'now') hot.push({ rule: 'timeframe-now', params: {} });
  if (q.budget === 'yes' && q.authority === 'yes' && q.need === 'yes' && q.timeframe === 'within-2-months') {
    hot.push({ rule: 'bant-all-yes', params: {} });
  }
  const replyDays = e.lastInboundAt ? daysBetween(e.lastInboundAt, now) : null;
  // Whole days since the reply (0: today), as the UI words it.
  const replied = replyDays === null ? 0 : Math.max(0, Math.floor(replyDays));
  if (replyDays !== null && replyDays <= t.hotReplyDays) {
    hot.push({ rule: 'recent-reply', params: { days: replied, within: t.hotReplyDays } });
  }
  if (hot.length > 0) return { temperature: 'hot', reasons: hot };

  const warm: Reason[] = [];
  if (q.timeframe === 'within-2-months') warm.push({ rule: 'timeframe-soon', params: {} });
  if (replyDays !== null && replyDays <= t.warmEngagedDays) {
    warm.push({ rule: 'engaged', params: { days: replied, within: t.warmEngagedDays } });
  }
  if (warm.length > 0) return { temperature: 'warm', reasons: warm };

  return {
    temperature: 'cold',
    reasons: [{ rule: 'no-timeframe', params: { timeframe: q.timeframe === 'later' ? 'later' : 'none' } }],
  };
}

/** Classifies a lead as hot / warm / cold with the reasons, or none outside the funnel. */
export function classify(lead: Lead, touchpoints: Contact[], now: Date, settings: PipelineRules): Classification {
  if (isClosedOrParked(lead, settings.stages)) {
    return {
      temperature: null,
      reasons: [{ rule: 'outside-funnel', params: { stage: lead.stage } }],
      overridden: false,
    };
  }
  const rules = byRules(lead, engagementOf(touchpoints), now, settings);
  if (lead.temperatureOverride) {
    return {
      temperature: lead.temperatureOverride,
      reasons: [{ rule: 'override', params: { rules: rules.temperature ?? 'none' } }],
      overridden: true,
    };
  }
  return { ...rules, overridden: false };
}

/** The lead with its temperature recomputed; the same object when nothing changed. */
export function withTemperature(lead: Lead, touchpoints: Contact[], now: Date, rules: PipelineRules): Lead {
  const c = classify(lead, touchpoints, now, rules);
  if (c.temperature === lead.temperature && JSON.stringify(c.reasons) === JSON.stringify(lead.temperatureReasons)) return lead;
  return { ...lead, temperature: c.temperature, temperatureReasons: c.reasons };
}
