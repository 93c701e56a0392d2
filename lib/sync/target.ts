/** The team server a user enters in Settings: checked, normalised, and the one origin to ask for. Pure. */

export interface SyncTarget {
  /** Server URL as entered: `https://couch.example.com` or with a path prefix (`https://host/couchdb`). */
  url: string;
  database: string;
  username: string;
  password: string;
}

/** Why a target was refused, for the UI's message in the user's language. */
export type TargetProblem = 'url-invalid' | 'url-scheme' | 'url-credentials' | 'url-extra' | 'url-insecure' | 'database' | 'username';

export type TargetCheck =
  { ok: true; dbUrl: string; originPattern: string } | { ok: false; field: 'url' | 'database' | 'username'; code: TargetProblem; message: string };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * CouchDB's own rule, as its `illegal_database_name` error states it: "Only lowercase characters
 * (a-z), digits (0-9), and any of the characters _, $, (, ), +, -, and / are allowed. Must begin
 * with a letter." (quoted in npm/npm-registry-couchapp issue #199 and pubkey/rxdb issue #45).
 */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/**
 * Checks a target and returns the database URL and the host-permission pattern to request.
 * The pattern has no port: Chrome treats a missing port as any port (developer.chrome.com,
 * "Match patterns": "port (optional) … treated as a wildcard"), and Firefox refuses a port in a
 * host pattern altogether (mdn/content issue #5718), so one pattern serves both.
 * Plain http is refused except on this computer: basic auth would cross the network in clear text.
 */
export function checkTarget(target: Pick<SyncTarget, 'url' | 'database' | 'username'>): TargetCheck {
  let url: URL;
  try {
    url = new URL(target.url.trim());
  } catch {
    return { ok: false, field: 'url', code: 'url-invalid', message: 'Enter the server address, e.g. https://couch.example.com' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, field: 'url', code: 'url-scheme', message: 'The server address starts with https://' };
  if (url.username || url.password)
    return { ok: false, field: 'url', code: 'url-credentials', message: 'Put the user name and password in their own fields, not in the address.' };
  if (url.search || url.hash) return { ok: false, field: 'url', code: 'url-extra', message: 'The server address has no ? or # part.' };
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname))
    return { ok: false, field: 'url', code: 'url-insecure', message: 'Use https:// — over http:// the password would cross the network unencrypted.' };
  const database = target.database.trim();
  if (!DB_NAME.test(database))
    return { ok: false, field: 'database', code: 'database', message: 'A database name starts with a lower-case letter and has only a–z, 0–9 and _$()+-/' };
  if (!target.username.trim()) return { ok: false, field: 'username', code: 'username', message: 'Enter the user name the team server knows you by.' };
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { ok: true, dbUrl: `${base}/${encodeURIComponent(database)}`, originPattern: `${url.protocol}//${url.hostname}/*` };
}
