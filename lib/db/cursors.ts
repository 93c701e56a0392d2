/**
 * Small steps of IndexedDB requests and cursors, as promises: a request's result, a cursor's next
 * stop, whether a cursor stands before an entry, and the newest records of an index range.
 */
import type { Lead } from '../pipeline/model';

/** A key cursor of one sort index, and where it stands. */
export interface Walker {
  cursor: IDBCursor | null;
  offset: number;
}

/**
 * Whether a cursor on the entry's key stands before the entry (same key, an earlier primary key in
 * its direction): then `continuePrimaryKey` reaches it. On any other entry it stays where it is.
 */
export function before(cursor: IDBCursor, entry: { key: IDBValidKey; primaryKey: IDBValidKey }, direction: IDBCursorDirection): boolean {
  if (indexedDB.cmp(cursor.key, entry.key) !== 0) return false;
  const order = indexedDB.cmp(cursor.primaryKey, entry.primaryKey);
  return direction === 'prev' ? order > 0 : order < 0;
}

/** The result of a request. */
export function answer<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves with the cursor of `request` after its next success (or null at the end). */
export function step<C extends IDBCursor>(request: IDBRequest<C | null>, move: () => void): Promise<C | null> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    move();
  });
}

/** The last `count` leads of an index range (newest first): one request where the browser reads records backwards in bulk. */
export async function newestIn(index: IDBIndex, range: IDBKeyRange, count: number): Promise<Lead[]> {
  // getAllRecords (Chromium 141+) takes a direction; elsewhere a cursor walks back.
  const bulk = (
    index as IDBIndex & { getAllRecords?: (o: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }) => IDBRequest<{ value: Lead }[]> }
  ).getAllRecords;
  if (bulk) return (await answer(bulk.call(index, { query: range, count, direction: 'prev' }))).map((r) => r.value);
  const out: Lead[] = [];
  const request = index.openCursor(range, 'prev');
  let cursor = await step(request, () => {});
  while (cursor && out.length < count) {
    out.push(cursor.value);
    if (out.length < count) cursor = await step(request, () => cursor!.continue());
  }
  return out;
}
