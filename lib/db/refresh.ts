/**
 * The hourly job: temperatures recomputed as time passes, and parked leads whose date has come
 * returned to their stage. Idempotent: it writes only leads that changed.
 */
import { reengageIfDue } from '../pipeline/stages';
import { withTemperature } from '../pipeline/temperature';
import type { Db } from './schema';
import { write } from './tx';

export async function refresh(db: Db, now: Date): Promise<string[]> {
  return write(db, now, async (w) => {
    const changed: string[] = [];
    let cursor = await w.leads.openCursor();
    while (cursor) {
      const before = cursor.value;
      const moved = reengageIfDue(before, now, w.settings.stages) ?? before;
      const after = withTemperature(moved, await w.touchpointsOf(before.id), now, w.settings);
      if (after !== before) {
        await w.putLead(before, after);
        changed.push(before.id);
      }
      cursor = await cursor.continue();
    }
    return changed;
  });
}
