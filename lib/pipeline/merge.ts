/** Merging two records of the same person: the fuller value of each field wins. Pure. */
import { LATER, LOST } from './constants';
import type { BantAnswer, Lead, StageDef } from './model';
import { fold } from './search';

const fuller = <T extends string | null>(a: T, b: T): T => ((b ?? '').trim().length > (a ?? '').trim().length ? b : a);
const answer = (a: BantAnswer, b: BantAnswer): BantAnswer => (a === 'unknown' ? b : a);
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** How far along the funnel a lead is: open leads rank by stage; lost and parked leads below any open one. */
function progress(lead: Lead, stages: StageDef[]): number {
  if (lead.stage === LOST) return -2;
  if (lead.stage === LATER) return -1;
  return stages.findIndex((s) => s.id === lead.stage);
}

/**
 * `keep` absorbs `other`: text fields take the longer value, lists are united, BANT answers take
 * the known one, the stage is the further one along, notes are joined, history is interleaved.
 */
export function mergeLeads(keep: Lead, other: Lead, stages: StageDef[]): Lead {
  const ahead = progress(other, stages) > progress(keep, stages) ? other : keep;
  const notes = [keep.notes.trim(), other.notes.trim()].filter(Boolean);
  return {
    ...keep,
    name: fuller(keep.name, other.name),
    headline: fuller(keep.headline, other.headline),
    company: fuller(keep.company, other.company),
    location: fuller(keep.location, other.location),
    linkedinUrl: keep.linkedinUrl ?? other.linkedinUrl,
    linkedinMemberId: keep.linkedinMemberId ?? other.linkedinMemberId,
    salesNavUrl: keep.salesNavUrl ?? other.salesNavUrl,
    companyId: keep.companyId ?? other.companyId,
    photoUrl: keep.photoUrl ?? other.photoUrl,
    emails: union(keep.emails, other.emails),
    stage: ahead.stage,
    lost: ahead.lost,
    later: ahead.later,
    reached: union(keep.reached, other.reached),
    stageHistory: [...keep.stageHistory, ...other.stageHistory].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    qualification: {
      budget: answer(keep.qualification.budget, other.qualification.budget),
      authority: answer(keep.qualification.authority, other.qualification.authority),
      need: answer(keep.qualification.need, other.qualification.need),
      timeframe: keep.qualification.timeframe === 'none' ? other.qualification.timeframe : keep.qualification.timeframe,
    },
    temperatureOverride: keep.temperatureOverride ?? other.temperatureOverride,
    dealValue: keep.dealValue ?? other.dealValue,
    currency: keep.dealValue === null && other.dealValue !== null ? other.currency : keep.currency,
    expectedCloseOn: keep.expectedCloseOn ?? other.expectedCloseOn,
    nextFollowUpOn: earliest(keep.nextFollowUpOn, other.nextFollowUpOn),
    tags: union(keep.tags, other.tags),
    notes: notes.length === 2 && notes[0] === notes[1] ? notes[0]! : notes.join('\n\n'),
    lastTouchAt: latest(keep.lastTouchAt, other.lastTouchAt),
    createdAt: earliest(keep.createdAt, other.createdAt)!,
  };
}

/** Groups of leads that are likely the same person: same name and the same (or a missing) company. */
export function duplicateGroups<T extends Pick<Lead, 'id' | 'name' | 'company'>>(leads: T[]): T[][] {
  const byName = new Map<string, T[]>();
  for (const lead of leads) {
    const key = fold(lead.name).replace(/\s+/g, ' ').trim();
    byName.set(key, [...(byName.get(key) ?? []), lead]);
  }
  const groups: T[][] = [];
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const byCompany = new Map<string, T[]>();
    for (const lead of same) {
      const key = fold(lead.company ?? '').trim();
      byCompany.set(key, [...(byCompany.get(key) ?? []), lead]);
    }
    const blank = byCompany.get('') ?? [];
    byCompany.delete('');
    const named = [...byCompany.values()];
    // A lead without a company may be the same person as the one named group, not as several.
    if (named.length <= 1) groups.push([...(named[0] ?? []), ...blank]);
    else groups.push(...named.filter((g) => g.length > 1));
  }
  return groups.filter((g) => g.length > 1);
}
