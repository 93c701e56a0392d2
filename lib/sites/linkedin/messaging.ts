/** Reads a LinkedIn messaging conversation (thread page or overlay bubble). Pure: no browser APIs. */
import { cleanText, firstOf } from './extract';
import { isoDay, resolveDay, resolveMessageTime, resolveTime } from './dates';
import {
  CONVERSATION,
  CONVERSATION_BUBBLE,
  CONVERSATION_CARD,
  CONVERSATION_CARD_ACTIVE_CLASS,
  CONVERSATION_CARD_NAME,
  CONVERSATION_CARD_SNIPPET,
  CONVERSATION_CARD_TIME,
  MESSAGE_BODY,
  MESSAGE_DAY,
  MESSAGE_FROM_OTHER_CLASS,
  MESSAGE_ITEM,
  MESSAGE_SENDER_LINK,
  MESSAGE_SENDER_NAME,
  MESSAGE_TIME,
  PARTNER_HEADLINE,
  PARTNER_LINK,
  PARTNER_NAME,
  VIEWER_NAME,
} from './selectors';
import { memberIdOf, messagingThreadId, messagingThreadUrl, profileLink, type ProfileLink } from './url';

/** Length of a message summary, in characters (code points). */
export const SUMMARY_LENGTH = 200;

export interface ConversationPerson {
  name: string | null;
  /** `https://www.linkedin.com/in/<…>/`; messaging links people by member id (see `profileUrlKind`). */
  profileUrl: string | null;
  /** `member-id` (`/in/ACoAA…`) is not the vanity slug a profile page and a captured lead have. */
  profileUrlKind: ProfileLink['kind'] | null;
  headline: string | null;
}

export interface ConversationMessage {
  /**
   * The message's own id: its `data-event-urn` (`urn:li:msg_message:(urn:li:fsd_profile:<mailbox>,2-…)`).
   * When the markup has none, `derived:<hash>` of conversation id, sender, time (or the day and time
   * text when the time does not resolve) and text: stable while the page shows the same message.
   */
  id: string;
  idSource: 'urn' | 'derived';
  senderName: string | null;
  senderProfileUrl: string | null;
  /** True for the viewer's own (outbound) messages. */
  fromSelf: boolean;
  /** Local time from the day heading and time stamp, as ISO-8601; null when either does not resolve. */
  at: string | null;
  /**
   * The send time carried inside the message urn (epoch milliseconds before the `b` of the decoded
   * id), as ISO-8601; null when the urn is absent or not of that form. It agreed with the visible
   * day and time on every saved page; it is reported beside `at`, not instead of it.
   */
  atFromId: string | null;
  /** The day heading and time stamp as shown ("środa", "08:35"), for display and debugging. */
  dayText: string | null;
  timeText: string | null;
  /** The first 200 characters of the text; null for a message without text (an attachment). */
  summary: string | null;
}

export const CONVERSATION_FIELDS = ['conversationId', 'partnerName', 'partnerProfileUrl', 'partnerHeadline', 'viewerName', 'messages'] as const;
export type ConversationField = (typeof CONVERSATION_FIELDS)[number];

export interface ConversationExtraction {
  /** `2-` + base64 conversation id, as in `/messaging/thread/<id>/`. */
  conversationId: string | null;
  /** Where the id came from: the page address, or the conversation part of a message urn. */
  conversationIdSource: 'url' | 'message-urn' | null;
  /** `https://www.linkedin.com/messaging/thread/<id>/` when the id is known. */
  threadUrl: string | null;
  partner: ConversationPerson;
  /** The person reading the page; `memberId` is the mailbox owner named in the message urns. */
  viewer: { name: string | null; memberId: string | null };
  /** Oldest first, as on the page. */
  messages: ConversationMessage[];
  missing: ConversationField[];
}

export interface ConversationOptions {
  /** The page's language (`document.documentElement.lang`), for relative dates. */
  lang?: string | null;
  /** A specific conversation element (one of `findConversations(root)`); default: the first. */
  conversation?: Element;
}

/** Every open conversation on the page: the thread pane and each overlay bubble. */
export function findConversations(root: ParentNode): Element[] {
  for (const candidate of CONVERSATION) {
    const found = [...root.querySelectorAll(candidate.selector)];
    if (found.length > 0) return found;
  }
  return [];
}

const URN = /^urn:li:msg_message:\(urn:li:fsd_profile:([^,]+),(.+)\)$/;

function decodeBase64(text: string): string | null {
  try {
    return atob(text);
  } catch {
    return null;
  }
}

/** Mailbox owner, send time and conversation id carried in a message urn (2023-02..2026-06 form). */
export function parseMessageUrn(urn: string): { mailbox: string; time: Date | null; conversationId: string | null } | null {
  const match = URN.exec(urn);
  if (!match) return null;
  const messageId = match[2]!;
  const decoded = messageId.startsWith('2-') ? decodeBase64(messageId.slice(2)) : null;
  const parts = decoded ? /^(\d{13})b[^&]*&(.+)$/.exec(decoded) : null;
  const time = parts ? new Date(Number(parts[1])) : null;
  const conversation = parts?.[2];
  return {
    mailbox: match[1]!,
    time: time && !Number.isNaN(time.getTime()) ? time : null,
    conversationId: conversation && /^[\x20-\x7e]+$/.test(conversation) ? `2-${btoa(conversation)}` : null,
  };
}

/** First code points of a text, whitespace collapsed. */
export function summarize(text: string | null, length = SUMMARY_LENGTH): string | null {
  const cleaned = cleanText(text);
  return cleaned === null ? null : Array.from(cleaned).slice(0, length).join('');
}

/** A 53-bit string hash (cyrb53), as hex: enough to tell messages of one conversation apart. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

function pageLanguage(root: ParentNode, lang: string | null | undefined): string | null {
  if (lang) return lang;
  const doc = (root as Node).ownerDocument ?? (root as Document);
  return cleanText(doc?.documentElement?.getAttribute('lang')) ?? null;
}

/**
 * Extracts a conversation: partner, viewer, and each message with its id, sender, direction,
 * time and summary. `url` is the page address; `readAt` the moment the page was read, against
 * which "Today", "środa" or "14 maj" are resolved.
 */
export function extractConversation(root: ParentNode, url: string, readAt: Date, options: ConversationOptions = {}): ConversationExtraction {
  const lang = pageLanguage(root, options.lang);
  const scope: ParentNode = options.conversation ?? findConversations(root)[0] ?? root;
  // A bubble can be open over another conversation's thread page: only the pane is named by the address.
  const isBubble = 'matches' in scope && CONVERSATION_BUBBLE.some((c) => (scope as Element).matches(c.selector));
  const fromUrl = isBubble ? null : messagingThreadId(url);

  const itemSelector = MESSAGE_ITEM.map((c) => c.selector).join(', ');
  const daySelector = MESSAGE_DAY.map((c) => c.selector).join(', ');
  const messages: ConversationMessage[] = [];
  let mailbox: string | null = null;
  let conversationFromUrn: string | null = null;
  let dayText: string | null = null;
  let group: { name: string | null; link: string | null; time: string | null } = { name: null, link: null, time: null };
  const seen = new Set<Element>();

  for (const el of scope.querySelectorAll(`${daySelector}, ${itemSelector}`)) {
    if (el.matches(daySelector)) {
      dayText = cleanText(el.textContent);
      continue;
    }
    // An item may match both rungs (the urn div is the listitem); nested matches are the same message.
    const item = el.closest('.msg-s-event-listitem') ?? el;
    if (seen.has(item)) continue;
    seen.add(item);

    const urnText = item.getAttribute('data-event-urn');
    const urn = urnText ? parseMessageUrn(urnText) : null;
    if (urn) {
      mailbox ??= urn.mailbox;
      conversationFromUrn ??= urn.conversationId;
    }

    const startsGroup = item.querySelector('.msg-s-message-group__meta') !== null;
    if (startsGroup) {
      group = {
        name: firstOf(item, MESSAGE_SENDER_NAME)?.value ?? null,
        link: firstOf(item, MESSAGE_SENDER_LINK)?.value ?? null,
        time: firstOf(item, MESSAGE_TIME)?.value ?? null,
      };
    }
    const link = profileLink(group.link);
    const senderId = group.link ? memberIdOf(link?.url ?? '') : null;
    const fromSelf = urn && senderId && startsGroup ? senderId === urn.mailbox : !item.classList.contains(MESSAGE_FROM_OTHER_CLASS);

    const at = resolveMessageTime(dayText, group.time, readAt, lang);
    const body = firstOf(item, MESSAGE_BODY)?.value ?? null;
    messages.push({
      id: urnText ?? '',
      idSource: urnText ? 'urn' : 'derived',
      senderName: group.name,
      senderProfileUrl: link?.url ?? null,
      fromSelf,
      at: at?.toISOString() ?? null,
      atFromId: urn?.time?.toISOString() ?? null,
      dayText,
      timeText: group.time,
      summary: summarize(body),
    });
    if (!urnText) {
      const when = at?.toISOString() ?? `${dayText ?? ''} ${group.time ?? ''}`;
      const key = [fromUrl ?? conversationFromUrn ?? '', group.name ?? '', when, body ?? ''].join('\u241f');
      messages[messages.length - 1]!.id = `derived:${hash(key)}`;
    }
  }

  const conversationId = fromUrl ?? conversationFromUrn;

  const partnerLink = profileLink(firstOf(scope, PARTNER_LINK)?.value);
  const firstOther = messages.find((m) => !m.fromSelf);
  const partner: ConversationPerson = {
    name: firstOf(scope, PARTNER_NAME)?.value ?? firstOther?.senderName ?? null,
    profileUrl: partnerLink?.url ?? firstOther?.senderProfileUrl ?? null,
    profileUrlKind: null,
    headline: firstOf(scope, PARTNER_HEADLINE)?.value ?? null,
  };
  partner.profileUrlKind = partner.profileUrl ? (profileLink(partner.profileUrl)?.kind ?? null) : null;

  const self = messages.find((m) => m.fromSelf && m.senderName !== null);
  const viewer = { name: firstOf(root, VIEWER_NAME)?.value ?? self?.senderName ?? null, memberId: mailbox };

  const result: ConversationExtraction = {
    conversationId,
    conversationIdSource: fromUrl ? 'url' : conversationFromUrn ? 'message-urn' : null,
    threadUrl: conversationId ? messagingThreadUrl(conversationId) : null,
    partner,
    viewer,
    messages,
    missing: [],
  };
  const has: Record<ConversationField, boolean> = {
    conversationId: conversationId !== null,
    partnerName: partner.name !== null,
    partnerProfileUrl: partner.profileUrl !== null,
    partnerHeadline: partner.headline !== null,
    viewerName: viewer.name !== null,
    messages: messages.length > 0,
  };
  result.missing = CONVERSATION_FIELDS.filter((f) => !has[f]);
  return result;
}

/** Each open conversation on the page (thread pane and overlay bubbles), extracted. */
export function extractConversations(
  root: ParentNode,
  url: string,
  readAt: Date,
  options: Omit<ConversationOptions, 'conversation'> = {},
): ConversationExtraction[] {
  return findConversations(root).map((conversation) => extractConversation(root, url, readAt, { ...options, conversation }));
}

export interface ConversationCard {
  name: string | null;
  /** The card's date as `YYYY-MM-DD` (a bare time means the reading day); null when unresolved. */
  date: string | null;
  dateText: string | null;
  snippet: string | null;
  /** The conversation open beside the list. */
  active: boolean;
  element: Element;
}

/** The inbox column's conversation cards, newest first as on the page. */
export function extractConversationList(root: ParentNode, readAt: Date, options: { lang?: string | null } = {}): ConversationCard[] {
  const lang = pageLanguage(root, options.lang);
  return [...root.querySelectorAll(CONVERSATION_CARD[0]!.selector)].map((card) => {
    const dateText = firstOf(card, CONVERSATION_CARD_TIME)?.value ?? null;
    // The list shows a bare time ("20:29") for conversations of the reading day.
    const day = resolveDay(dateText, readAt, lang) ?? (resolveTime(dateText, lang) !== null ? startOfDay(readAt) : null);
    return {
      name: firstOf(card, CONVERSATION_CARD_NAME)?.value ?? null,
      date: day ? isoDay(day) : null,
      dateText,
      snippet: firstOf(card, CONVERSATION_CARD_SNIPPET)?.value ?? null,
      active: card.querySelector(`.${CONVERSATION_CARD_ACTIVE_CLASS}`) !== null,
      element: card,
    };
  });
}

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}
