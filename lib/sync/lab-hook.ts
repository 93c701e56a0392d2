/**
 * Production stand-in for the sync lab: does nothing. The `synclab` build (wxt.config.ts) aliases
 * this module to lab.ts, so no production bundle carries the lab, or PouchDB through it.
 */
export function installSyncLab(): void {}
