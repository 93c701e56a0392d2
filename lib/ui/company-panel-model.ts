/**
 * A LinkedIn company page in the sidebar: the company as read, its people already in the
 * pipeline, and "Save company", which stores what the page shows as the company record.
 */
import { signal } from '@preact/signals';
import type { CompanyExtraction } from '../sites/linkedin/company';
import type { CompanyView } from '../messaging/protocol';
import type { Send } from './send';
import type { StageDef } from '../pipeline/model';
import { runBusy } from './run-busy';

export class CompanyPanelModel {
  readonly extraction = signal<CompanyExtraction | null>(null);
  /** The stored company this page names, with its people (null: none stored yet). */
  readonly view = signal<CompanyView | null>(null);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  /** Set once "Save company" stored this page's fields. */
  readonly saved = signal(false);
  /** The funnel's stages, to name the people's stages. */
  readonly stages = signal<StageDef[]>([]);
  private generation = 0;

  constructor(private readonly send: Send) {}

  async show(extraction: CompanyExtraction): Promise<void> {
    const before = this.extraction.value?.found.linkedinUrl;
    this.extraction.value = extraction;
    if (before !== extraction.found.linkedinUrl) this.saved.value = false;
    await this.lookup();
  }

  clear(): void {
    this.generation++;
    this.extraction.value = null;
    this.view.value = null;
    this.saved.value = false;
  }

  async lookup(): Promise<void> {
    const found = this.extraction.value?.found;
    if (!found || (!found.linkedinUrl && !found.name)) return;
    const generation = ++this.generation;
    this.loading.value = true;
    try {
      const [{ company }, settings] = await Promise.all([
        this.send('company.lookup', { linkedinUrl: found.linkedinUrl, domain: found.domain, name: found.name }),
        this.send('settings.get', {}),
      ]);
      if (generation !== this.generation) return;
      this.stages.value = settings.stages;
      this.view.value = company;
      this.error.value = null;
    } catch (error) {
      if (generation === this.generation) this.error.value = (error as Error).message;
    } finally {
      if (generation === this.generation) this.loading.value = false;
    }
  }

  /** True when the page shows a name to save the company under. */
  get canSave(): boolean {
    return !!this.extraction.value?.found.name;
  }

  async save(): Promise<void> {
    const found = this.extraction.value?.found;
    if (!found?.name) return;
    await runBusy(this.busy, this.error, async () => {
      const view = await this.send('company.save', {
        name: found.name!,
        linkedinUrl: found.linkedinUrl ?? null,
        domain: found.domain ?? null,
        website: found.website ?? null,
        industry: found.industry ?? null,
        headquarters: found.headquarters ?? null,
        size: found.size ?? null,
      });
      this.generation++;
      this.loading.value = false;
      this.view.value = view;
      this.saved.value = true;
    });
  }

  async onChanged(): Promise<void> {
    if (this.extraction.value && !this.busy.value) await this.lookup();
  }
}
