/**
 * The one host permission team sync needs: the server origin the user entered, asked for at run
 * time (manifest `optional_host_permissions`, wxt.config.ts), never all sites.
 *
 * Without it, the service worker's requests to a CouchDB that does not send CORS headers (CouchDB
 * ships with CORS off) fail as "Failed to fetch"; with it, they bypass CORS. Measured in
 * tests/e2e/sync-engine.e2e.ts.
 */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * Asks for the server's origin. Chrome accepts this only during a user gesture ("This function
 * must be called during a user gesture"), so Settings calls it first thing in the "Start syncing"
 * click handler, before anything else is awaited. Resolves false when the user declines.
 */
export function askForServer(permissions: PermissionsApi, originPattern: string): Promise<boolean> {
  return permissions.request({ origins: [originPattern] });
}

/** The engine's `mayReach`: whether the origin is still granted (the user can revoke it in chrome://extensions). */
export function grantedCheck(permissions: PermissionsApi): (originPattern: string) => Promise<boolean> {
  return (originPattern) => permissions.contains({ origins: [originPattern] });
}

/** Gives the origin back when the user stops syncing for good. */
export function releaseServer(permissions: PermissionsApi, originPattern: string): Promise<boolean> {
  return permissions.remove({ origins: [originPattern] });
}
