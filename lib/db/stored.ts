/**
 * A lead as stored: the domain record plus keys derived from it for the indexes (quick search,
 * table sorting, staleness). Derived afresh on every write, so they never drift from the lead.
 */
import { lastActivityDay } from '../pipeline/aggregates';
import { LATER, LOST } from '../pipeline/constants';
import type { Lead, StageDef } from '../pipeline/model';
import { fold, searchKeysOf } from '../pipeline/search';

export interface SortKeys {
  name: string;
  company: string;
  /** Funnel order; Lost and Later after every stage. */
  stageRank: number;
  /** hot 0, warm 1, cold 2, none 3. */
  temp: number;
  /** -1 without a deal value. */
  value: number;
  /** Leads without a follow-up sort after every date. */
  followUp: string;
  touch: string;
  /** Day of the last touch, stage change or capture: with the stage, finds stale leads by index. */
  activityDay: string;
}

export type StoredLead = Lead & { searchKeys: string[]; sort: SortKeys };

const TEMP_RANK: Record<string, number> = { hot: 0, warm: 1, cold: 2 };
export const NO_FOLLOW_UP = '9999-12-31';

export function stageRank(stage: string, stages: StageDef[]): number {
  if (stage === LOST) return stages.length;
  if (stage === LATER) return stages.length + 1;
  const i = stages.findIndex((s) => s.id === stage);
  return i < 0 ? stages.length + 2 : i;
}

export function sortKeysOf(lead: Lead, stages: StageDef[]): SortKeys {
  return {
    name: fold(lead.name),
    company: fold(lead.company ?? ''),
    stageRank: stageRank(lead.stage, stages),
    temp: TEMP_RANK[lead.temperature ?? ''] ?? 3,
    value: lead.dealValue ?? -1,
    followUp: lead.nextFollowUpOn ?? NO_FOLLOW_UP,
    touch: lead.lastTouchAt ?? '',
    activityDay: lastActivityDay(lead),
  };
}

/** The record to store; derived keys of an older record are dropped and made afresh. */
export function toStored(lead: Lead, stages: StageDef[]): StoredLead {
  const { searchKeys: _s, sort: _k, ...plain } = lead as StoredLead;
  return { ...plain, searchKeys: searchKeysOf(lead), sort: sortKeysOf(plain, stages) };
}

/** The domain record, without derived keys (for replies, backups and merges). */
export function plainLead(stored: Lead): Lead {
  const { searchKeys: _s, sort: _k, ...plain } = stored as StoredLead;
  return plain;
}
