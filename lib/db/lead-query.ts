/**
 * The pipeline table's and board's queries, through indexes. Without a filter the sort's index
 * pages directly: a key cursor goes to the offset from the nearest anchor (the position of every
 * ANCHOR_EVERY-th entry, recorded on the way and built in the background once the table is open),
 * so a jump to row 90,000 walks at most that many entries, not 90,000; the total comes from the
 * aggregates. With filters, the filter whose index ranges hold the fewest entries drives: a key
 * cursor runs over each filter's ranges at once and the first to end wins; its leads are read, the
 * other filters and the sort applied in memory. Results of a filtered query are cached per data
 * version, so scrolling through them reads nothing again.
 */
import { LATER, LOST, type SortColumn } from '../pipeline/constants';
import type { Lead, StageDef } from '../pipeline/model';
import type { ExportRow, LeadRow, TablePage, TableQuery as Query } from '../messaging/protocol';
import type { Db, LeadlineDB, StoredLead } from './schema';
import { sortKeysOf, stageRank, type SortKeys } from './stored';
import { unwrap, type IndexNames } from 'idb';
import { driversOf, hasFilter, matches, smallestDriver, toExportRow, toRow } from './lead-filter';
import { answer, before, newestIn, step, type Walker } from './cursors';

/** A page of the table's query (the day is passed apart). */
export type TableQuery = Omit<Query, 'today'> & { offset: number; limit: number };

type LeadIndex = IndexNames<LeadlineDB, 'leads'>;
/** Each sort's index, and its key in memory (filtered results). The stage sort walks `byStage` a stage at a time, in funnel order. */
const SORT_INDEX: Record<SortColumn, { index: LeadIndex; key: (k: SortKeys, l: Lead, stages: StageDef[]) => string | number }> = {
  name: { index: 'sort.name', key: (k) => k.name },
  company: { index: 'sort.company', key: (k) => k.company },
  stage: { index: 'byStage', key: (_k, l, stages) => stageRank(l.stage, stages) },
  temperature: { index: 'sort.temp', key: (k) => k.temp },
  value: { index: 'sort.value', key: (k) => k.value },
  followUp: { index: 'sort.followUp', key: (k) => k.followUp },
  lastTouch: { index: 'sort.touch', key: (k) => k.touch },
  updated: { index: 'byUpdatedAt', key: (_k, l) => l.updatedAt },
};

/** Every this-many entries of a sort index, the position of the entry is kept as an anchor. */
export const ANCHOR_EVERY = 1000;

interface Anchor {
  offset: number;
  key: IDBValidKey;
  primaryKey: IDBValidKey;
}

/** What the table pages through: a sort index, or one stage's part of the stage index. */
interface Segment {
  index: LeadIndex;
  range: IDBKeyRange | null;
  /** Names its anchors. */
  id: string;
}

export class LeadQueries {
  private cache: { key: string; version: number; rows: LeadRow[] } | null = null;
  private version = 0;
  /** Per sort index and direction: anchors in offset order, for this data version. */
  private anchors = new Map<string, Anchor[]>();
  private building = new Set<string>();

  private readonly prebuild: boolean;
  private readonly every: number;

  constructor(
    private readonly db: Db,
    options: {
      /** Record anchors in the background after a first page (default on). */
      prebuild?: boolean;
      /** Entries between anchors (default ANCHOR_EVERY). */
      anchorEvery?: number;
    } = {},
  ) {
    this.prebuild = options.prebuild ?? true;
    this.every = options.anchorEvery ?? ANCHOR_EVERY;
  }

  /** Drops cached results: call after every write. */
  invalidate(): void {
    this.version++;
    this.cache = null;
    this.anchors.clear();
  }

  /**
   * `knownTotal`: the number of leads, and `stageCounts` the number per stage (`lost` and `later`
   * included), when the caller has them (the aggregates): they spare counting index ranges.
   */
  async table(q: TableQuery, stages: StageDef[], today: string, knownTotal?: number, stageCounts?: Record<string, number>): Promise<TablePage> {
    if (!hasFilter(q.filter)) return this.pageBySortIndex(q, stages, today, knownTotal, stageCounts);
    const rows = await this.filtered(q, stages, today);
    return { total: rows.length, offset: q.offset, rows: rows.slice(q.offset, q.offset + q.limit) };
  }

  /** Every row of a query, in order, with all a user enters (CSV export): leads read again by id, one gone meanwhile left out. */
  async all(q: Omit<TableQuery, 'offset' | 'limit'>, stages: StageDef[], today: string): Promise<ExportRow[]> {
    const page = await this.table({ ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER }, stages, today);
    const store = this.db.transaction('leads').store;
    const leads = await Promise.all(page.rows.map((row) => store.get(row.id)));
    return leads.flatMap((lead) => (lead ? [toExportRow(lead, stages, today)] : []));
  }

  private async pageBySortIndex(
    q: TableQuery,
    stages: StageDef[],
    today: string,
    knownTotal?: number,
    stageCounts?: Record<string, number>,
  ): Promise<TablePage> {
    const direction: IDBCursorDirection = q.desc ? 'prev' : 'next';
    // A count walks the whole store (~0.2 s at 100,000 leads): taken from the aggregates when known.
    const total = knownTotal ?? (await answer(unwrap(this.db.transaction('leads')).objectStore('leads').count()));
    if (q.sort !== 'stage') {
      const segment: Segment = { index: SORT_INDEX[q.sort].index, range: null, id: SORT_INDEX[q.sort].index };
      return { total, offset: q.offset, rows: await this.readSegment(segment, direction, q.offset, q.limit, stages, today) };
    }
    // By stage: the stage index a stage at a time, in funnel order (each stage's leads by id).
    const order = [...stages.map((st) => st.id), LOST, LATER];
    if (q.desc) order.reverse();
    const rows: LeadRow[] = [];
    let skip = q.offset;
    for (const stage of order) {
      const size = stageCounts
        ? (stageCounts[stage] ?? 0)
        : await answer(unwrap(this.db.transaction('leads')).objectStore('leads').index('byStage').count(stage));
      if (skip >= size) {
        skip -= size;
        continue;
      }
      const segment: Segment = { index: 'byStage', range: IDBKeyRange.only(stage), id: `byStage:${stage}` };
      rows.push(...(await this.readSegment(segment, direction, skip, q.limit - rows.length, stages, today)));
      skip = 0;
      if (rows.length >= q.limit) break;
    }
    return { total, offset: q.offset, rows };
  }

  /** `count` rows of a segment from `offset` on: a key cursor to the offset, then a value cursor from there. */
  private async readSegment(
    segment: Segment,
    direction: IDBCursorDirection,
    offset: number,
    count: number,
    stages: StageDef[],
    today: string,
  ): Promise<LeadRow[]> {
    const rows: LeadRow[] = [];
    const index = unwrap(this.db.transaction('leads')).objectStore('leads').index(segment.index);
    const at = await this.seek(index, segment, direction, offset);
    if (at) {
      const request = index.openCursor(segment.range ?? (direction === 'prev' ? IDBKeyRange.upperBound(at.key) : IDBKeyRange.lowerBound(at.key)), direction);
      let cursor = await step(request, () => {});
      if (cursor && before(cursor, at, direction)) cursor = await step(request, () => cursor!.continuePrimaryKey(at.key, at.primaryKey));
      while (cursor && rows.length < count) {
        rows.push(toRow(cursor.value, stages, today));
        if (rows.length < count) cursor = await step(request, () => cursor!.continue());
      }
    }
    if (this.prebuild) this.buildAnchors(segment, direction);
    return rows;
  }

  /**
   * The entry at `offset` of a segment (key and primary key), reached by a key cursor from the
   * nearest anchor before it; anchors passed on the way are kept.
   */
  private async seek(
    index: IDBIndex,
    segment: Segment,
    direction: IDBCursorDirection,
    offset: number,
  ): Promise<{ key: IDBValidKey; primaryKey: IDBValidKey } | null> {
    const version = this.version;
    const id = `${segment.id}|${direction}`;
    const anchors = this.anchors.get(id) ?? [];
    let from: Anchor | undefined;
    for (const a of anchors) if (a.offset <= offset && (!from || a.offset > from.offset)) from = a;
    const walker = await this.walkerAt(index, segment, direction, from);
    while (walker.cursor && walker.offset < offset) {
      const to = Math.min(offset, (Math.floor(walker.offset / this.every) + 1) * this.every);
      await this.advance(walker, to - walker.offset);
      if (walker.cursor && walker.offset % this.every === 0) this.keepAnchor(id, version, walker);
    }
    return walker.cursor ? { key: walker.cursor.key, primaryKey: walker.cursor.primaryKey } : null;
  }

  /** A key cursor on the anchor's entry (or the segment's first entry). */
  private async walkerAt(index: IDBIndex, segment: Segment, direction: IDBCursorDirection, anchor: Anchor | undefined): Promise<Walker> {
    if (!anchor) {
      const request = index.openKeyCursor(segment.range, direction);
      return { cursor: await step(request, () => {}), offset: 0 };
    }
    const range = segment.range ?? (direction === 'prev' ? IDBKeyRange.upperBound(anchor.key) : IDBKeyRange.lowerBound(anchor.key));
    const request = index.openKeyCursor(range, direction);
    let cursor = await step(request, () => {});
    if (cursor && before(cursor, anchor, direction)) cursor = await step(request, () => cursor!.continuePrimaryKey(anchor.key, anchor.primaryKey));
    return { cursor, offset: anchor.offset };
  }

  private async advance(walker: Walker, count: number): Promise<void> {
    const cursor = walker.cursor!;
    walker.cursor = await step(cursor.request as IDBRequest<IDBCursor | null>, () => cursor.advance(count));
    walker.offset += count;
  }

  private keepAnchor(id: string, version: number, walker: Walker): void {
    if (version !== this.version || !walker.cursor) return;
    const list = this.anchors.get(id) ?? [];
    if (list.some((a) => a.offset === walker.offset)) return;
    list.push({ offset: walker.offset, key: walker.cursor.key, primaryKey: walker.cursor.primaryKey });
    list.sort((a, b) => a.offset - b.offset);
    this.anchors.set(id, list);
  }

  /**
   * Records every anchor of a segment in the background, a few thousand entries per read
   * transaction, so a later jump anywhere walks less than ANCHOR_EVERY entries. Stops when the
   * data changes (the anchors are dropped then) and starts again with the next page asked.
   */
  private buildAnchors(segment: Segment, direction: IDBCursorDirection): void {
    const id = `${segment.id}|${direction}`;
    if (this.building.has(id)) return;
    this.building.add(id);
    const version = this.version;
    const run = async () => {
      try {
        for (;;) {
          if (version !== this.version) return;
          const list = this.anchors.get(id) ?? [];
          const index = unwrap(this.db.transaction('leads')).objectStore('leads').index(segment.index);
          const walker = await this.walkerAt(index, segment, direction, list.at(-1));
          const start = performance.now();
          // One short read transaction per round: a write waits for one round at most.
          while (walker.cursor && performance.now() - start < 8) {
            await this.advance(walker, this.every - (walker.offset % this.every));
            if (walker.cursor) this.keepAnchor(id, version, walker);
          }
          if (!walker.cursor) return;
          await new Promise((resolve) => setTimeout(resolve, 4));
        }
      } finally {
        this.building.delete(id);
      }
    };
    void run().catch(() => {
      // The database closed or the data changed under it: the next page starts again.
    });
  }

  private async filtered(q: TableQuery, stages: StageDef[], today: string): Promise<LeadRow[]> {
    const key = JSON.stringify([q.filter, q.sort, q.desc, today]);
    if (this.cache?.key === key && this.cache.version === this.version) return this.cache.rows;
    const version = this.version;
    const drivers = driversOf(q.filter, stages, today);
    const { at, ids } = await smallestDriver(() => unwrap(this.db.transaction('leads')).objectStore('leads'), drivers);
    const driver = drivers[at]!;
    const store = this.db.transaction('leads').store;
    // One range without a key test: read at once; otherwise the keys found, each.
    const read: (Lead | undefined)[] =
      driver.ranges.length === 1 && !driver.keep ? await store.index(driver.index).getAll(driver.ranges[0]) : await Promise.all(ids.map((id) => store.get(id)));
    const seen = new Set<string>();
    const leads: Lead[] = [];
    for (const lead of read) {
      if (!lead || seen.has(lead.id)) continue;
      seen.add(lead.id);
      if (matches(lead, q.filter, stages, today)) leads.push(lead);
    }
    const sortKey = SORT_INDEX[q.sort].key;
    const keyed = leads.map((l) => ({ l, k: sortKey((l as StoredLead).sort ?? sortKeysOf(l), l, stages) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.l.id < b.l.id ? -1 : 1) * (q.desc ? -1 : 1));
    const rows = keyed.map((x) => toRow(x.l, stages, today));
    if (version === this.version) this.cache = { key, version, rows };
    return rows;
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
    owner?: string,
  ): Promise<{ stage: string; total: number; rows: LeadRow[] }[]> {
    const columns = [...stages.map((s) => s.id), LOST, LATER];
    return Promise.all(
      columns.map(async (stage) => {
        // "My leads": the owner index, counted per column (totals are everyone's). A transaction per column (read-ahead).
        const range = owner ? IDBKeyRange.bound([owner, stage, ''], [owner, stage, '\uffff']) : IDBKeyRange.bound([stage, ''], [stage, '\uffff']);
        const index = unwrap(this.db.transaction('leads'))
          .objectStore('leads')
          .index(owner ? 'byOwner' : 'byStageUpdated');
        const total = totals && !owner ? (totals[stage] ?? 0) : await answer(index.count(range));
        const leads = await newestIn(index, range, perColumn);
        return { stage, total, rows: leads.map((lead) => toRow(lead, stages, today)) };
      }),
    );
  }
}
