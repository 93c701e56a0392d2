/**
 * The slice of PouchDB 9 the sync engine uses, typed here (the DefinitelyTyped packages describe
 * PouchDB 7 and declare global `Blob`/`Buffer` interfaces that would leak into the whole project),
 * and the constructor assembled from the four packages we ship: core, the IndexedDB adapter (the
 * local replica), the http adapter (the team server) and replication.
 */
import PouchCore from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [key: string]: unknown;
}

export interface PouchWriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  name?: string;
  message?: string;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  doc?: PouchDoc;
  deleted?: boolean;
  changes: { rev: string }[];
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  last_seq: number | string;
  status: string;
}

export interface ReplicationOptions {
  batch_size?: number;
  batches_limit?: number;
  checkpoint?: 'source' | 'target' | false;
  since?: number | string;
}

/** A one-shot replication: a promise of its result that is also an event emitter. */
export interface Replication extends Promise<ReplicationResult> {
  cancel(): void;
  on(event: 'change' | 'complete' | 'error' | 'denied', listener: (info: unknown) => void): Replication;
}

export interface PouchDatabase {
  get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
  get(id: string, options: { open_revs: string[] | 'all' }): Promise<({ ok: PouchDoc } | { missing: string })[]>;
  put(doc: PouchDoc): Promise<PouchWriteResult>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<PouchWriteResult[]>;
  allDocs(options: { keys?: string[]; include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; limit?: number }): Promise<{
    total_rows: number;
    rows: { id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc; error?: string }[];
  }>;
  changes(options: {
    since?: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    style?: 'all_docs' | 'main_only';
    return_docs?: boolean;
  }): Promise<{
    results: PouchChange[];
    last_seq: number | string;
  }>;
  info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
  /** http adapter only: a request relative to the database URL, with the adapter's auth. */
  fetch?(path: string, init: { method: string }): Promise<Response>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
  replicate: {
    to(target: PouchDatabase, options?: ReplicationOptions): Replication;
    from(source: PouchDatabase, options?: ReplicationOptions): Replication;
  };
}

export interface PouchStatic {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
}

/** PouchDB with the local IndexedDB adapter, the http adapter and replication. */
export function pouchWithPlugins(): PouchStatic {
  return (PouchCore as unknown as PouchStatic).plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication);
}
