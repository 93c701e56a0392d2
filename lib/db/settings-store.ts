/** The settings record: read through the upgrade cascade, saved with the stage ranks they imply. */
import { rebuildWithInsights } from '../pipeline/aggregates';
import { LATER, LOST } from '../pipeline/constants';
import { readStoredSettings, settings as settingsSchema, type Settings, type SettingsReading } from '../settings/settings';
import { putAllAggregates } from './insights-records';
import type { Db } from './schema';
import { toStored } from './stored';
import { commit, type WriteTx } from './tx';
import { CodedError } from '../messaging/errors';

export class SettingsStore {
  constructor(private readonly db: Db) {}

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
   * Saves the settings. Refused while a stage to be removed still holds leads. An unreadable
   * record being replaced is kept aside (`settings.unreadable`), never dropped.
   */
  async save(next: Settings): Promise<Settings> {
    const parsed = settingsSchema.parse(next);
    const tx = this.db.transaction(['leads', 'touchpoints', 'meta'], 'readwrite') as unknown as WriteTx;
    return commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const old = await meta.get('settings');
      if (old && !readStoredSettings(old).ok) await meta.put({ ...old, key: 'settings.unreadable' });
      const leads = await tx.objectStore('leads').getAll();
      const used = new Set(leads.flatMap((l) => [l.stage, l.lost?.from, l.later?.from]));
      const missing = [...used].filter((id) => id && id !== LOST && id !== LATER && !parsed.stages.some((s) => s.id === id));
      if (missing.length > 0)
        throw new CodedError('stage_has_leads', `Stage "${missing[0]}" still has leads: move them before deleting the stage.`, { stage: missing[0]! });
      await meta.put({ key: 'settings', ...parsed });
      await putAllAggregates(meta, rebuildWithInsights(leads, parsed.stages));
      // Stage order is a sort key: re-derive it for leads whose rank moved.
      for (const lead of leads) {
        const stored = toStored(lead, parsed.stages);
        if (stored.sort.stageRank !== lead.sort?.stageRank) await tx.objectStore('leads').put(stored);
      }
      return parsed;
    });
  }
}
