/** The popup's aggregates: kept current by every write, rebuilt from the stores when missing or old. */
import { rebuild, type Aggregates } from '../pipeline/aggregates';
import { readSettings } from '../settings/settings';
import type { Db } from './schema';
import { commit, liveAggregates, type WriteTx } from './tx';

export class AggregatesStore {
  constructor(private readonly db: Db) {}

  /** The current aggregates; the repair path rebuilds them when missing or kept by an older version. */
  async get(): Promise<Aggregates> {
    return liveAggregates(await this.db.get('meta', 'aggregates')) ?? this.rebuild();
  }

  async rebuild(): Promise<Aggregates> {
    const tx = this.db.transaction(['leads', 'meta'], 'readwrite') as unknown as WriteTx;
    return commit(tx, async () => {
      const settings = readSettings(await tx.objectStore('meta').get('settings'));
      const agg = rebuild(await tx.objectStore('leads').getAll(), settings.stages);
      await tx.objectStore('meta').put(agg);
      return agg;
    });
  }
}
