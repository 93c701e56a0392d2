/** Likely duplicates, and merging one lead into another with every touchpoint kept. */
import { duplicateGroups, mergeLeads } from '../pipeline/merge';
import { lead as leadSchema, type Lead } from '../pipeline/model';
import type { Db, StoredLead } from './schema';
import { plainLead } from './stored';
import { NotFoundError, write } from './tx';
import { CodedError } from '../messaging/errors';
import { recomputeLead } from './touchpoints';

export class MergeRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Likely duplicates: same name (case and accents folded) and the same or a missing company. */
  async duplicates(): Promise<Lead[][]> {
    // A key-only walk of the folded-name index finds runs of equal names; only those leads are read.
    const index = this.db.transaction('leads').store.index('sort.name');
    const candidates: string[] = [];
    let run: string[] = [];
    let runKey: IDBValidKey | null = null;
    let cursor = await index.openKeyCursor();
    while (cursor) {
      if (cursor.key !== runKey) {
        if (run.length > 1) candidates.push(...run);
        run = [];
        runKey = cursor.key;
      }
      run.push(cursor.primaryKey);
      cursor = await cursor.continue();
    }
    if (run.length > 1) candidates.push(...run);
    const store = this.db.transaction('leads').store;
    const leads = (await Promise.all(candidates.map((id) => store.get(id)))).filter((l): l is StoredLead => !!l).map(plainLead);
    return duplicateGroups(leads);
  }

  /** `keepId` absorbs `otherId`: fuller fields, every touchpoint (an email logged on both is kept once), then `otherId` is gone. */
  async merge(keepId: string, otherId: string): Promise<Lead> {
    if (keepId === otherId) throw new CodedError('merge_self', 'A lead cannot be merged with itself.');
    return write(this.db, this.now(), async (w) => {
      const keep = await w.leads.get(keepId);
      const other = await w.leads.get(otherId);
      if (!keep || !other) throw new NotFoundError('merge_gone', 'One of the two leads no longer exists.');
      const logged = new Set((await w.touchpointsOf(keepId)).map((t) => t.externalId).filter(Boolean));
      for (const tp of await w.touchpointsOf(otherId)) {
        if (tp.externalId && logged.has(tp.externalId)) await w.deleteTouchpoint(tp);
        else await w.putTouchpoint(tp, { ...tp, leadId: keepId });
      }
      // The other record goes first: its LinkedIn URL and emails are unique keys the merged lead takes.
      await w.deleteLead(other);
      const merged = leadSchema.parse(mergeLeads(plainLead(keep), plainLead(other), w.settings.stages));
      return recomputeLead(w, keep, merged);
    });
  }
}
