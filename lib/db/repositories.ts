/**
 * Every repository over one database, as the background's handlers receive them. Each job has its
 * own file; all share the transaction helper in `tx.ts`.
 */
import type { Db } from './schema';
import { AggregatesStore } from './aggregates-store';
import { importRows } from './import';
import { LeadQueries } from './lead-query';
import { LeadRepository } from './leads';
import { MergeRepository } from './merge';
import { refresh } from './refresh';
import { searchLeads } from './search';
import { SettingsStore } from './settings-store';
import { TouchpointRepository } from './touchpoints';
import { TrashRepository } from './trash';
import { CompanyRepository } from './companies';
import type { ImportRow } from '../messaging/protocol';

export interface Repositories {
  settings: SettingsStore;
  aggregates: AggregatesStore;
  leads: LeadRepository;
  touchpoints: TouchpointRepository;
  trash: TrashRepository;
  merges: MergeRepository;
  queries: LeadQueries;
  companies: CompanyRepository;
  search(query: string, limit?: number): ReturnType<typeof searchLeads>;
  importRows(rows: ImportRow[]): ReturnType<typeof importRows>;
  /** The hourly job; returns the ids of the leads it changed. */
  refresh(): Promise<string[]>;
}

export function createRepositories(db: Db, now: () => Date = () => new Date()): Repositories {
  const settings = new SettingsStore(db, now);
  const touchpoints = new TouchpointRepository(db, now);
  return {
    settings,
    aggregates: new AggregatesStore(db),
    leads: new LeadRepository(db, settings, touchpoints, now),
    touchpoints,
    trash: new TrashRepository(db, now),
    merges: new MergeRepository(db, now),
    queries: new LeadQueries(db),
    companies: new CompanyRepository(db, now),
    search: (query, limit) => searchLeads(db, query, limit),
    importRows: (rows) => importRows(db, now(), rows),
    refresh: () => refresh(db, now()),
  };
}
