/*
 * ---- Beyond the profile page: messaging (threads, overlay bubbles, the inbox list) ----
 * Eras are named by the saved page that shows them (tests/fixtures/linkedin-more/README.md).
 * Read-functions get the first match and the scope they were asked in (a conversation, a row).
 */
import type { Candidate } from './candidate';

/** The element holding one conversation: the thread pane or an overlay bubble. */
export const CONVERSATION: Candidate[] = [{ selector: '.msg-convo-wrapper', era: '2023-02 overlay bubble; 2026-06 thread page (div.msg-thread)' }];

/** An overlay bubble (any page) rather than the thread pane: the page address does not name it. */
export const CONVERSATION_BUBBLE: Candidate[] = [{ selector: '.msg-overlay-conversation-bubble', era: '2023-02 overlay bubble' }];

/** One message. Its `data-event-urn` is the message's own id. */
export const MESSAGE_ITEM: Candidate[] = [
  { selector: '[data-event-urn^="urn:li:msg_message:"]', era: '2023-02..2026-06 thread and bubble' },
  { selector: '.msg-s-event-listitem', era: '2023-02..2026-06; the item without its urn' },
];

/** Day headings ("Dzisiaj", "środa", "14 maj") precede the first message of each day. */
export const MESSAGE_DAY: Candidate[] = [{ selector: 'time.msg-s-message-list__time-heading', era: '2023-02..2026-06' }];

/** Time of the first message of a sender's group; later messages of the group carry none. */
export const MESSAGE_TIME: Candidate[] = [{ selector: 'time.msg-s-message-group__timestamp', era: '2023-02..2026-06' }];

export const MESSAGE_SENDER_NAME: Candidate[] = [
  { selector: '.msg-s-message-group__name', era: '2023-02..2026-06 group header' },
  { selector: 'img.msg-s-event-listitem__profile-picture[title]', attr: 'title', era: '2023-02..2026-06 avatar (title is the bare name)' },
];

export const MESSAGE_SENDER_LINK: Candidate[] = [
  { selector: '.msg-s-message-group__meta a[href*="/in/"]', attr: 'href', era: '2023-02..2026-06 group header' },
  { selector: 'a.msg-s-event-listitem__link[href*="/in/"]', attr: 'href', era: '2023-02..2026-06 avatar link' },
];

export const MESSAGE_BODY: Candidate[] = [{ selector: '.msg-s-event-listitem__body', era: '2023-02..2026-06' }];

/** Present on the other side's messages; its absence marks the viewer's own (class, not text). */
export const MESSAGE_FROM_OTHER_CLASS = 'msg-s-event-listitem--other';

export const PARTNER_LINK: Candidate[] = [
  { selector: 'a.msg-thread__link-to-profile[href]', attr: 'href', era: '2026-06 thread header' },
  { selector: '.msg-overlay-bubble-header__title a[href*="/in/"]', attr: 'href', era: '2023-02 overlay bubble header' },
  { selector: '.msg-s-profile-card a[href*="/in/"]', attr: 'href', era: '2023-02 bubble; 2026-06 thread (card atop a new conversation)' },
];

export const PARTNER_NAME: Candidate[] = [
  { selector: 'h2.msg-entity-lockup__entity-title', era: '2026-06 thread header' },
  { selector: '.msg-overlay-bubble-header__title', era: '2023-02 overlay bubble header' },
];

export const PARTNER_HEADLINE: Candidate[] = [
  { selector: '.msg-s-profile-card .artdeco-entity-lockup__subtitle', era: '2023-02 bubble; 2026-06 thread (card atop a new conversation)' },
  // The header line shows the headline while the presence dot is hidden, and "active 1 h ago"-style
  // status text while it is shown (2026-06 Agnieszka: hidden + headline; Kamila: reachable + status).
  { selector: '.msg-entity-lockup__entity-info', era: '2026-06 thread header', read: headerHeadline },
];

/** The viewer's own name: the alt text of the global-nav photo is the bare name. */
export const VIEWER_NAME: Candidate[] = [{ selector: 'img.global-nav__me-photo[alt]', attr: 'alt', era: '2026-06 Ember global nav' }];

/** Conversation list cards (the inbox column). */
export const CONVERSATION_CARD: Candidate[] = [{ selector: '.msg-conversation-card', era: '2026-06..2026-09 inbox list' }];
export const CONVERSATION_CARD_NAME: Candidate[] = [{ selector: '.msg-conversation-card__participant-names', era: '2026-06..2026-09' }];
export const CONVERSATION_CARD_TIME: Candidate[] = [{ selector: 'time.msg-conversation-card__time-stamp', era: '2026-06..2026-09' }];
export const CONVERSATION_CARD_SNIPPET: Candidate[] = [{ selector: '.msg-conversation-card__message-snippet', era: '2026-06..2026-09' }];
export const CONVERSATION_CARD_ACTIVE_CLASS = 'msg-conversations-container__convo-item-link--active';

/** Text of an element without its screen-reader-only parts ("Status: offline"). */
export function visibleText(el: Element): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.matches('.visually-hidden, .a11y-text, .presence-indicator')) continue;
      out += visibleText(child);
    }
  }
  return out;
}

function headerHeadline(el: Element): string | null {
  const presence = el.querySelector('.presence-indicator');
  if (presence && !presence.classList.contains('hidden')) return null;
  return visibleText(el);
}
