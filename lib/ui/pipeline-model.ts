/** The pipeline page's state: the filtered lead list and the selected lead. Filters live in the hash. */
import { signal } from '@preact/signals';
import type { LeadSummary } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { Temperature } from '../pipeline/model';
import { LeadCardModel } from './lead-card-model';
import type { Send } from './send';

export interface PipelineFilter {
  temperature?: Temperature;
  stage?: string;
  query?: string;
  lead?: string;
}

/** `#temperature=hot&lead=<id>` ⇄ filter. */
export function parseHash(hash: string): PipelineFilter {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const t = params.get('temperature');
  return {
    temperature: t === 'hot' || t === 'warm' || t === 'cold' ? t : undefined,
    stage: params.get('stage') || undefined,
    query: params.get('q') || undefined,
    lead: params.get('lead') || undefined,
  };
}

export function toHash(filter: PipelineFilter): string {
  const params = new URLSearchParams();
  if (filter.temperature) params.set('temperature', filter.temperature);
  if (filter.stage) params.set('stage', filter.stage);
  if (filter.query) params.set('q', filter.query);
  if (filter.lead) params.set('lead', filter.lead);
  return params.toString();
}

export class PipelineModel {
  readonly filter = signal<PipelineFilter>({});
  readonly leads = signal<LeadSummary[] | null>(null);
  readonly selected = signal<LeadCardModel | null>(null);
  readonly settings = signal<Settings | null>(null);
  readonly error = signal<string | null>(null);

  constructor(private readonly send: Send) {}

  async fromHash(hash: string): Promise<void> {
    this.filter.value = parseHash(hash);
    await this.load();
  }

  /** Changes the filter through the address, so back/forward and links work. */
  setFilter(next: PipelineFilter): void {
    location.hash = toHash(next);
  }

  async load(): Promise<void> {
    const f = this.filter.value;
    try {
      this.settings.value ??= await this.send('settings.get', {});
      this.leads.value = f.query
        ? await this.send('leads.search', { query: f.query, limit: 50 })
        : await this.send('leads.list', { temperature: f.temperature, stage: f.stage, limit: 500 });
      if (f.lead) {
        const view = await this.send('lead.get', { id: f.lead });
        const current = this.selected.value;
        if (current?.id === f.lead) current.view.value = view;
        else this.selected.value = new LeadCardModel(this.send, view, this.settings.value, null);
      } else this.selected.value = null;
      this.error.value = null;
    } catch (error) {
      this.error.value = (error as Error).message;
    }
  }
}
