/**
 * Delete with undo: deleted leads and their touchpoints move to the `trash` store in one
 * transaction, one record per delete; undo puts a batch back; batches older than 30 days are purged.
 */
import { LATER, LOST } from '../pipeline/constants';
import type { Lead, Touchpoint } from '../pipeline/model';
import type { Db } from './schema';
import { plainLead } from './stored';
import { NotFoundError, write } from './tx';
import { CodedError } from '../messaging/errors';

export class TrashRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Deletes leads with their touchpoints into the trash; returns the batch id `undelete` takes. */
  async delete(ids: string[]): Promise<{ batchId: string; count: number }> {
    return write(
      this.db,
      this.now(),
      async (w) => {
        const leads: Lead[] = [];
        const touchpoints: Touchpoint[] = [];
        for (const id of new Set(ids)) {
          const lead = await w.leads.get(id);
          if (!lead) continue;
          const tps = await w.touchpointsOf(id);
          for (const tp of tps) await w.deleteTouchpoint(tp);
          await w.deleteLead(lead);
          leads.push(plainLead(lead));
          touchpoints.push(...tps);
        }
        if (leads.length === 0) throw new NotFoundError('leads_not_found', 'None of these leads exists.');
        const batchId = crypto.randomUUID();
        await w.tx.objectStore('trash').put({ id: batchId, at: w.now.toISOString(), leads, touchpoints });
        return { batchId, count: leads.length };
      },
      ['trash'],
    );
  }

  /** Puts a deleted batch back as it was. Fails, writing nothing, if a lead's LinkedIn URL or email was taken meanwhile. */
  async undelete(batchId: string): Promise<{ count: number }> {
    return write(
      this.db,
      this.now(),
      async (w) => {
        const trash = w.tx.objectStore('trash');
        const batch = await trash.get(batchId);
        if (!batch) throw new NotFoundError('undo_gone', 'Nothing to undo: that delete is no longer in the trash.');
        const stages = w.settings.stages;
        for (const lead of batch.leads) {
          // A stage deleted meanwhile: the lead comes back at the first stage.
          const known = lead.stage === LOST || lead.stage === LATER || stages.some((s) => s.id === lead.stage);
          await w.putLead(undefined, known ? lead : { ...lead, stage: stages[0]!.id }).catch((error: Error) => {
            throw new CodedError('undo_taken', `Cannot undo: ${lead.name}'s LinkedIn URL or email now belongs to another lead (${error.name}).`, {
              name: lead.name,
            });
          });
        }
        for (const tp of batch.touchpoints) await w.putTouchpoint(undefined, tp);
        await trash.delete(batchId);
        return { count: batch.leads.length };
      },
      ['trash'],
    );
  }

  /** Drops trash batches older than `days`. */
  async purge(days = 30): Promise<number> {
    const cutoff = new Date(this.now().getTime() - days * 86_400_000).toISOString();
    const tx = this.db.transaction('trash', 'readwrite');
    let purged = 0;
    let cursor = await tx.store.index('byAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
    while (cursor) {
      await cursor.delete();
      purged++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return purged;
  }
}
