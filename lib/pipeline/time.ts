/** Small time helpers shared by the pipeline rules. */

export const DAY_MS = 86_400_000;

/** Whole and fractional days from `from` to `now` (negative when `from` is in the future). */
export function daysBetween(from: string | number | Date, now: Date): number {
  return (now.getTime() - new Date(from).getTime()) / DAY_MS;
}

/** The local calendar day of an instant as `YYYY-MM-DD`. */
export function localDay(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
