/**
 * State and actions of one lead card (sidebar or page): the lead, its recent touchpoints, edits.
 * Actions run one after another in the order the user made them: none is dropped because another
 * is still saving, and each ends with its result or its error.
 */
import { computed, signal } from '@preact/signals';
import type { FieldConflict, Issue, LeadPatch, LeadView, Payload } from '../messaging/protocol';
import { LATER, LOST } from '../pipeline/constants';
import type { Channel, Direction, Touchpoint } from '../pipeline/model';
import { localDay } from '../pipeline/time';
import { snoozedDay, suggestStage, type StageSuggestion } from '../pipeline/next-step';
import type { Settings } from '../settings/settings';
import type { StageMove } from '../pipeline/stages';
import type { QuickLog } from './quick-logs';
import { LeadEditModel } from './lead-edit-model';
import type { EditableField } from './lead-fields';
import type { Send } from './send';
import { t, type Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

export type FieldsReply = { ok: true; conflicts: FieldConflict[] } | { ok: false; issues: Issue[] };

export class LeadCardModel {
  readonly view;
  /** Actions waiting or running. */
  readonly pending = signal(0);
  readonly busy = computed(() => this.pending.value > 0);
  readonly error = signal<Text | null>(null);
  /** What the last action did, in words ("Logged: Call"). */
  readonly notice = signal<Text | null>(null);
  /** Whether the last `log` stored a new touchpoint (false: that external id was logged before). */
  lastLogCreated = false;
  /** The quick log's optional summary, as typed. */
  readonly summary = signal('');
  /** A move to Lost or Later waiting for its reason or date. */
  readonly stagePick = signal<typeof LOST | typeof LATER | null>(null);
  readonly lostReason = signal('');
  readonly reengageOn = signal('');
  /** The touchpoint being edited on the timeline, as a draft. */
  readonly touchpointDraft = signal<TouchpointDraft | null>(null);
  /**
   * After a touchpoint: the stage it implies (one click, never applied on its own) and whether a
   * follow-up was due (done, or the next one), until acted on or dismissed.
   */
  readonly nextStep = signal<NextStep | null>(null);
  private queue: Promise<unknown> = Promise.resolve();

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

  private editors = new Map<string, LeadEditModel>();

  /** The draft editor of these fields (one per field set, kept while the card lives). */
  editor(fields: readonly EditableField[]): LeadEditModel {
    const key = fields.join();
    let editor = this.editors.get(key);
    if (!editor) this.editors.set(key, (editor = new LeadEditModel(this, fields)));
    return editor;
  }

  get id(): string {
    return this.view.value.lead.id;
  }

  /** Queues an action; resolves true when it succeeded, false with `error` set. */
  private enqueue<T>(action: () => Promise<T>, onError?: (error: unknown) => void): Promise<T | undefined> {
    this.pending.value++;
    const run = this.queue.then(async () => {
      try {
        const result = await action();
        this.error.value = null;
        return result;
      } catch (error) {
        if (onError) onError(error);
        else this.error.value = problemText(error);
        return undefined;
      } finally {
        this.pending.value--;
      }
    });
    this.queue = run;
    return run;
  }

  private async show(view: LeadView): Promise<void> {
    this.setView(this.full ? await this.send('lead.timeline', { id: view.lead.id }) : view);
  }

  /** The lead as stored now (a reply, or a refresh after a change elsewhere); drafts stay drafts. */
  setView(view: LeadView): void {
    this.view.value = view;
    for (const editor of this.editors.values()) editor.sync(view.lead);
  }

  private async run(action: () => Promise<LeadView>, notice?: Text): Promise<boolean> {
    const done = await this.enqueue(async () => {
      await this.show(await action());
      if (notice) this.notice.value = notice;
      return true;
    });
    return done === true;
  }

  async reload(): Promise<void> {
    await this.run(() => this.send('lead.get', { id: this.id }));
  }

  /** Opens this lead on the pipeline page in a new tab (the background opens it). */
  async openInPipeline(): Promise<void> {
    await this.enqueue(() => this.send('pipeline.open', { leadId: this.id }));
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

  /** The stage picker chose `to`: funnel stages move at once, Lost and Later ask first. */
  pickStage(to: string): void {
    if (to === LOST || to === LATER) {
      this.stagePick.value = to;
      this.lostReason.value = '';
      this.reengageOn.value = localDay(new Date(Date.now() + 30 * 86_400_000));
      return;
    }
    this.stagePick.value = null;
    void this.move({ to });
  }

  confirmStagePick(): void {
    const to = this.stagePick.value;
    if (!to) return;
    this.stagePick.value = null;
    void this.move(to === LOST ? { to: LOST, reason: this.lostReason.value.trim() } : { to: LATER, reengageOn: this.reengageOn.value });
  }

  /** Starts editing a touchpoint on the timeline. */
  editTouchpoint(tp: Touchpoint | null): void {
    this.touchpointDraft.value = tp && { id: tp.id, channel: tp.channel, direction: tp.direction, at: localInput(tp.at), summary: tp.summary, error: null };
  }

  changeTouchpoint(change: Partial<Omit<TouchpointDraft, 'id' | 'error'>>): void {
    const draft = this.touchpointDraft.value;
    if (draft) this.touchpointDraft.value = { ...draft, ...change, error: null };
  }

  async saveTouchpoint(): Promise<void> {
    const draft = this.touchpointDraft.value;
    if (!draft) return;
    const date = new Date(draft.at);
    if (Number.isNaN(date.getTime())) {
      this.touchpointDraft.value = { ...draft, error: () => t('timeline_needs_date') };
      return;
    }
    if (await this.updateTouchpoint(draft.id, { channel: draft.channel, direction: draft.direction, at: date.toISOString(), summary: draft.summary }))
      this.touchpointDraft.value = null;
  }

  /** Saves a patch as it is (one control's change: BANT, temperature override). */
  update(patch: LeadPatch): Promise<boolean> {
    return this.run(() => this.send('lead.update', { id: this.id, patch }));
  }

  /** Saves edited fields against the values the edit started from; conflicts and refused fields come back. */
  async updateFields(patch: LeadPatch, base: Record<string, unknown>): Promise<FieldsReply> {
    let issues: Issue[] = [];
    const reply = await this.enqueue(
      async () => {
        const { conflicts, ...view } = await this.send('lead.update', { id: this.id, patch, base });
        await this.show(view);
        return conflicts;
      },
      (error) => {
        issues = (error as { issues?: Issue[] }).issues ?? [];
        // A refusal tied to fields is shown beside them; anything else is the card's error.
        if (!issues.some((i) => i.path[0] === 'patch')) this.error.value = problemText(error);
      },
    );
    return reply ? { ok: true, conflicts: reply } : { ok: false, issues };
  }

  /** The quick log buttons: logs with the typed summary, which is then cleared. */
  async quickLog(kind: QuickLog): Promise<boolean> {
    const summary = this.summary.value;
    this.summary.value = '';
    const ok = await this.log(kind, summary);
    if (!ok && this.summary.value === '') this.summary.value = summary; // typed text is never lost
    if (ok) this.offerNextStep(kind);
    return ok;
  }

  /** What to do next after logging `touch`: a stage it implies, a follow-up that was due. */
  offerNextStep(touch: Pick<QuickLog, 'channel' | 'direction'>, today = localDay(new Date())): void {
    const { lead } = this.view.value;
    const suggestion = suggestStage(lead, touch, this.settings.stages);
    const dueOn = lead.nextFollowUpOn && lead.nextFollowUpOn <= today ? lead.nextFollowUpOn : null;
    this.nextStep.value = suggestion || dueOn ? { suggestion, dueOn } : null;
  }

  async acceptSuggestion(): Promise<void> {
    const to = this.nextStep.value?.suggestion?.to;
    if (!to) return;
    this.nextStep.value = { ...this.nextStep.value!, suggestion: null };
    await this.move({ to });
    this.settleNextStep();
  }

  dismissSuggestion(): void {
    if (!this.nextStep.value) return;
    this.nextStep.value = { ...this.nextStep.value, suggestion: null };
    this.settleNextStep();
  }

  /** The follow-up is done (no next one), or moves to `day` (YYYY-MM-DD). */
  async setFollowUp(day: string | null): Promise<boolean> {
    const before = this.view.value.lead.nextFollowUpOn;
    const reply = await this.updateFields({ nextFollowUpOn: day }, { nextFollowUpOn: before });
    if (reply.ok && this.nextStep.value) {
      this.nextStep.value = { ...this.nextStep.value, dueOn: null };
      this.settleNextStep();
    }
    return reply.ok;
  }

  /** The follow-up moves `days` days on from today. */
  snoozeFollowUp(days: number, today = localDay(new Date())): Promise<boolean> {
    return this.setFollowUp(snoozedDay(today, days));
  }

  private settleNextStep() {
    const step = this.nextStep.value;
    if (step && !step.suggestion && !step.dueOn) this.nextStep.value = null;
  }

  log(kind: QuickLog, summary: string, extra: Partial<Payload<'touchpoint.log'>> = {}): Promise<boolean> {
    return this.run(
      async () => {
        const reply = await this.send('touchpoint.log', {
          leadId: this.id,
          channel: kind.channel,
          direction: kind.direction,
          // Nothing typed: nothing stored (the UI names the channel in its language).
          summary: summary.trim(),
          url: this.pageUrl,
          ...extra,
        });
        this.lastLogCreated = reply.created;
        return reply.lead;
      },
      () => t('card_logged', { what: t(kind.label) }),
    );
  }
}

export interface NextStep {
  suggestion: StageSuggestion | null;
  /** The follow-up day that was due (today or earlier) when the touchpoint was logged. */
  dueOn: string | null;
}

export interface TouchpointDraft {
  id: string;
  channel: Channel;
  direction: Direction;
  /** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input holds it. */
  at: string;
  summary: string;
  error: Text | null;
}

/** An instant as `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
