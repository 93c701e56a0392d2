/** The toolbar badge: follow-ups due today or overdue. */
import type { Aggregates } from '../pipeline/aggregates';

/** Open leads whose next follow-up is on or before `today` (YYYY-MM-DD). */
export function dueFollowUps(agg: Aggregates, today: string): number {
  let due = 0;
  for (const [day, count] of Object.entries(agg.followUpOn)) if (day <= today) due += count;
  return due;
}

export function badgeText(due: number): string {
  if (due <= 0) return '';
  return due > 999 ? '999+' : String(due);
}
