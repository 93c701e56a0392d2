/** The Duplicates view: groups of likely duplicates and a merge into the record to keep. */
import { signal } from '@preact/signals';
import type { Lead } from '../pipeline/model';
import { runBusy } from './run-busy';
import type { Send } from './send';
import { t, type Text } from '../i18n/i18n';

export class DuplicatesModel {
  readonly groups = signal<Lead[][] | null>(null);
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);
  readonly done = signal<Text | null>(null);

  constructor(private readonly send: Send) {}

  load(): Promise<boolean> {
    return runBusy(this.busy, this.error, async () => {
      this.groups.value = await this.send('leads.duplicates', {});
    });
  }

  async merge(keep: Lead, other: Lead): Promise<boolean> {
    const ok = await runBusy(this.busy, this.error, async () => {
      await this.send('lead.merge', { keepId: keep.id, otherId: other.id });
      this.done.value = () => t('dup_merged', { other: other.name, keep: keep.name });
    });
    if (ok) await this.load();
    return ok;
  }
}
