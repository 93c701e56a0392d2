/**
 * JSON backup and restore on the pipeline page. The page works on the extension's database itself
 * (a backup of 100,000 leads is far beyond what one runtime message carries, and a restore must be
 * one all-or-nothing transaction); the entrypoint hands in that service, so this model never
 * imports storage.
 */
import { signal } from '@preact/signals';
import { runBusy } from './run-busy';
import type { Send } from './send';
import { t, tn, type Text } from '../i18n/i18n';

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
  readonly error = signal<Text | null>(null);
  readonly done = signal<Text | null>(null);

  constructor(
    private readonly send: Send,
    private readonly service: BackupService,
    private readonly save: SaveFile,
  ) {}

  backup(today: string): Promise<boolean> {
    return runBusy(this.busy, this.error, async () => {
      const { parts, leads, touchpoints } = await this.service.exportBackup();
      this.save(`leadline-backup-${today}.json`, parts, 'application/json');
      this.done.value = () => t('backup_saved', { leads: tn('leads', leads), touchpoints: tn('touchpoints', touchpoints) });
    });
  }

  /** Restores `file` after `confirm` agrees to replace everything; a bad file changes nothing. */
  restore(file: File, confirm: (message: string) => boolean): Promise<boolean> {
    return runBusy(this.busy, this.error, async () => {
      this.done.value = null;
      const parsed = this.service.parse(await file.text());
      if (!confirm(t('backup_confirm_restore', { leads: tn('leads', parsed.leads.length), file: file.name }))) return;
      await this.service.restore(parsed);
      await this.send('data.replaced', {});
      this.done.value = () =>
        t('backup_restored', { leads: tn('leads', parsed.leads.length), touchpoints: tn('touchpoints', parsed.touchpoints.length), file: file.name });
    });
  }
}
