/** State and actions of one lead card (sidebar or page): the lead, its recent touchpoints, edits. */
import { signal } from '@preact/signals';
import type { LeadView, Payload } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { StageMove } from '../pipeline/stages';
import type { LeadPatch } from '../messaging/protocol';
import type { QuickLog } from './quick-logs';
import type { Send } from './send';
import { runBusy } from './run-busy';

export class LeadCardModel {
  readonly view;
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  /** Whether the last `log` stored a new touchpoint (false: that external id was logged before). */
  lastLogCreated = false;

  constructor(
    private readonly send: Send,
    view: LeadView,
    readonly settings: Settings,
    /** Where a logged touchpoint links back to (the profile or the thread). */
    private readonly pageUrl: string | null = null,
    /** Keep every touchpoint (the pipeline page's timeline), not only the recent ones. */
    readonly full = false,
  ) {
    this.view = signal(view);
  }

  get id(): string {
    return this.view.value.lead.id;
  }

  private run(action: () => Promise<LeadView>): Promise<boolean> {
    return runBusy(this.busy, this.error, async () => {
      const view = await action();
      this.view.value = this.full ? await this.send('lead.timeline', { id: view.lead.id }) : view;
    });
  }

  async reload(): Promise<void> {
    await this.run(() => this.send('lead.get', { id: this.id }));
  }

  /** Opens this lead on the pipeline page in a new tab (the background opens it). */
  async openInPipeline(): Promise<void> {
    await runBusy(this.busy, this.error, async () => {
      await this.send('pipeline.open', { leadId: this.id });
    });
  }

  updateTouchpoint(id: string, patch: Payload<'touchpoint.update'>['patch']): Promise<boolean> {
    return this.run(() => this.send('touchpoint.update', { id, patch }));
  }

  deleteTouchpoint(id: string): Promise<boolean> {
    return this.run(() => this.send('touchpoint.delete', { id }));
  }

  move(move: StageMove): Promise<boolean> {
    return this.run(() => this.send('lead.move', { id: this.id, move }));
  }

  update(patch: LeadPatch): Promise<boolean> {
    return this.run(() => this.send('lead.update', { id: this.id, patch } as Payload<'lead.update'>));
  }

  log(kind: QuickLog, summary: string, extra: Partial<Payload<'touchpoint.log'>> = {}): Promise<boolean> {
    return this.run(async () => {
      const reply = await this.send('touchpoint.log', {
        leadId: this.id,
        channel: kind.channel,
        direction: kind.direction,
        summary: summary.trim() || kind.label,
        url: this.pageUrl,
        ...extra,
      });
      this.lastLogCreated = reply.created;
      return reply.lead;
    });
  }
}
