/** Sync failures in words a rep understands. Pure. */

export type SyncProblemCode = 'wrong-password' | 'forbidden' | 'not-found' | 'unreachable' | 'no-permission' | 'refused' | 'server' | 'local';

export interface SyncProblem {
  code: SyncProblemCode;
  /** English sentence for Settings and the popup (the UI may swap in a translated message by code). */
  message: string;
  /** True when the next scheduled sync may well succeed without the user doing anything. */
  retrying: boolean;
}

const PROBLEMS: Record<SyncProblemCode, Omit<SyncProblem, 'code'>> = {
  'wrong-password': { message: 'Wrong user name or password.', retrying: false },
  forbidden: { message: 'This user may not use that database — ask the server admin to add you as a member.', retrying: false },
  'not-found': { message: 'Database not found on the server — check its name.', retrying: false },
  unreachable: { message: 'Server unreachable — will retry.', retrying: true },
  'no-permission': { message: 'Leadline is not allowed to contact this server yet — choose "Start syncing" in Settings to allow it.', retrying: false },
  refused: { message: 'The server refused some changes — ask the server admin (a validation rule or write access).', retrying: false },
  server: { message: 'The server had a problem — will retry.', retrying: true },
  local: { message: 'Could not write the sync copy in this browser — will retry.', retrying: true },
};

/** The problem for a code. */
export function problem(code: SyncProblemCode): SyncProblem {
  return { code, ...PROBLEMS[code] };
}

/**
 * Classifies an error from PouchDB's http adapter or from fetch. PouchDB turns a CouchDB error
 * response into an error carrying its HTTP `status` (`pouchdb-adapter-http` `fetchJSON` →
 * `generateErrorFromResponse`); a request that never got an answer rejects with fetch's TypeError.
 * The text never includes the credentials: they travel in a header, never in the URL.
 */
export function classify(error: unknown): SyncProblem {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : NaN;
  // CouchDB answers 401 both for a wrong password ("Name or password is incorrect.") and, on
  // some servers (pouchdb-server 4.2), for a valid user who is not a member of the database
  // ("You are not authorized to access this db."); CouchDB 3 says 403 for the latter.
  const reason = typeof error === 'object' && error !== null && 'reason' in error ? String((error as { reason: unknown }).reason) : '';
  if (status === 401 && /not authorized to access/i.test(reason)) return problem('forbidden');
  if (status === 401) return problem('wrong-password');
  if (status === 403) return problem('forbidden');
  if (status === 404) return problem('not-found');
  if (status >= 500) return problem('server');
  if (error instanceof TypeError || status === 0 || Number.isNaN(status)) return problem('unreachable');
  return problem('server');
}
