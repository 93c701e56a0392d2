/**
 * JSON backup and restore on the pipeline page. The page works on the extension's database itself
 * (a backup of 100,000 leads is far beyond what one runtime message carries, and a restore must be
 * one all-or-nothing transaction); the entrypoint hands in that service, so this model never
 * imports storage.
 */
import { signal } from '@preact/signals';
import { runBusy } from './run-busy';
import type { Send } from './send';

export interface BackupService {
  /** A consistent snapshot as JSON text parts. */
  exportBackup(): Promise<{ parts: string[]; leads: number; touchpoints: number }>;
  /** Parses and checks a whole file; throws a readable error. */
  parse(text: string): { leads: unknown[]; touchpoints: unknown[] };
  /** Replaces every store by the parsed backup, in one transaction. */
  restore(parsed: { leads: unknown[]; touchpoints: unknown[] }): Promise<void>;
}

export type SaveFile = (filename: string, parts: BlobPart[], type: string) => void;

export class BackupModel {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly done = signal<string | null>(null);

  constructor(
    private readonly send: Send,
    private readonly service: BackupService,
    private readonly save: SaveFile,
  ) {}

  backup(today: string): Promise<boolean> {
    return runBusy(this.busy, this.error, async () => {
      const { parts, leads, touchpoints } = await this.service.exportBackup();
      this.save(`leadline-backup-${today}.json`, parts, 'application/json');
      this.done.value = `Backup of ${leads} leads and ${touchpoints} touchpoints saved.`;
    });
  }

  /** Restores `file` after `confirm` agrees to replace everything; a bad file changes nothing. */
  restore(file: File, confirm: (message: string) => boolean): Promise<boolean> {
    return runBusy(this.busy, this.error, async () => {
      this.done.value = null;
      const parsed = this.service.parse(await file.text());
      if (!confirm(`Replace your whole pipeline with the ${parsed.leads.length} leads of ${file.name}?`)) return;
      await this.service.restore(parsed);
      await this.send('data.replaced', {});
      this.done.value = `Restored ${parsed.leads.length} leads and ${parsed.touchpoints.length} touchpoints from ${file.name}.`;
    });
  }
}
