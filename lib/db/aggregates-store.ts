/** The popup's aggregates: kept current by every write, rebuilt from the stores when missing or old. */
import type { Aggregates } from '../pipeline/aggregates';
import type { Db } from './schema';
import { rebuildAggregates } from './aggregates-rebuild';
import { liveAggregates } from './tx';

export class AggregatesStore {
  constructor(private readonly db: Db) {}

  /** The current aggregates; the repair path rebuilds them when missing or kept by an older version. */
  async get(): Promise<Aggregates> {
    return liveAggregates(await this.db.get('meta', 'aggregates')) ?? this.rebuild();
  }

  /** Rebuilds them from the leads in short transactions (`aggregates-rebuild.ts`). */
  async rebuild(): Promise<Aggregates> {
    return rebuildAggregates(this.db);
  }
}
