/** The popup's state: the summary the background keeps, the period, quick search, due follow-ups. */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { LeadSummary, Summary } from '../messaging/protocol';
import type { Period } from '../pipeline/aggregates';
import { localDay } from '../pipeline/time';
import { snoozedDay } from '../pipeline/next-step';
import type { Send } from './send';
import type { SyncView } from '../messaging/protocol';
import type { Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

/** The pipeline page, optionally at a filter or a lead (`temperature=hot`, `lead=<id>`). */
export function pipelineUrl(hash = ''): string {
  return browser.runtime.getURL(`/pipeline.html${hash ? `#${hash}` : ''}`);
}

export class PopupModel {
  readonly summary = signal<Summary | null>(null);
  /** null until loaded: the funnel is drawn first, the due list fills in after. */
  readonly due = signal<LeadSummary[] | null>(null);
  readonly error = signal<Text | null>(null);
  readonly period = signal<Period>('all');
  readonly query = signal('');
  readonly results = signal<LeadSummary[] | null>(null);
  private searchSeq = 0;

  /** Team sync's state, for the small mark in the header (null: not known or not set up). */
  readonly sync = signal<SyncView | null>(null);

  constructor(private readonly send: Send) {}

  async load(): Promise<void> {
    // Not awaited with the rest: the funnel does not wait for it, and a failure only hides the mark.
    void this.send('sync.get', {}).then(
      (view) => (this.sync.value = view ?? null),
      () => (this.sync.value = null),
    );
    try {
      const due = this.send('leads.due', { today: localDay(new Date()) });
      // Asked first, awaited second: if the summary fails, this one's failure must not go unhandled.
      due.catch(() => {});
      this.summary.value = await this.send('summary.get', {});
      this.due.value = await due;
      this.error.value = null;
    } catch (error) {
      this.error.value = problemText(error);
    }
  }

  /** A due follow-up is done: the lead has no next one (set it on the lead when there is). */
  done(lead: LeadSummary): Promise<void> {
    return this.moveFollowUp(lead, null);
  }

  /** A due follow-up moves `days` days on from today. */
  snooze(lead: LeadSummary, days: number, today = localDay(new Date())): Promise<void> {
    return this.moveFollowUp(lead, snoozedDay(today, days));
  }

  private async moveFollowUp(lead: LeadSummary, day: string | null): Promise<void> {
    try {
      // Against the day shown: a follow-up changed elsewhere meanwhile is not overwritten.
      const { conflicts } = await this.send('lead.update', { id: lead.id, patch: { nextFollowUpOn: day }, base: { nextFollowUpOn: lead.nextFollowUpOn } });
      if (conflicts.length === 0) this.due.value = this.due.value?.filter((l) => l.id !== lead.id) ?? null;
      await this.load();
    } catch (error) {
      this.error.value = problemText(error);
    }
  }

  /** Answers as the user types; an answer to an older query is dropped. */
  async search(query: string): Promise<void> {
    this.query.value = query;
    const seq = ++this.searchSeq;
    if (query.trim() === '') {
      this.results.value = null;
      return;
    }
    try {
      const results = await this.send('leads.search', { query });
      if (seq === this.searchSeq) this.results.value = results;
    } catch (error) {
      if (seq === this.searchSeq) this.error.value = problemText(error);
    }
  }

  /** Opens a lead where the rep works with it: LinkedIn, its Gmail thread, or the pipeline page. */
  open(lead: LeadSummary): void {
    void this.openUrl(lead.openUrl ?? pipelineUrl(`lead=${lead.id}`));
  }

  async openUrl(url: string): Promise<void> {
    await browser.tabs.create({ url });
    window.close();
  }
}
