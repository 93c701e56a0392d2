/**
 * Which leads the pipeline table's filters let through, and how an index finds them: a table
 * row of a lead, the in-memory test of every filter, and the index ranges each filter narrows the
 * leads to, of which the smallest drives a filtered query (lib/db/lead-query.ts).
 */
import type { IndexNames } from 'idb';
import { isStale } from '../pipeline/aggregates';
import type { Lead, StageDef } from '../pipeline/model';
import { queryWords, searchKeysOf } from '../pipeline/search';
import { rowMatches, wordRange } from '../pipeline/search-rows';
import { dayMinus, isClosedOrParked, openStages } from '../pipeline/stages';
import type { ExportRow, LeadFilter, LeadRow } from '../messaging/protocol';
import type { LeadlineDB, StoredLead } from './schema';

type LeadIndex = IndexNames<LeadlineDB, 'leads'>;

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

/** What the CSV export holds of a lead: its table row and every other field a user enters. */
export function toExportRow(lead: Lead, stages: StageDef[], today: string): ExportRow {
  return {
    ...toRow(lead, stages, today),
    headline: lead.headline,
    location: lead.location,
    notes: lead.notes,
    qualification: lead.qualification,
    temperatureOverride: lead.temperatureOverride,
    expectedCloseOn: lead.expectedCloseOn,
  };
}

/** True when the lead passes every filter. */
export function matches(lead: Lead, filter: LeadFilter, stages: StageDef[], today: string): boolean {
  if (filter.stage && lead.stage !== filter.stage) return false;
  if (filter.temperature && lead.temperature !== filter.temperature) return false;
  if (filter.source && lead.source !== filter.source) return false;
  if (filter.tag && !lead.tags.includes(filter.tag)) return false;
  if (filter.owner && lead.owner !== filter.owner) return false;
  if (filter.stale && !isStale(lead, stages, today)) return false;
  if (filter.due && (!lead.nextFollowUpOn || lead.nextFollowUpOn > today || isClosedOrParked(lead, stages))) return false;
  if (filter.text) {
    const keys = (lead as StoredLead).searchKeys ?? searchKeysOf(lead);
    if (!queryWords(filter.text).every((w) => keys.some((k) => k.startsWith(w)))) return false;
  }
  return true;
}

export interface Driver {
  index: LeadIndex;
  ranges: IDBKeyRange[];
  /** For quick search rows: whether a row's key can belong to a match (null: cannot tell). */
  keep?: (key: IDBValidKey) => boolean;
}

/** Index ranges that hold every lead passing one filter (a superset; `matches` decides). */
export function driversOf(filter: LeadFilter, stages: StageDef[], today: string): Driver[] {
  const out: Driver[] = [];
  const only = (v: IDBValidKey) => [IDBKeyRange.only(v)];
  const words = [...new Set(queryWords(filter.text ?? ''))];
  for (const w of words) {
    const [lower, upper] = wordRange(w);
    out.push({ index: 'bySearchRow', ranges: [IDBKeyRange.bound(lower, upper)], keep: (key) => rowMatches(key as string, words) !== false });
  }
  if (filter.tag) out.push({ index: 'byTag', ranges: only(filter.tag) });
  if (filter.owner) out.push({ index: 'byOwner', ranges: [IDBKeyRange.bound([filter.owner, ''], [filter.owner, '\uffff'])] });
  if (filter.stage) out.push({ index: 'byStage', ranges: only(filter.stage) });
  if (filter.temperature) out.push({ index: 'byTemperature', ranges: only(filter.temperature) });
  if (filter.source) out.push({ index: 'bySource', ranges: only(filter.source) });
  if (filter.due) out.push({ index: 'byFollowUp', ranges: [IDBKeyRange.upperBound(today)] });
  if (filter.stale) {
    const open = openStages(stages);
    out.push({ index: 'byActivity', ranges: open.map((s) => IDBKeyRange.bound([s.id, ''], [s.id, dayMinus(today, s.rottingDays)], false, true)) });
  }
  return out;
}

/**
 * The primary keys of the driver whose ranges end first, with a key cursor over every driver at
 * once: the work is the smallest driver's size times the number of drivers, found without
 * counting any range.
 */
export function smallestDriver(store: () => IDBObjectStore, drivers: Driver[]): Promise<{ at: number; ids: string[] }> {
  return new Promise((resolve, reject) => {
    let done = false;
    drivers.forEach((driver, at) => {
      // A transaction per cursor: cursors sharing one lose Chromium's read-ahead.
      const index = store().index(driver.index);
      const ids = new Set<string>();
      let range = 0;
      const open = () => {
        const request = index.openKeyCursor(driver.ranges[range]!);
        request.onerror = () => {
          done = true;
          reject(request.error);
        };
        request.onsuccess = () => {
          if (done) return;
          const cursor = request.result;
          if (cursor) {
            if (!driver.keep || driver.keep(cursor.key)) ids.add(cursor.primaryKey as string);
            cursor.continue();
          } else if (++range < driver.ranges.length) open();
          else {
            done = true;
            resolve({ at, ids: [...ids] });
          }
        };
      };
      open();
    });
  });
}

/** Whether the query filters at all (else the sort index pages directly). */
export const hasFilter = (f: LeadFilter) => Boolean(f.stage || f.temperature || f.source || f.tag || f.owner || f.stale || f.due || f.text?.trim());
