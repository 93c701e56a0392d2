/**
 * The pipeline table's and board's queries, through indexes. Without a filter the sort's index
 * pages directly (a cursor advanced to the offset; the total from the aggregates). With filters,
 * the filter whose index range holds the fewest entries (`rarest`) drives: its leads are read, the other filters
 * and the sort applied in memory. Results of a filtered query are cached per data version, so
 * scrolling through them reads nothing again.
 */
import { dayMinus, isClosedOrParked } from '../pipeline/stages';
import { isStale } from '../pipeline/aggregates';
import { LATER, LOST } from '../pipeline/constants';
import type { Lead, StageDef } from '../pipeline/model';
import type { SortColumn } from '../pipeline/constants';
import type { LeadFilter, LeadRow, TablePage, TableQuery as Query } from '../messaging/protocol';
import { queryWords, searchKeysOf } from '../pipeline/search';
import type { Db, LeadlineDB, StoredLead } from './schema';
import { sortKeysOf, type SortKeys } from './stored';
import type { IndexNames } from 'idb';
import { rarest } from './rarest';

/** A page of the table's query (the day is passed apart). */
export type TableQuery = Omit<Query, 'today'> & { offset: number; limit: number };

type LeadIndex = IndexNames<LeadlineDB, 'leads'>;
const SORT_INDEX: Record<SortColumn, { index: LeadIndex; key: (k: SortKeys, l: Lead) => string | number }> = {
  name: { index: 'sort.name', key: (k) => k.name },
  company: { index: 'sort.company', key: (k) => k.company },
  stage: { index: 'sort.stageRank', key: (k) => k.stageRank },
  temperature: { index: 'sort.temp', key: (k) => k.temp },
  value: { index: 'sort.value', key: (k) => k.value },
  followUp: { index: 'sort.followUp', key: (k) => k.followUp },
  lastTouch: { index: 'sort.touch', key: (k) => k.touch },
  updated: { index: 'byUpdatedAt', key: (_k, l) => l.updatedAt },
};

/** What the table and the board show of a lead. */
export function toRow(lead: Lead, stages: StageDef[], today: string): LeadRow {
  return {
    id: lead.id,
    name: lead.name,
    company: lead.company,
    stage: lead.stage,
    temperature: lead.temperature,
    source: lead.source,
    tags: lead.tags,
    dealValue: lead.dealValue,
    currency: lead.currency,
    nextFollowUpOn: lead.nextFollowUpOn,
    lastTouchAt: lead.lastTouchAt,
    updatedAt: lead.updatedAt,
    emails: lead.emails,
    linkedinUrl: lead.linkedinUrl,
    lost: lead.lost,
    later: lead.later,
    stale: isStale(lead, stages, today),
  };
}

/** True when the lead passes every filter. */
export function matches(lead: Lead, filter: LeadFilter, stages: StageDef[], today: string): boolean {
  if (filter.stage && lead.stage !== filter.stage) return false;
  if (filter.temperature && lead.temperature !== filter.temperature) return false;
  if (filter.source && lead.source !== filter.source) return false;
  if (filter.tag && !lead.tags.includes(filter.tag)) return false;
  if (filter.stale && !isStale(lead, stages, today)) return false;
  if (filter.due && (!lead.nextFollowUpOn || lead.nextFollowUpOn > today || isClosedOrParked(lead, stages))) return false;
  if (filter.text) {
    const keys = (lead as StoredLead).searchKeys ?? searchKeysOf(lead);
    if (!queryWords(filter.text).every((w) => keys.some((k) => k.startsWith(w)))) return false;
  }
  return true;
}

interface Driver {
  index: LeadIndex;
  ranges: IDBKeyRange[];
}

/** Index ranges that hold every lead passing one filter (a superset; `matches` decides). */
function driversOf(filter: LeadFilter, stages: StageDef[], today: string): Driver[] {
  const out: Driver[] = [];
  const only = (v: IDBValidKey) => [IDBKeyRange.only(v)];
  for (const w of new Set(queryWords(filter.text ?? ''))) out.push({ index: 'bySearch', ranges: [IDBKeyRange.bound(w, `${w}\uffff`)] });
  if (filter.tag) out.push({ index: 'byTag', ranges: only(filter.tag) });
  if (filter.stage) out.push({ index: 'byStage', ranges: only(filter.stage) });
  if (filter.temperature) out.push({ index: 'byTemperature', ranges: only(filter.temperature) });
  if (filter.source) out.push({ index: 'bySource', ranges: only(filter.source) });
  if (filter.due) out.push({ index: 'byFollowUp', ranges: [IDBKeyRange.upperBound(today)] });
  if (filter.stale) {
    const open = stages.slice(0, -1);
    out.push({ index: 'byActivity', ranges: open.map((s) => IDBKeyRange.bound([s.id, ''], [s.id, dayMinus(today, s.rottingDays)], false, true)) });
  }
  return out;
}

const hasFilter = (f: LeadFilter) => Boolean(f.stage || f.temperature || f.source || f.tag || f.stale || f.due || f.text?.trim());

export class LeadQueries {
  private cache: { key: string; version: number; leads: Lead[] } | null = null;
  private version = 0;

  constructor(private readonly db: Db) {}

  /** Drops cached results: call after every write. */
  invalidate(): void {
    this.version++;
    this.cache = null;
  }

  /** `knownTotal`: the number of leads when the caller has it (the aggregates), which spares a count. */
  async table(q: TableQuery, stages: StageDef[], today: string, knownTotal?: number): Promise<TablePage> {
    if (!hasFilter(q.filter)) return this.pageBySortIndex(q, stages, today, knownTotal);
    const leads = await this.filtered(q, stages, today);
    return { total: leads.length, offset: q.offset, rows: leads.slice(q.offset, q.offset + q.limit).map((l) => toRow(l, stages, today)) };
  }

  /** Every row of a query, in order (CSV export of the filtered table). */
  async all(q: Omit<TableQuery, 'offset' | 'limit'>, stages: StageDef[], today: string): Promise<LeadRow[]> {
    const page = await this.table({ ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER }, stages, today);
    return page.rows;
  }

  private async pageBySortIndex(q: TableQuery, stages: StageDef[], today: string, knownTotal?: number): Promise<TablePage> {
    const store = this.db.transaction('leads').store;
    // A count walks the whole store (~0.2 s at 100,000 leads): taken from the aggregates when known.
    const total = knownTotal ?? (await store.count());
    const rows: LeadRow[] = [];
    let cursor = await store.index(SORT_INDEX[q.sort].index).openCursor(null, q.desc ? 'prev' : 'next');
    if (cursor && q.offset > 0) cursor = await cursor.advance(q.offset);
    while (cursor && rows.length < q.limit) {
      rows.push(toRow(cursor.value, stages, today));
      cursor = await cursor.continue();
    }
    return { total, offset: q.offset, rows };
  }

  private async filtered(q: TableQuery, stages: StageDef[], today: string): Promise<Lead[]> {
    const key = JSON.stringify([q.filter, q.sort, q.desc, today]);
    if (this.cache?.key === key && this.cache.version === this.version) return this.cache.leads;
    const version = this.version;
    const index = (name: LeadIndex) => this.db.transaction('leads').store.index(name);
    const drivers = driversOf(q.filter, stages, today);
    const driver = drivers[(await rarest(drivers.map((d) => ({ index: index(d.index), ranges: d.ranges })))).at]!;
    const seen = new Set<string>();
    const leads: Lead[] = [];
    for (const range of driver.ranges) {
      for (const lead of await index(driver.index).getAll(range)) {
        if (seen.has(lead.id)) continue;
        seen.add(lead.id);
        if (matches(lead, q.filter, stages, today)) leads.push(lead);
      }
    }
    const sortKey = SORT_INDEX[q.sort].key;
    const keyed = leads.map((l) => ({ l, k: sortKey((l as StoredLead).sort ?? sortKeysOf(l, stages), l) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.l.id < b.l.id ? -1 : 1) * (q.desc ? -1 : 1));
    const sorted = keyed.map((x) => x.l);
    if (version === this.version) this.cache = { key, version, leads: sorted };
    return sorted;
  }

  /**
   * The board: per column (funnel stages, then Lost and Later) the count and the most recently
   * updated cards. `totals` per column (from the aggregates) spare a count per column.
   */
  async board(
    stages: StageDef[],
    today: string,
    perColumn: number,
    totals?: Record<string, number>,
  ): Promise<{ stage: string; total: number; rows: LeadRow[] }[]> {
    const store = this.db.transaction('leads').store;
    const columns = [...stages.map((s) => s.id), LOST, LATER];
    return Promise.all(
      columns.map(async (stage) => {
        const range = IDBKeyRange.bound([stage, ''], [stage, '\uffff']);
        const total = totals ? (totals[stage] ?? 0) : await store.index('byStageUpdated').count(range);
        const rows: LeadRow[] = [];
        let cursor = await store.index('byStageUpdated').openCursor(range, 'prev');
        while (cursor && rows.length < perColumn) {
          rows.push(toRow(cursor.value, stages, today));
          cursor = await cursor.continue();
        }
        return { stage, total, rows };
      }),
    );
  }
}
