/** Reads Gmail's compose windows. Pure: no browser APIs, no network, no UI. */
import type { Participant } from './extract';
import {
  COMPOSE,
  COMPOSE_DRAFT_ID,
  COMPOSE_FORWARD,
  COMPOSE_INLINE,
  COMPOSE_LEGACY_THREAD_ID,
  COMPOSE_POPOUT,
  COMPOSE_RECIPIENT,
  COMPOSE_RECIPIENT_INPUT,
  COMPOSE_REPLY_TO,
  COMPOSE_SEND,
  COMPOSE_SUBJECT,
  COMPOSE_THREAD_ID,
  COMPOSE_TOOLBAR,
  COMPOSE_WINDOW,
  type GmailCandidate,
} from './selectors';

/** What the compose sends: a new message, a reply (reply and reply-all read alike) or a forward. */
export type ComposeKind = 'new' | 'reply' | 'forward';

/** Where the compose sits: a floating window over the page, inline in a thread, or a window of its own. */
export type ComposePlacement = 'window' | 'inline' | 'popout';

export type RecipientField = 'to' | 'cc' | 'bcc';

export interface ComposeRecipient extends Participant {
  field: RecipientField;
  /** Typed but not yet turned into a chip (Gmail turns it into one on send). */
  typed: boolean;
}

export type ComposeField = 'recipients' | 'subject' | 'threadId' | 'draftId' | 'sendButton' | 'toolbar';

export interface GmailCompose {
  kind: ComposeKind;
  /** Null when the compose sits somewhere we do not know (a full-screen compose, a new layout). */
  placement: ComposePlacement | null;
  recipients: ComposeRecipient[];
  /** The subject as typed ('' when empty); null when no subject field was found. */
  subject: string | null;
  /**
   * The thread's permanent id: `thread-f:<decimal>` for a reply or forward, `thread-a:r…` for the
   * thread a new message starts. A thread page shows the same id as GmailThread.permThreadId.
   */
  threadId: string | null;
  /** The legacy hex thread id of a reply (GmailThread.threadId on the thread page); null for new messages. */
  legacyThreadId: string | null;
  /** The id of the message replied to (`msg-f:…`), when the compose is a reply. */
  replyToMessageId: string | null;
  /**
   * The draft's message id (`msg-a:r…`), which the sent message keeps as its data-message-id
   * (GmailMessage.id); null until Gmail first saves the draft.
   */
  draftId: string | null;
  sendButton: Element | null;
  /** The row of the bottom bar that holds the send button: add a control as a cell of it. */
  toolbar: Element | null;
  missing: ComposeField[];
}

const anyOf = (candidates: GmailCandidate[]) => candidates.map((c) => c.selector).join(', ');

function first(root: ParentNode, candidates: GmailCandidate[]): Element | null {
  for (const c of candidates) {
    const el = root.querySelector(c.selector);
    if (el) return el;
  }
  return null;
}

/** An input's value as the page holds it; Gmail writes "undefined"/"null" into some before a save. */
function inputValue(root: ParentNode, candidates: GmailCandidate[]): string | null {
  const el = first(root, candidates);
  const value = (el as HTMLInputElement | null)?.value?.trim();
  if (!value || value === 'undefined' || value === 'null') return null;
  return value.replace(/^#/, '');
}

function isField(name: string | null | undefined): name is RecipientField {
  return name === 'to' || name === 'cc' || name === 'bcc';
}

const ADDRESS = /[^\s<>,;"]+@[^\s<>,;"]+\.[^\s<>,;"]+/g;

/** "Kim Lee <kim.lee@acme-robotics.com>" or a bare address, as the classic chips hold them. */
function parseContact(text: string): Participant | null {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(text);
  const email = (m ? m[2]! : text).trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  const name = m?.[1]?.trim();
  return { email, name: name ? name : null };
}

function readRecipients(el: Element): { recipients: ComposeRecipient[]; found: boolean } {
  const recipients: ComposeRecipient[] = [];
  const seen = new Set<string>();
  const add = (field: RecipientField, p: Participant | null, typed: boolean) => {
    if (!p || seen.has(`${field}:${p.email}`)) return;
    seen.add(`${field}:${p.email}`);
    recipients.push({ ...p, field, typed });
  };
  let found = false;
  for (const chip of el.querySelectorAll(COMPOSE_RECIPIENT[0]!.selector)) {
    found = true;
    const field = chip.parentElement?.closest('[name]')?.getAttribute('name');
    if (!isField(field)) continue;
    const email = chip.getAttribute('data-hovercard-id')?.trim().toLowerCase();
    const name = chip.getAttribute('data-name')?.trim();
    add(field, email && email.includes('@') ? { email, name: name ? name : null } : null, false);
  }
  for (const input of el.querySelectorAll(COMPOSE_RECIPIENT[1]!.selector)) {
    found = true;
    const field = input.getAttribute('name');
    if (isField(field)) add(field, parseContact((input as HTMLInputElement).value), false);
  }
  for (const input of el.querySelectorAll(anyOf(COMPOSE_RECIPIENT_INPUT))) {
    found = true;
    const field = input.getAttribute('name') ?? input.closest('[name]')?.getAttribute('name');
    if (!isField(field)) continue;
    for (const address of (input as HTMLInputElement).value.match(ADDRESS) ?? []) add(field, parseContact(address), true);
  }
  return { recipients, found };
}

function placementOf(el: Element): ComposePlacement | null {
  if (el.closest(anyOf(COMPOSE_POPOUT))) return 'popout';
  if (el.closest(anyOf(COMPOSE_WINDOW))) return 'window';
  if (el.closest(anyOf(COMPOSE_INLINE))) return 'inline';
  return null;
}

/** Every compose form in the page (new-message windows, inline replies, pop-outs), outermost elements only. */
export function findComposes(root: ParentNode): Element[] {
  const found: Element[] = [...root.querySelectorAll(COMPOSE[0]!.selector)];
  // Without the class, a compose is still the region around its hidden compose id.
  for (const input of root.querySelectorAll(COMPOSE[1]!.selector)) {
    if (found.some((f) => f.contains(input))) continue;
    const region = input.closest('[role="region"]') ?? input.closest('form');
    if (region && !found.includes(region)) found.push(region);
  }
  return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
}

/** What one compose form holds and where a control can be added to it. */
export function readCompose(el: Element): GmailCompose {
  const placement = placementOf(el);
  const { recipients, found: recipientsFound } = readRecipients(el);
  const subjectEl = first(el, COMPOSE_SUBJECT) as HTMLInputElement | null;
  const rt = inputValue(el, COMPOSE_THREAD_ID)?.split('|')[0] ?? null;
  const threadId = rt && /^thread-[af]:/.test(rt) ? rt : null;
  const replyToMessageId = inputValue(el, COMPOSE_REPLY_TO);
  const sendButton = first(el, COMPOSE_SEND);
  const toolbar = first(el, COMPOSE_TOOLBAR);

  let kind: ComposeKind = 'new';
  if (first(el, COMPOSE_FORWARD)) kind = 'forward';
  else if (placement === 'inline' || replyToMessageId) kind = 'reply';

  const compose: GmailCompose = {
    kind,
    placement,
    recipients,
    subject: subjectEl ? subjectEl.value.replace(/\s+/g, ' ').trim() : null,
    threadId,
    legacyThreadId: inputValue(el, COMPOSE_LEGACY_THREAD_ID),
    replyToMessageId,
    draftId: inputValue(el, COMPOSE_DRAFT_ID),
    sendButton,
    toolbar,
    missing: [],
  };
  if (!recipientsFound) compose.missing.push('recipients');
  if (compose.subject === null) compose.missing.push('subject');
  if (!compose.threadId) compose.missing.push('threadId');
  if (!compose.draftId) compose.missing.push('draftId');
  if (!sendButton) compose.missing.push('sendButton');
  if (!toolbar) compose.missing.push('toolbar');
  return compose;
}
