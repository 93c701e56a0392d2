/**
 * The compose control's state: the recipients of one Gmail compose window, which of them are
 * leads, and the "Log to Leadline" switch (on by default when auto-log is on). The content script
 * logs on send; this model tells it whether to.
 */
import { computed, signal } from '@preact/signals';
import type { FrameMessage, HostMessage, PageContext } from '../messaging/sidebar-channel';
import type { Lead } from '../pipeline/model';
import { guessCompany } from '../sites/gmail/company';
import { runBusy } from './run-busy';
import { problemText } from '../i18n/problems';
import type { Text } from '../i18n/i18n';
import type { Send } from './send';

export interface RecipientRow {
  email: string;
  name: string | null;
  lead: Lead | null;
}

export class ComposeModel {
  readonly rows = signal<RecipientRow[]>([]);
  readonly logOnSend = signal(true);
  readonly expanded = signal(false);
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);
  readonly leadCount = computed(() => this.rows.value.filter((r) => r.lead).length);
  private post: (message: FrameMessage) => void = () => {};
  private context: Extract<PageContext, { kind: 'gmail-compose' }> | null = null;
  private ownEmails = new Set<string>();
  private generation = 0;
  private switchTouched = false;

  constructor(private readonly send: Send) {}

  async connect(post: (message: FrameMessage) => void): Promise<void> {
    this.post = post;
    const settings = await this.send('settings.get', {});
    this.ownEmails = new Set(settings.ownEmails);
    if (!this.switchTouched) this.logOnSend.value = settings.autoLog;
    post({ type: 'log-on-send', value: this.logOnSend.value });
  }

  receive(message: HostMessage): void {
    if (message.type !== 'context' || message.context.kind !== 'gmail-compose') return;
    this.context = message.context;
    void this.lookup();
  }

  /** Looks each recipient up by address (the user's own addresses left out). */
  async lookup(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const generation = ++this.generation;
    const own = new Set([...this.ownEmails, ...context.ownEmails]);
    const seen = new Set<string>();
    const rows: RecipientRow[] = [];
    try {
      for (const r of context.compose.recipients) {
        if (own.has(r.email) || seen.has(r.email)) continue;
        seen.add(r.email);
        const { lead } = await this.send('lead.lookup', { email: r.email });
        rows.push({ email: r.email, name: r.name, lead: lead?.lead ?? null });
      }
      if (generation === this.generation) this.rows.value = rows;
    } catch (error) {
      if (generation === this.generation) this.error.value = problemText(error);
    }
  }

  toggleLog(): void {
    this.switchTouched = true;
    this.logOnSend.value = !this.logOnSend.value;
    this.post({ type: 'log-on-send', value: this.logOnSend.value });
  }

  toggleExpanded(): void {
    this.expanded.value = !this.expanded.value;
    this.post({ type: 'expand', value: this.expanded.value });
  }

  /** Captures a recipient who is not a lead yet (name from the chip, company from the domain). */
  capture(email: string): Promise<boolean> {
    const row = this.rows.value.find((r) => r.email === email);
    if (!row) return Promise.resolve(false);
    return runBusy(this.busy, this.error, async () => {
      const { lead } = await this.send('lead.capture', { name: row.name?.trim() || email, company: guessCompany(email), emails: [email], source: 'gmail' });
      // A lookup still on its way answers from before the capture: it must not undo it.
      this.generation++;
      this.rows.value = this.rows.value.map((r) => (r.email === email ? { ...r, lead: lead.lead } : r));
    });
  }
}
