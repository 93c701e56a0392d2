/**
 * The LinkedIn conversations open on a page (the thread pane, overlay bubbles): each one's partner
 * as a lead or a capture draft, and "Log messages": every message a `linkedin-message` touchpoint
 * of the partner's lead, outbound when the user sent it, at its own time, with its first words and
 * its own id as external id (so logging again stores nothing twice). A message whose time the page
 * does not let us read is reported, never logged at a guessed time.
 */
import { signal } from '@preact/signals';
import type { ConversationExtraction, ConversationMessage } from '../sites/linkedin/messaging';
import { PersonPanelModel, type Sighting } from './person-panel-model';
import type { Send } from './send';
import { runBusy } from './run-busy';
import { memberIdOf } from '../sites/linkedin/url';

/** What the last logging did. */
export interface LogResult {
  created: number;
  /** Messages left out: their time could not be read. */
  skipped: number;
  auto: boolean;
}

/** A conversation's identity across readings: its id, else its partner. */
export function conversationKey(c: ConversationExtraction): string {
  return c.conversationId ?? c.partner.profileUrl ?? c.partner.name ?? '';
}

/** The first words logged for a message (an attachment without text logs an empty summary). */
const summaryOf = (m: ConversationMessage) => m.summary ?? '';

export class ConversationModel {
  readonly conversation = signal<ConversationExtraction | null>(null);
  readonly partner: PersonPanelModel;
  readonly logResult = signal<LogResult | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  private pageUrl = '';

  constructor(private readonly send: Send) {
    this.partner = new PersonPanelModel(send);
  }

  /** Shows a reading; auto-logs (when on) as the conversation opens and when new messages appear. */
  async show(conversation: ConversationExtraction, pageUrl: string): Promise<void> {
    const before = this.conversation.value;
    const same = before !== null && conversationKey(before) === conversationKey(conversation);
    const grew = same && conversation.messages.some((m) => !before.messages.some((b) => b.id === m.id));
    this.conversation.value = conversation;
    this.pageUrl = pageUrl;
    if (!same) this.logResult.value = null;
    await this.partner.show(this.sighting(conversation));
    if ((!same || grew) && this.partner.settings?.autoLog && this.partner.state.value.kind === 'known') await this.log({ auto: true });
  }

  private sighting(c: ConversationExtraction): Sighting {
    const memberId = c.partner.profileUrl ? memberIdOf(c.partner.profileUrl) : null;
    return {
      name: c.partner.name,
      headline: c.partner.headline,
      company: null,
      location: null,
      linkedinUrl: c.partner.profileUrlKind === 'vanity' ? c.partner.profileUrl : null,
      linkedinMemberId: memberId,
      salesNavUrl: null,
      linkBy: 'linkedinMemberId',
      pageUrl: c.threadUrl ?? this.pageUrl,
    };
  }

  /** Messages with a readable time, and how many have none. */
  readable(): { messages: ConversationMessage[]; skipped: number } {
    const all = this.conversation.value?.messages ?? [];
    const messages = all.filter((m) => m.at !== null);
    return { messages, skipped: all.length - messages.length };
  }

  async log({ auto = false } = {}): Promise<void> {
    const c = this.conversation.value;
    const state = this.partner.state.value;
    if (!c || state.kind !== 'known') return;
    const card = state.card;
    const { messages, skipped } = this.readable();
    await runBusy(this.busy, this.error, async () => {
      let created = 0;
      if (messages.length > 0) {
        const reply = await this.send('touchpoints.logMany', {
          leadId: card.id,
          touchpoints: messages.map((m) => ({
            channel: 'linkedin-message' as const,
            direction: m.fromSelf ? ('outbound' as const) : ('inbound' as const),
            at: m.at!,
            summary: summaryOf(m),
            url: c.threadUrl ?? (this.pageUrl.startsWith('https://') ? this.pageUrl : null),
            externalId: m.id,
          })),
        });
        created = reply.created;
        card.setView(reply.lead);
      }
      // Auto-logging that added nothing stays quiet.
      if (!auto || created > 0) this.logResult.value = { created, skipped, auto };
    });
  }
}

/** The conversations of the page on screen, each kept while it stays open. */
export class ConversationsModel {
  readonly list = signal<ConversationModel[]>([]);

  constructor(private readonly send: Send) {}

  async show(conversations: ConversationExtraction[], pageUrl: string): Promise<void> {
    const kept = new Map(this.list.value.flatMap((m) => (m.conversation.value ? [[conversationKey(m.conversation.value), m] as const] : [])));
    const next = conversations.map((c) => kept.get(conversationKey(c)) ?? new ConversationModel(this.send));
    this.list.value = next;
    await Promise.all(next.map((model, i) => model.show(conversations[i]!, pageUrl)));
  }

  clear(): void {
    for (const model of this.list.value) model.partner.clear();
    this.list.value = [];
  }

  async onChanged(leadIds: string[]): Promise<void> {
    await Promise.all(this.list.value.map((m) => (m.busy.value ? undefined : m.partner.onChanged(leadIds))));
  }
}
