/**
 * The kept aggregates: the popup's record and the Insights view's records (insights-records.ts),
 * kept current by every write, rebuilt together from the stores when either is missing or old.
 */
import { rebuildWithInsights, type Aggregates } from '../pipeline/aggregates';
import { insights, periodMonths, trackedTags, type InsightsOptions } from '../pipeline/insights';
import type { InsightsReply } from '../messaging/protocol';
import { readSettings } from '../settings/settings';
import { INSIGHTS_HEAD, liveInsightsHead, putAllAggregates, readInsights } from './insights-records';
import type { Db } from './schema';
import { commit, liveAggregates, type WriteTx } from './tx';

export class AggregatesStore {
  constructor(private readonly db: Db) {}

  /** The popup's aggregates (without the insight slices); the repair path rebuilds them when missing or kept by an older version. */
  async get(): Promise<Aggregates> {
    return liveAggregates(await this.db.get('meta', 'aggregates')) ?? this.rebuild();
  }

  /** The Insights view's figures, from the kept records (rebuilt first when missing, old, or kept for other stages). */
  async insights(options: InsightsOptions): Promise<InsightsReply> {
    const months = periodMonths(options.period, options.today);
    for (let attempt = 0; ; attempt++) {
      const tx = this.db.transaction('meta');
      const meta = tx.objectStore('meta');
      const [settingsRecord, aggRecord, headRecord] = await Promise.all([meta.get('settings'), meta.get('aggregates'), meta.get(INSIGHTS_HEAD)]);
      const aggregates = liveAggregates(aggRecord);
      const head = liveInsightsHead(headRecord);
      if (aggregates && head) {
        // A tag filter reads the all-time tag slices only; otherwise the period's months.
        const kept = await readInsights(meta, head, months, !options.tag);
        await tx.done;
        const stages = readSettings(settingsRecord).stages;
        const result = insights({ insights: kept, lastActivity: aggregates.lastActivity }, stages, options);
        if (result.status !== 'stages-changed' || attempt > 0) return { insights: result, tags: trackedTags({ insights: kept }) };
      } else {
        await tx.done;
      }
      await this.rebuild();
    }
  }

  /** Rebuilds the popup's aggregates and the insight records from the leads, in one transaction. */
  async rebuild(): Promise<Aggregates> {
    const tx = this.db.transaction(['leads', 'meta'], 'readwrite') as unknown as WriteTx;
    return commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const settings = readSettings(await meta.get('settings'));
      const all = rebuildWithInsights(await tx.objectStore('leads').getAll(), settings.stages);
      await putAllAggregates(meta, all);
      const { insights: _slices, ...aggregates } = all;
      return aggregates;
    });
  }
}
