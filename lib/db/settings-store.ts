/**
 * The settings record: read through the upgrade cascade, saved with what they imply for stored
 * leads. Reordering stages rewrites nothing (the table's stage sort follows the settings, and the
 * aggregates count by stage id). Adding or removing a stage, or a new won stage, rebuilds the
 * aggregates and the insight records (their slices keep per-stage figures in stage order; after a
 * reorder alone the Insights view finds them kept for other stages and rebuilds them when next
 * opened); a change of the
 * temperature thresholds, or of the won stage, recomputes temperatures. Both are bulk jobs in short
 * transactions; the recomputation keeps its place in a meta record, so a stopped worker resumes it.
 */
import type { Lead } from '../pipeline/model';
import { nextRecheck } from '../pipeline/recheck';
import { isClosedOrParked, wonStageId } from '../pipeline/stages';
import { engagementOf, withTemperature } from '../pipeline/temperature';
import { readStoredSettings, settings as settingsSchema, type Settings, type SettingsReading } from '../settings/settings';
import { rebuildAggregates, restartRebuild } from './aggregates-rebuild';
import { BASE, HEAD } from './aggregates-journal';
import { inChunks, type ChunkOptions, type JobStats } from './jobs';
import type { Db, StoredLead } from './schema';
import { toStored } from './stored';
import { commit, write, type WriteTx } from './tx';
import { INSIGHTS_HEAD } from './insights-records';
import { CodedError } from '../messaging/errors';

/** The meta record of the temperatures' recomputation after a settings change. */
export const REDERIVE_RECORD = 'job.rederive';

export type RederiveRecord = {
  key: typeof REDERIVE_RECORD;
  /** Leads up to this primary key are done (null: none yet). */
  after: string | null;
  /** Recompute temperatures (thresholds or the won stage changed). */
  temperatures: boolean;
  startedAt: string;
  /** Set when the walk ended, with what it did. */
  finished?: JobStats & { at: string };
};

export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly chunks: ChunkOptions = {},
  ) {}

  /** The settings to work with (the defaults while an unreadable record is kept for the user). */
  async get(): Promise<Settings> {
    const reading = await this.read();
    return reading.ok ? reading.settings : reading.defaults;
  }

  /** The stored record's reading: upgraded, or why it cannot be read. */
  async read(): Promise<SettingsReading> {
    return readStoredSettings(await this.db.get('meta', 'settings'));
  }

  /**
   * Saves the settings. Refused while a stage to be removed still holds leads (in it, or lost or
   * parked from it). An unreadable record being replaced is kept aside (`settings.unreadable`),
   * never dropped. Resolves once the stored leads and the aggregates agree with the new settings.
   */
  async save(next: Settings): Promise<Settings> {
    const parsed = settingsSchema.parse(next);
    const tx = this.db.transaction(['leads', 'meta'], 'readwrite') as unknown as WriteTx;
    const change = await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const old = await meta.get('settings');
      const reading = readStoredSettings(old);
      const before = reading.ok ? reading.settings : reading.defaults;
      if (old && !reading.ok) await meta.put({ ...old, key: 'settings.unreadable' });
      const removed = before.stages.filter((s) => !parsed.stages.some((p) => p.id === s.id));
      // The funnel-stage index holds each lead under its stage, or the one it left for Lost or Later.
      for (const stage of removed) {
        if ((await tx.objectStore('leads').index('byFunnel').count(stage.id)) > 0) {
          throw new CodedError('stage_has_leads', `Stage "${stage.id}" still has leads: move them before deleting the stage.`, { stage: stage.id });
        }
      }
      const ids = (stages: Settings['stages']) => stages.map((st) => st.id);
      const wonChanged = wonStageId(before.stages) !== wonStageId(parsed.stages);
      const setChanged = ids(before.stages).sort().join() !== ids(parsed.stages).sort().join();
      const temperatures = wonChanged || JSON.stringify(before.thresholds) !== JSON.stringify(parsed.thresholds);
      await meta.put({ key: 'settings', ...parsed });
      if (temperatures) {
        const job: RederiveRecord = { key: REDERIVE_RECORD, after: null, temperatures, startedAt: this.now().toISOString() };
        await meta.put(job);
      }
      // Which leads count as open, and the per-stage Insights figures, follow the stages.
      const rebuild = wonChanged || setChanged;
      if (rebuild) await Promise.all([meta.delete(BASE), meta.delete(HEAD), meta.delete(INSIGHTS_HEAD)]);
      return { rebuild, temperatures };
    });
    if (change.rebuild) restartRebuild(this.db);
    await Promise.all([change.temperatures ? this.rederive() : undefined, change.rebuild ? rebuildAggregates(this.db, this.chunks) : undefined]);
    return parsed;
  }

  /** Runs (or resumes) a pending re-derivation of stored leads; nothing when none is pending. */
  async rederive(): Promise<JobStats | null> {
    let pending = true;
    const stats = await inChunks(async (size) => {
      const result = await write(this.db, this.now(), async (w) => {
        const meta = w.tx.objectStore('meta');
        const job = (await meta.get(REDERIVE_RECORD)) as RederiveRecord | undefined;
        if (!job || job.finished) {
          pending = false;
          return { items: 0, done: true };
        }
        const { stages } = w.settings;
        const batch: StoredLead[] = await w.leads.getAll(job.after === null ? null : IDBKeyRange.lowerBound(job.after, true), size);
        // Leads outside the funnel before and after have no temperature to recompute.
        const recompute = (lead: Lead) => job.temperatures && (lead.temperature !== null || !isClosedOrParked(lead, stages));
        const touchpoints = await Promise.all(batch.map((lead) => (recompute(lead) ? w.touchpointsOf(lead.id) : null)));
        const puts: Promise<unknown>[] = [];
        batch.forEach((lead, i) => {
          const tps = touchpoints[i];
          if (!tps) return;
          const after = withTemperature(lead, tps, w.now, w.settings);
          const recheck = nextRecheck(after, engagementOf(tps), w.settings, w.now);
          // Unchanged leads are written only when their recheck instant moved.
          if (after === lead && (recheck?.toISOString() ?? undefined) === lead.recheckAt) return;
          if (after !== lead) w.account(lead, after);
          puts.push(w.leads.put(toStored(after, stages, { recheck })));
        });
        await Promise.all(puts);
        const done = batch.length < size;
        await meta.put({ ...job, after: done ? job.after : batch.at(-1)!.id });
        return { items: batch.length, done };
      });
      return result;
    }, this.chunks);
    if (!pending) return null;
    const job = (await this.db.get('meta', REDERIVE_RECORD)) as RederiveRecord | undefined;
    if (job && !job.finished) await this.db.put('meta', { ...job, finished: { ...stats, at: this.now().toISOString() } });
    return stats;
  }
}
