/**
 * A lead as stored: the domain record plus keys derived from it for the indexes (quick search,
 * table sorting, staleness, the hourly recheck). Derived afresh on every write, so they never
 * drift from the lead.
 */
import { lastActivityDay } from '../pipeline/aggregates';
import { LATER, LOST } from '../pipeline/constants';
import type { Lead, StageDef, TemperatureThresholds } from '../pipeline/model';
import { nextRecheck, reengageAt } from '../pipeline/recheck';
import { fold, searchKeysOf } from '../pipeline/search';
import { searchRowsOf } from '../pipeline/search-rows';
import { funnelStageOf, isClosedOrParked } from '../pipeline/stages';

export interface SortKeys {
  name: string;
  company: string;
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

export type StoredLead = Lead & {
  searchKeys: string[];
  /** v5: quick search rows (`search-rows.ts`), one per search key. */
  searchRows: string[];
  sort: SortKeys;
  /** v5: the funnel stage the lead belongs to (its stage, or where it was lost or parked from). */
  funnelStage: string;
  /**
   * v5: when the hourly refresh must look at the lead again (ISO instant); absent when time alone
   * cannot change it. Only leads in the range up to now are visited.
   */
  recheckAt?: string;
};

const TEMP_RANK: Record<string, number> = { hot: 0, warm: 1, cold: 2 };
export const NO_FOLLOW_UP = '9999-12-31';

/** Funnel order of a stage; Lost and Later after every stage (the table's stage sort). */
export function stageRank(stage: string, stages: StageDef[]): number {
  if (stage === LOST) return stages.length;
  if (stage === LATER) return stages.length + 1;
  const i = stages.findIndex((s) => s.id === stage);
  return i < 0 ? stages.length + 2 : i;
}

export function sortKeysOf(lead: Lead): SortKeys {
  return {
    name: fold(lead.name),
    company: fold(lead.company ?? ''),
    temp: TEMP_RANK[lead.temperature ?? ''] ?? 3,
    value: lead.dealValue ?? -1,
    followUp: lead.nextFollowUpOn ?? NO_FOLLOW_UP,
    touch: lead.lastTouchAt ?? '',
    activityDay: lastActivityDay(lead),
  };
}

export interface DeriveOptions {
  /** The temperature thresholds: with them, a lead without contacts gets its exact recheck instant. */
  thresholds?: TemperatureThresholds;
  /** The recheck instant when the caller computed it from the lead's touchpoints (the refresh). */
  recheck?: Date | null;
}

/**
 * When the refresh must look at the lead again, as far as the lead record tells: a write that did
 * not read the lead's touchpoints leaves a lead with contacts due at its `updatedAt`, and the next
 * refresh works out the exact instant.
 */
function recheckOf(lead: Lead, stages: StageDef[], options: DeriveOptions): string | undefined {
  if (options.recheck !== undefined) return options.recheck?.toISOString();
  const at = new Date(lead.updatedAt);
  if (options.thresholds) return nextRecheck(lead, null, { stages, thresholds: options.thresholds }, at)?.toISOString();
  const back = reengageAt(lead);
  if (back !== null) return new Date(Math.max(back, at.getTime())).toISOString();
  return isClosedOrParked(lead, stages) ? undefined : lead.updatedAt;
}

/** The record to store; derived keys of an older record are dropped and made afresh. */
export function toStored(lead: Lead, stages: StageDef[], options: DeriveOptions = {}): StoredLead {
  const plain = plainLead(lead);
  const searchKeys = searchKeysOf(plain);
  const stored: StoredLead = {
    ...plain,
    searchKeys,
    searchRows: searchRowsOf(searchKeys),
    sort: sortKeysOf(plain),
    funnelStage: funnelStageOf(plain),
  };
  const recheckAt = recheckOf(plain, stages, options);
  if (recheckAt !== undefined) stored.recheckAt = recheckAt;
  return stored;
}

/** The domain record, without derived keys (for replies, backups and merges). */
export function plainLead(stored: Lead): Lead {
  const { searchKeys: _s, searchRows: _r, sort: _k, funnelStage: _f, recheckAt: _c, ...plain } = stored as StoredLead;
  return plain;
}
