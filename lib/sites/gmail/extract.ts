/** Reads an open Gmail thread. Pure: no browser APIs, no network, no UI. */
import { parseGmailDate } from './dates';
import { DATE, MESSAGE, RECIPIENTS, SENDER, SUBJECT, THREAD_ID_ATTRS, type GmailCandidate } from './selectors';
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
  /** The thread id from the page, else from the address. */
  threadId: string | null;
  messages: GmailMessage[];
}

const clean = (s: string | null | undefined) => {
  const v = (s ?? '').replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
};

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

/**
 * The open thread, or null when none is (inbox, thread lists, settings). Gmail keeps earlier
 * views in the page, hidden: the thread whose id matches the address, else the visible one, wins.
 */
export function extractThread(root: ParentNode, url: string): GmailThread | null {
  const urlThreadId = threadIdFromUrl(url);
  if (!urlThreadId) return null;
  const subjects = SUBJECT.flatMap((c) => [...root.querySelectorAll(c.selector)]);
  if (subjects.length === 0) return null;
  const idOf = (h: Element) => THREAD_ID_ATTRS.map((a) => h.getAttribute(a.attr)).find((v) => v) ?? null;
  const subjectEl = subjects.find((h) => idOf(h) === urlThreadId) ?? subjects.find(isVisible) ?? subjects[0]!;

  // The thread container: the nearest ancestor of the subject that holds messages.
  const selector = MESSAGE.map((c) => c.selector).join(', ');
  let container: Element | null = subjectEl.parentElement;
  while (container && !container.querySelector(selector)) container = container.parentElement;

  const messages: GmailMessage[] = [];
  const ids = new Set<string>();
  for (const el of container ? container.querySelectorAll(selector) : []) {
    // A message element may wrap another carrying the same id (expanded bodies): keep the outer one.
    if (el.parentElement?.closest(selector) && container?.contains(el.parentElement.closest(selector))) continue;
    const message = readMessage(el);
    if (message.id && ids.has(message.id)) continue;
    if (message.id) ids.add(message.id);
    messages.push(message);
  }
  return { subject: clean(subjectEl.textContent), threadId: idOf(subjectEl) ?? urlThreadId, messages };
}

/** The signed-in user's addresses the page shows (Gmail puts the account in the title). */
export function ownEmailsFromTitle(title: string): string[] {
  return [...new Set((title.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).map((e) => e.toLowerCase()))];
}
