/**
 * English sentences Leadline stored before its data became language-free (database v1–v3, backup
 * format 1), read back into rule ids and parameters. Pure; used by the v4 migration and by a
 * restore of an old backup. The patterns are exactly what lib/pipeline/temperature.ts and
 * lib/ui/quick-logs.ts wrote then (git history of both files up to commit 665c366).
 */
import { TEMPERATURES } from './constants';
import type { Channel, Direction, Lead } from './model';
import type { Reason } from './temperature';

const REASON_PATTERNS: [RegExp, (m: RegExpExecArray, lead: Pick<Lead, 'stage' | 'temperature'>) => Reason | null][] = [
  [/^(Budget|Authority|Need): answered no$/, (m) => ({ rule: 'bant-no', params: { question: m[1]!.toLowerCase() } })],
  [/^(\d+) attempts? without a reply$/, (m) => ({ rule: 'ghosting', params: { attempts: Number(m[1]) } })],
  [
    /^No contact( since capture)? for (\d+) days? \(sales cycle (\d+)\)$/,
    (m) => ({ rule: 'stale', params: { days: Number(m[2]), cycle: Number(m[3]), since: m[1] ? 'capture' : 'contact' } }),
  ],
  [/^Decision timeframe: now$/, () => ({ rule: 'timeframe-now', params: {} })],
  [/^Budget, authority, need and timeline all confirmed$/, () => ({ rule: 'bant-all-yes', params: {} })],
  [
    // The same sentence served the hot rule (recent reply) and the warm one (engaged): the
    // temperature it gave tells them apart.
    /^Replied (?:today|(\d+) days? ago) \(within (\d+) days?\)$/,
    (m, lead) => {
      const params = { days: m[1] ? Number(m[1]) : 0, within: Number(m[2]) };
      if (lead.temperature === 'hot') return { rule: 'recent-reply', params };
      if (lead.temperature === 'warm') return { rule: 'engaged', params };
      return null;
    },
  ],
  [/^Decision within about two months$/, () => ({ rule: 'timeframe-soon', params: {} })],
  [/^Decision timeframe: later$/, () => ({ rule: 'no-timeframe', params: { timeframe: 'later' } })],
  [/^No decision timeframe yet$/, () => ({ rule: 'no-timeframe', params: { timeframe: 'none' } })],
  [/^.+ leads have no temperature$/, (_m, lead) => ({ rule: 'outside-funnel', params: { stage: lead.stage } })],
  [
    /^Set by you \(the rules say (\w+)\)$/,
    (m) => ((TEMPERATURES as readonly string[]).includes(m[1]!) ? { rule: 'override', params: { rules: m[1]! } } : null),
  ],
];

/** One stored reason (an old sentence, or already a rule) as a rule with its parameters. */
export function reasonFromStored(stored: unknown, lead: Pick<Lead, 'stage' | 'temperature'>): Reason {
  if (typeof stored === 'object' && stored !== null && typeof (stored as Reason).rule === 'string') return stored as Reason;
  const text = String(stored);
  for (const [pattern, read] of REASON_PATTERNS) {
    const m = pattern.exec(text);
    const reason = m && read(m, lead);
    if (reason) return reason;
  }
  // Nothing invented: the sentence is kept as it was, shown as it was, until the rules run again.
  return { rule: 'unrecognised', params: { text: text.slice(0, 500) } };
}

/** A stored lead's reasons, whatever version wrote them. */
export function reasonsFromStored(stored: unknown, lead: Pick<Lead, 'stage' | 'temperature'>): Reason[] {
  return Array.isArray(stored) ? stored.map((r) => reasonFromStored(r, lead)) : [];
}

/**
 * The summaries a one-click log stored when nothing was typed: the button's English label, and
 * "(no subject)" for a Gmail thread without one. Language-free now: such a touchpoint stores ''.
 */
const DEFAULT_SUMMARIES: [Channel, Direction, string][] = [
  ['linkedin-connection', 'outbound', 'Connection request sent'],
  ['linkedin-message', 'outbound', 'Message sent'],
  ['linkedin-message', 'inbound', 'Message received'],
  ['call', 'outbound', 'Call'],
  ['meeting', 'inbound', 'Meeting held'],
  ['note', 'internal', 'Note'],
  ['email', 'outbound', '(no subject)'],
  ['email', 'inbound', '(no subject)'],
];

/** Whether a touchpoint's summary is only the label an older Leadline filled in for it. */
export function isDefaultSummary(tp: { channel: Channel; direction: Direction; summary: string }): boolean {
  return DEFAULT_SUMMARIES.some(([c, d, s]) => c === tp.channel && d === tp.direction && s === tp.summary);
}
