/**
 * When a lead's classification can next change with time alone. The temperature rules read time
 * in three places only — the stale rule (no contact for longer than the sales cycle), the hot and
 * warm reply windows (an inbound touchpoint within so many days) — and a parked lead returns on its
 * re-engage day. Between those instants nothing but a write can change the temperature or the
 * rules that decided it, so the hourly refresh visits only leads whose instant has come. Pure.
 *
 * What it does not cover: the day counts in the reasons' wording ("Replied 3 days ago") move daily
 * without the classification changing; they are refreshed when the lead is next rechecked or
 * written. Rendering them from the stored instants is the UI's job.
 */
import { LATER } from './constants';
import type { Lead, PipelineRules } from './model';
import { isClosedOrParked } from './stages';
import type { Engagement } from './temperature';
import { DAY_MS } from './time';

/** The local midnight starting a `YYYY-MM-DD` day, in epoch ms (`reengageIfDue` compares local days). */
export function localDayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** When a parked lead comes back (the local midnight of its re-engage day); null for any other lead. */
export function reengageAt(lead: Pick<Lead, 'stage' | 'later'>): number | null {
  return lead.stage === LATER && lead.later ? localDayStart(lead.later.reengageOn) : null;
}

/**
 * The first instant after `at` at which time alone can change the lead's classification (its
 * temperature, the rules that decided it) or bring it back from Later; null when time alone never
 * will (won, lost, a BANT "no", ghosting, already stale); `at` itself when it is due now. Given no `engagement`, only what the lead
 * record itself says is known (its last contact, not its last inbound one): a lead without any
 * contact is still exact, one with contacts is due at once (`at`) for a recheck with its touchpoints.
 */
export function nextRecheck(lead: Lead, engagement: Engagement | null, rules: PipelineRules, at: Date): Date | null {
  const now = at.getTime();
  if (lead.stage === LATER) {
    const back = reengageAt(lead);
    return back === null ? null : new Date(Math.max(back, now));
  }
  if (isClosedOrParked(lead, rules.stages)) return null;
  const q = lead.qualification;
  if (q.budget === 'no' || q.authority === 'no' || q.need === 'no') return null;
  const known: Engagement | null = engagement ?? (lead.lastTouchAt === null ? { lastInboundAt: null, lastContactAt: null, outboundSinceInbound: 0 } : null);
  if (!known) return at;
  const t = rules.thresholds;
  if (known.outboundSinceInbound >= t.ghostingAttempts) return null;
  // The rules compare whole-and-fractional days with `>` (stale) and `<=` (reply windows): each
  // flips one millisecond after its threshold.
  const staleAt = Date.parse(known.lastContactAt ?? lead.createdAt) + t.salesCycleDays * DAY_MS + 1;
  if (staleAt <= now) return null;
  const candidates = [staleAt];
  if (known.lastInboundAt) {
    const inbound = Date.parse(known.lastInboundAt);
    candidates.push(inbound + t.hotReplyDays * DAY_MS + 1, inbound + t.warmEngagedDays * DAY_MS + 1);
  }
  return new Date(Math.min(...candidates.filter((c) => c > now)));
}
