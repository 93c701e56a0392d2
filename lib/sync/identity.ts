/**
 * Two leads for one person, captured on two machines before they synced (same LinkedIn URL or
 * email, different ids): the local store's unique indexes cannot hold both, so a pull that brings
 * the second one must fold it into the first. Every machine that meets the pair must fold the same
 * way — if A kept X and deleted Y while B kept Y and deleted X, both tombstones would win and the
 * person would vanish. Pure.
 */

export interface Claimant {
  id: string;
  createdAt: string;
}

/** The lead that stays: the earlier capture, then the smaller id. The same answer on every machine, in either order. */
export function survivor<T extends Claimant>(a: T, b: T): T {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? a : b;
  return a.id <= b.id ? a : b;
}
