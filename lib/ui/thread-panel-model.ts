/** The Gmail sidebar's state: the open thread, its participants as leads or capture drafts, logging. */
import { signal } from '@preact/signals';
import type { GmailMessage, GmailThread, Participant } from '../sites/gmail/extract';
import { guessCompany } from '../sites/gmail/company';
import type { Settings } from '../settings/settings';
import type { Lead } from '../pipeline/model';
import { LeadCardModel } from './lead-card-model';
import type { Send } from './send';
import { runBusy } from './run-busy';
import { t, tn, type Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

/** A touchpoint the card could not log; `text` is the card's error. */
class LoggingFailed extends Error {
  readonly text: Text;
  constructor(text: Text | null) {
    super('Logging failed.');
    this.text = text ?? (() => t('thread_log_failed'));
  }
}

export interface ParticipantRow {
  participant: Participant;
  /** Set when the participant is a lead. */
  card: LeadCardModel | null;
  /** Capture draft for a new person. */
  draft: { name: string; company: string };
  /** Leads that may be this person under another address (same name, same company or domain). */
  duplicates: Lead[];
}

export class ThreadPanelModel {
  readonly thread = signal<GmailThread | null>(null);
  readonly rows = signal<ParticipantRow[]>([]);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);
  /** What the last "Log email" did, in words. */
  readonly logResult = signal<Text | null>(null);
  private settings: Settings | null = null;
  private url = '';
  private pageOwnEmails: string[] = [];
  private generation = 0;

  constructor(private readonly send: Send) {}

  /** The user's own addresses: from the page and from settings. */
  ownEmails(): Set<string> {
    return new Set([...this.pageOwnEmails, ...(this.settings?.ownEmails ?? [])].map((e) => e.toLowerCase()));
  }

  async showThread(thread: GmailThread, url: string, pageOwnEmails: string[]): Promise<void> {
    const before = this.thread.value;
    const sameThread = before?.threadId === thread.threadId && this.url === url;
    // Messages unfolded in an open thread are logged like the ones shown at first (never twice).
    const grew = sameThread && thread.messages.some((m) => m.id && !before!.messages.some((b) => b.id === m.id));
    this.thread.value = thread;
    this.url = url;
    this.pageOwnEmails = pageOwnEmails;
    if (!sameThread) this.logResult.value = null;
    // Auto-log happens when a thread is opened, not on every refresh while it stays open.
    await this.lookup({ autoLog: !sameThread || grew });
  }

  clear(): void {
    this.generation += 1;
    this.thread.value = null;
    this.rows.value = [];
    this.logResult.value = null;
  }

  /** Everyone in the thread but the user, in order of appearance. */
  participants(): Participant[] {
    const own = this.ownEmails();
    const seen = new Map<string, Participant>();
    for (const m of this.thread.value?.messages ?? []) {
      for (const p of [m.from, ...m.to]) {
        if (!p || own.has(p.email)) continue;
        const known = seen.get(p.email);
        // A real name beats "me"-style labels or a missing one.
        if (!known || (!known.name && p.name)) seen.set(p.email, p);
      }
    }
    return [...seen.values()];
  }

  async lookup({ autoLog = false } = {}): Promise<void> {
    const generation = ++this.generation;
    this.loading.value = true;
    try {
      this.settings ??= await this.send('settings.get', {});
      const rows: ParticipantRow[] = [];
      for (const participant of this.participants()) {
        const existing = this.rows.value.find((r) => r.participant.email === participant.email);
        const name = participant.name?.trim().slice(0, 200) || undefined;
        const { lead, duplicates } = await this.send('lead.lookup', { email: participant.email, name, company: guessCompany(participant.email) });
        let card: LeadCardModel | null = null;
        if (lead && existing?.card?.id === lead.lead.id) {
          card = existing.card;
          card.setView(lead);
        } else if (lead) card = new LeadCardModel(this.send, lead, this.settings, this.url);
        rows.push({
          participant,
          card,
          draft: existing?.draft ?? { name: participant.name ?? '', company: guessCompany(participant.email) ?? '' },
          duplicates: lead ? [] : duplicates,
        });
      }
      if (generation !== this.generation) return;
      this.rows.value = rows;
      this.error.value = null;
      if (autoLog && this.settings.autoLog && rows.some((r) => r.card)) await this.logThread({ auto: true });
    } catch (error) {
      if (generation === this.generation) this.error.value = problemText(error);
    } finally {
      if (generation === this.generation) this.loading.value = false;
    }
  }

  editDraft(email: string, field: 'name' | 'company', value: string): void {
    this.rows.value = this.rows.value.map((r) => (r.participant.email === email ? { ...r, draft: { ...r.draft, [field]: value } } : r));
  }

  async capture(email: string): Promise<void> {
    const row = this.rows.value.find((r) => r.participant.email === email);
    if (!row || !this.settings) return;
    await this.act(async () => {
      const { lead } = await this.send('lead.capture', {
        name: row.draft.name.trim() || email,
        company: row.draft.company.trim() || null,
        emails: [email],
        source: 'gmail',
      });
      const card = new LeadCardModel(this.send, lead, this.settings!, this.url);
      // A lookup still on its way answers from before the capture: it must not undo it.
      this.generation++;
      this.loading.value = false;
      this.rows.value = this.rows.value.map((r) => (r.participant.email === email ? { ...r, card } : r));
    });
  }

  /** Adds the participant's address to a lead that is the same person, instead of capturing a second lead. */
  async linkParticipant(email: string, leadId: string): Promise<void> {
    const row = this.rows.value.find((r) => r.participant.email === email);
    const lead = row?.duplicates.find((d) => d.id === leadId);
    if (!lead) return;
    await this.act(async () => {
      await this.send('lead.update', { id: leadId, patch: { emails: [...lead.emails, email] }, base: { emails: lead.emails } });
    });
    await this.lookup({ autoLog: true });
  }

  /** Whether a message concerns a lead: sent by them, to them, or sent by the user with recipients unknown. */
  private concerns(message: GmailMessage, email: string, own: Set<string>): boolean {
    if (message.from?.email === email || message.to.some((p) => p.email === email)) return true;
    return message.to.length === 0 && !!message.from && own.has(message.from.email);
  }

  /**
   * Logs one touchpoint per message and lead: email, inbound or outbound by sender, the message's
   * own date, the subject, a link to the thread, and the message id as external id, so pressing
   * again (or reopening the thread) never duplicates.
   */
  async logThread({ auto = false } = {}): Promise<void> {
    const thread = this.thread.value;
    if (!thread) return;
    const own = this.ownEmails();
    const readable = thread.messages.filter((m) => m.id && m.at && m.from);
    const skipped = thread.messages.length - readable.length;
    await this.act(async () => {
      let created = 0;
      for (const row of this.rows.value) {
        if (!row.card) continue;
        for (const message of readable) {
          if (!this.concerns(message, row.participant.email, own)) continue;
          const ok = await row.card.log(
            { id: 'email', label: 'channel_email', channel: 'email', direction: own.has(message.from!.email) ? 'outbound' : 'inbound' },
            thread.subject ?? '',
            { at: message.at!, externalId: message.id!, url: this.url },
          );
          if (!ok) throw new LoggingFailed(row.card.error.value);
          created += row.card.lastLogCreated ? 1 : 0;
        }
      }
      const what = () => (created === 0 ? t('thread_already_logged') : auto ? tn('thread_auto_logged', created) : tn('thread_logged', created));
      if (!auto || created > 0) this.logResult.value = () => [what(), skipped > 0 ? tn('thread_skipped', skipped) : ''].filter(Boolean).join(' ');
    });
  }

  private async act(action: () => Promise<void>): Promise<void> {
    // A log that failed was worded on its card already: that wording is the panel's error.
    let cardError: Text | null = null;
    await runBusy(this.busy, this.error, async () => {
      try {
        await action();
      } catch (error) {
        if (error instanceof LoggingFailed) cardError = error.text;
        throw error;
      }
    });
    if (cardError) this.error.value = cardError;
  }

  /** Gmail options, saved at once: auto-log and the user's own addresses. */
  readonly options = signal<{ autoLog: boolean; ownEmails: string } | null>(null);

  async loadOptions(): Promise<void> {
    this.settings ??= await this.send('settings.get', {});
    this.options.value = { autoLog: this.settings.autoLog, ownEmails: this.settings.ownEmails.join(', ') };
  }

  async saveOptions(next: { autoLog?: boolean; ownEmails?: string }): Promise<void> {
    await this.act(async () => {
      const ownEmails = next.ownEmails
        ?.split(/[\s,;]+/)
        .map((e) => e.trim())
        .filter(Boolean);
      this.settings = await this.send('settings.patch', { autoLog: next.autoLog, ownEmails });
      this.options.value = { autoLog: this.settings.autoLog, ownEmails: this.settings.ownEmails.join(', ') };
    });
  }

  async onChanged(): Promise<void> {
    if (this.thread.value && !this.busy.value) {
      this.settings = null; // settings may be what changed
      await this.lookup();
    }
  }
}
