/** The Settings view's draft: stages, thresholds, own addresses, auto-log, currency; saved at once. */
import { signal, type Signal } from '@preact/signals';
import { DEFAULT_STAGE_IDS, LATER, LOST } from '../pipeline/constants';
import type { StageDef } from '../pipeline/model';
import type { Settings } from '../settings/settings';
import { runBusy } from './run-busy';
import type { Send } from './send';
import type { Text } from '../i18n/i18n';

/** Splits a typed list of addresses or words on commas, semicolons and spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** A stage id from its name, unique among `taken` and never a reserved id. */
export function stageSlug(name: string, taken: string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'stage';
  let id = base;
  for (let n = 2; taken.includes(id) || id === LOST || id === LATER; n++) id = `${base}-${n}`;
  return id;
}

export class SettingsModel {
  readonly draft: Signal<Settings>;
  /** The own-addresses field as typed. */
  readonly emails: Signal<string>;
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);
  readonly saved = signal(false);

  private base: Settings;

  constructor(
    private readonly send: Send,
    current: Settings,
  ) {
    this.base = current;
    this.draft = signal(structuredClone(current));
    this.emails = signal(current.ownEmails.join(', '));
  }

  /** True while the draft holds edits not yet saved. */
  get dirty(): boolean {
    return JSON.stringify({ ...this.draft.value, ownEmails: splitList(this.emails.value) }) !== JSON.stringify(this.base);
  }

  /** Stored settings changed (a save, another tab): a draft without edits follows them; edits are kept. */
  stored(current: Settings): void {
    if (JSON.stringify(current) === JSON.stringify(this.base)) return;
    const follow = !this.dirty;
    this.base = current;
    if (follow) {
      this.draft.value = structuredClone(current);
      this.emails.value = current.ownEmails.join(', ');
    }
  }

  set(change: Partial<Settings>): void {
    this.draft.value = { ...this.draft.value, ...change };
  }

  setThreshold(key: keyof Settings['thresholds'], value: number): void {
    this.set({ thresholds: { ...this.draft.value.thresholds, [key]: value } });
  }

  setStage(i: number, change: Partial<StageDef>): void {
    this.set({ stages: this.draft.value.stages.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  }

  /**
   * Names a stage as typed. A default stage named exactly as the UI names it stays unnamed (null),
   * so it keeps following the UI's language.
   */
  renameStage(i: number, text: string, defaultName: string): void {
    const s = this.draft.value.stages[i];
    const isDefault = s !== undefined && DEFAULT_STAGE_IDS.includes(s.id);
    this.setStage(i, { name: isDefault && text.trim() === defaultName ? null : text });
  }

  moveStage(i: number, by: -1 | 1): void {
    const stages = [...this.draft.value.stages];
    const [s] = stages.splice(i, 1);
    stages.splice(i + by, 0, s!);
    this.set({ stages });
  }

  deleteStage(i: number): void {
    this.set({ stages: this.draft.value.stages.filter((_, j) => j !== i) });
  }

  /** A new stage just before the won stage (the last one). */
  addStage(name: string): void {
    const stages = [...this.draft.value.stages];
    stages.splice(stages.length - 1, 0, {
      id: stageSlug(
        name,
        stages.map((s) => s.id),
      ),
      name,
      probability: 0.5,
      rottingDays: 14,
    });
    this.set({ stages });
  }

  /** Saves the draft; returns the stored settings, or null with `error` set. */
  async save(): Promise<Settings | null> {
    this.saved.value = false;
    let stored: Settings | null = null;
    await runBusy(this.busy, this.error, async () => {
      stored = await this.send('settings.save', { ...this.draft.value, ownEmails: splitList(this.emails.value) });
      this.base = stored!;
      this.draft.value = structuredClone(stored!);
      this.emails.value = stored!.ownEmails.join(', ');
      this.saved.value = true;
    });
    return stored;
  }
}
