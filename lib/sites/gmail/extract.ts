/** Reads an open Gmail thread. Pure: no browser APIs, no network, no UI. */
import { parseGmailDate } from './dates';
import { DATE, HIDDEN_COUNT, HIDDEN_MESSAGE, MESSAGE, READING_PANE, RECIPIENTS, SENDER, SUBJECT, THREAD_ID_ATTRS, type GmailCandidate } from './selectors';
import { threadIdFromUrl } from './url';

export interface Participant {
  /** Lower-cased. */
  email: string;
  name: string | null;
}

export type MessageField = 'id' | 'from' | 'date';

export interface GmailMessage {
  id: string | null;
  from: Participant | null;
  /** To and cc, as far as the markup shows them (collapsed messages show none). */
  to: Participant[];
  /** ISO instant, or null when the date was absent or in a form we do not read. */
  at: string | null;
  collapsed: boolean;
  missing: MessageField[];
}

export interface GmailThread {
  subject: string | null;
  /** The thread id from the page (legacy hex first), else from the address. */
  threadId: string | null;
  /**
   * The thread's permanent id from the page (`thread-f:<decimal>`, `thread-a:r…` for threads the
   * user started), which a compose window's `threadId` names too; null when the page shows none.
   */
  permThreadId: string | null;
  /** The messages the page shows, oldest first; folded ones are not among them (see hiddenCount). */
  messages: GmailMessage[];
  /**
   * How many messages Gmail folded into "N older messages" (no element to read for them until the
   * user expands the fold): 0 when nothing is folded, null when a fold shows but its count cannot be read.
   */
  hiddenCount: number | null;
  /** The thread is open in the reading pane, beside the thread list. */
  readingPane: boolean;
}

const clean = (s: string | null | undefined) => {
  const v = (s ?? '').replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
};

const anyOf = (candidates: GmailCandidate[]) => candidates.map((c) => c.selector).join(', ');

function first(root: ParentNode, candidates: GmailCandidate[]): Element | null {
  for (const c of candidates) {
    const el = root.querySelector(c.selector);
    if (el) return el;
  }
  return null;
}

function participant(el: Element | null): Participant | null {
  const email = clean(el?.getAttribute('email'))?.toLowerCase();
  if (!email || !email.includes('@')) return null;
  return { email, name: clean(el?.getAttribute('name')) ?? clean(el?.textContent) };
}

function isVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el) : true;
}

function readMessage(el: Element): GmailMessage {
  const rawId = el.getAttribute('data-message-id') ?? el.getAttribute('data-legacy-message-id');
  const id = clean(rawId?.replace(/^#/, ''));
  const from = participant(first(el, SENDER));
  const seen = new Set<string>();
  const to: Participant[] = [];
  for (const c of RECIPIENTS) {
    for (const r of el.querySelectorAll(c.selector)) {
      const p = participant(r);
      if (p && !seen.has(p.email)) {
        seen.add(p.email);
        to.push(p);
      }
    }
  }
  const title = first(el, DATE)?.getAttribute('title');
  const date = title ? parseGmailDate(title) : null;
  const missing: MessageField[] = [];
  if (!id) missing.push('id');
  if (!from) missing.push('from');
  if (!date) missing.push('date');
  return { id, from, to, at: date ? date.toISOString() : null, collapsed: !el.querySelector('.a3s'), missing };
}

/** "N older messages": the folded count, 0 when nothing is folded, null when a fold cannot be counted. */
function hiddenCountIn(container: Element | null): number | null {
  if (!container) return 0;
  const folded = anyOf(HIDDEN_MESSAGE);
  if (!container.querySelector(folded)) return 0;
  // The notice counts only while its element is still folded (InboxSDK: "when kQ is gone, message is visible").
  const count = first(container, HIDDEN_COUNT);
  const text = count?.closest(folded) ? count.textContent?.trim() : undefined;
  return text && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The open thread, or null when none is (inbox, thread lists, settings). Gmail keeps earlier
 * views in the page, hidden: the thread whose id matches the address wins, then the one in the
 * reading pane (where the list stays beside it), then the visible one.
 */
export function extractThread(root: ParentNode, url: string): GmailThread | null {
  const urlThreadId = threadIdFromUrl(url);
  if (!urlThreadId) return null;
  const subjects = SUBJECT.flatMap((c) => [...root.querySelectorAll(c.selector)]);
  if (subjects.length === 0) return null;
  const idOf = (h: Element) => THREAD_ID_ATTRS.map((a) => h.getAttribute(a.attr)).find((v) => v) ?? null;
  const paneSelector = anyOf(READING_PANE);
  const inPane = (h: Element) => h.closest(paneSelector) !== null;
  const subjectEl =
    subjects.find((h) => THREAD_ID_ATTRS.some((a) => h.getAttribute(a.attr) === urlThreadId)) ??
    subjects.find((h) => inPane(h) && isVisible(h)) ??
    subjects.find(inPane) ??
    subjects.find(isVisible) ??
    subjects[0]!;

  // The thread container: the nearest ancestor of the subject that holds messages.
  const selector = anyOf(MESSAGE);
  let container: Element | null = subjectEl.parentElement;
  while (container && !container.querySelector(selector)) container = container.parentElement;

  const folded = anyOf(HIDDEN_MESSAGE);
  const messages: GmailMessage[] = [];
  const ids = new Set<string>();
  for (const el of container ? container.querySelectorAll(selector) : []) {
    // A message element may wrap another carrying the same id (expanded bodies): keep the outer one.
    if (el.parentElement?.closest(selector) && container?.contains(el.parentElement.closest(selector))) continue;
    // A folded message shows nothing to read; the fold's count stands for it.
    if (el.closest(folded) && container?.contains(el.closest(folded))) continue;
    const message = readMessage(el);
    if (message.id && ids.has(message.id)) continue;
    if (message.id) ids.add(message.id);
    messages.push(message);
  }
  return {
    subject: clean(subjectEl.textContent),
    threadId: idOf(subjectEl) ?? urlThreadId,
    permThreadId: clean(subjectEl.getAttribute('data-thread-perm-id')),
    messages,
    hiddenCount: hiddenCountIn(container),
    readingPane: inPane(subjectEl),
  };
}

/** The signed-in user's addresses the page shows (Gmail puts the account in the title). */
export function ownEmailsFromTitle(title: string): string[] {
  return [...new Set((title.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).map((e) => e.toLowerCase()))];
}
