/**
 * Gmail addresses, read from their structure. Whether a thread is open is decided by where a
 * segment sits (after a known list view and its argument), never by what an id looks like: real
 * thread tokens are letters only (`FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF`), older ones start `Qgrc`,
 * legacy ids are 16 hex digits, and pop-out windows carry `thread-f:<decimal>` in the query.
 *
 * Real examples (every one is in tests/unit/gmail-url.test.ts with its source):
 * - https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF
 * - https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXKWpRrCNjZtpMfGzgbmVzGtMQ?compose=GTvVlcRzBlSNxdTpwNDQtwWDJVBGfNxQbDBxxLgtZnMk
 * - https://mail.google.com/mail/u/1/#sent/FMfcgzGtxSqKxSlbMnqlMXzDdMCjtvjs?projector=1&messagePartId=0.1
 * - https://mail.google.com/mail/u/0/#search/5454585585567566/FMfcgzQXJkXtQDQWbQcgGHhzgfQPLlzk
 * - https://mail.google.com/mail/u/0/popout?ver=w4viue472nmr&search=inbox&th=%23thread-f:1845457786107077869&cvid=1
 * - https://mail.google.com/mail/u/0/?ik=19607ceb91&view=pt&search=all&permthid=thread-f:1869336999564282213&simpl=msg-f:1869336999564282213
 * Not threads: #inbox, #inbox?compose=new, #inbox/p2, #label/INBOX%2FIRs, #search/acme,
 * #settings/general, #drafts?projector=1, https://mail.google.com/chat/…
 */

/** What a Gmail address says about the page. */
export interface GmailAddress {
  /** The signed-in account slot (`/mail/u/1/` → 1); null when the address names none (`/mail/`). */
  account: number | null;
  /**
   * Where the user is: the first hash segment as Gmail writes it (`inbox`, `sent`, `all`, `label`,
   * `search`, `category`, `starred`, `imp`, `settings`, …), or `popout` / `print` / `compose` for a
   * window of its own. Null when the address names nothing we know.
   */
  view: string | null;
  /** The label, search words or category of the view, decoded (`INBOX/IRs`, `🔧 NOIZYLAB/Support`); null when the view takes none. */
  viewArg: string | null;
  /** The list page (`#inbox/p2` → 2); null when the address names none. */
  page: number | null;
  /** The open thread as the address names it: a token, a legacy hex id, or `thread-f:…`/`thread-a:…` in a window of its own. */
  threadId: string | null;
  /** A compose window is open over the page (`?compose=` after the hash, or a compose window of its own). */
  composeOpen: boolean;
  /** An attachment preview is open over the page (`?projector=1` after the hash). */
  preview: boolean;
  /** The page is a window of its own (pop-out or print), without Gmail's lists and navigation. */
  standalone: boolean;
}

/** List views that take no argument: `#inbox`, `#inbox/p2`, `#inbox/<thread>`. */
const PLAIN_VIEWS = new Set(['inbox', 'starred', 'snoozed', 'imp', 'sent', 'scheduled', 'drafts', 'all', 'spam', 'trash', 'chats']);

/**
 * List views whose first segment is an argument: `#label/<name>/<thread>`, `#search/<words>/<thread>`.
 * InboxSDK's route table (gmail-route-processor.ts) maps these names to its LABEL and SEARCH routes.
 */
const ARG_VIEWS = new Set(['label', 'search', 'category', 'advanced-search', 'apps', 'circle']);

/** `p2`: a page of a list (InboxSDK's compatible route ids `inbox/p:page`, `search/:query/p:page`). */
const PAGE = /^p(\d+)$/;

/** Decodes a hash segment as Gmail writes it: `+` for spaces, the rest percent-encoded. */
function decodeSegment(segment: string): string {
  const spaced = segment.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** A thread id given in a query (`th=%23thread-f:…`, `permthid=thread-f:…`, `th=<hex>`), without Gmail's leading `#`. */
function queryThreadId(params: URLSearchParams): string | null {
  const raw = params.get('permthid') ?? params.get('th');
  const id = raw?.trim().replace(/^#/, '');
  return id ? id : null;
}

function standaloneAddress(url: URL, account: number | null): GmailAddress | null {
  const base = { account, viewArg: null, page: null, preview: false, standalone: true };
  const params = url.searchParams;
  if (url.pathname.replace(/\/+$/, '').endsWith('/popout')) {
    return { ...base, view: 'popout', threadId: queryThreadId(params), composeOpen: false };
  }
  switch (params.get('view')) {
    case 'btop': // the classic pop-out; with `#attid…` and no `th` it shows an attachment instead
      return { ...base, view: 'popout', threadId: queryThreadId(params), composeOpen: false };
    case 'pt': // "Print all": the thread's messages in a plain page
      return { ...base, view: 'print', threadId: queryThreadId(params), composeOpen: false };
    case 'cm':
      return { ...base, view: 'compose', threadId: null, composeOpen: true };
    case null:
      return null;
    default: // attachments (`view=att`) and other pages that are not mail views
      return { ...base, view: null, threadId: null, composeOpen: false };
  }
}

/** Reads a Gmail address; null when it is not a Gmail mail page at all. */
export function parseGmailAddress(href: string): GmailAddress | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.hostname !== 'mail.google.com' || !url.pathname.startsWith('/mail/')) return null;
  const slot = /^\/mail\/u\/(\d+)(?:\/|$)/.exec(url.pathname);
  const account = slot ? Number(slot[1]) : null;

  const standalone = standaloneAddress(url, account);
  if (standalone) return standalone;

  const hash = url.hash.replace(/^#/, '');
  const queryAt = hash.indexOf('?');
  const path = queryAt === -1 ? hash : hash.slice(0, queryAt);
  const overlay = new URLSearchParams(queryAt === -1 ? '' : hash.slice(queryAt + 1));
  const segments = path.split('/');
  const first = segments[0] ?? '';
  // An address without a hash opens the inbox (InboxSDK get-url-object.ts does the same).
  const view = first === '' ? 'inbox' : decodeSegment(first);

  let viewArg: string | null = null;
  let rest = segments.slice(1);
  if (ARG_VIEWS.has(view)) {
    viewArg = rest[0] ? decodeSegment(rest[0]) : null;
    rest = rest.slice(1);
  }

  let page: number | null = null;
  let threadId: string | null = null;
  if (PLAIN_VIEWS.has(view) || (ARG_VIEWS.has(view) && viewArg !== null)) {
    // One more segment after the view (and its argument) is a page or the open thread; an
    // address with more than that is one we do not know, so it names no thread.
    if (rest.length === 1 && rest[0] !== '') {
      const pageMatch = PAGE.exec(rest[0]!);
      if (pageMatch) page = Number(pageMatch[1]);
      else threadId = decodeSegment(rest[0]!);
    }
  }

  return {
    account,
    view,
    viewArg,
    page,
    threadId,
    composeOpen: overlay.has('compose'),
    preview: overlay.get('projector') === '1',
    standalone: false,
  };
}

/** The thread id in a Gmail address, or null when no thread is open. */
export function threadIdFromUrl(href: string): string | null {
  return parseGmailAddress(href)?.threadId ?? null;
}

/** Whether a Gmail address has a thread open (in the main window, a pop-out or a print page). */
export function isThreadView(href: string): boolean {
  return threadIdFromUrl(href) !== null;
}
