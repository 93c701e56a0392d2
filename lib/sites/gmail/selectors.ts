/**
 * Where a Gmail thread's parts sit, era by era, best first. Gmail's class names are short and
 * obfuscated but have been stable for years; attributes that carry data (`email`, `name`,
 * `title`, `data-message-id`) come first. Sources: gmail.js and InboxSDK (research/selectors.md).
 */

export interface GmailCandidate {
  selector: string;
  era: string;
}

/** The element holding one open thread (its subject and messages). */
export const THREAD_ROOT: GmailCandidate[] = [
  { selector: '.nH.bkK', era: 'InboxSDK thread view root, 2018..2025' },
  { selector: '[role="main"]', era: 'any era: the main region' },
];

export const SUBJECT: GmailCandidate[] = [
  { selector: 'h2.hP', era: '2014..2025 (gmail.js)' },
  { selector: '.ha h2', era: 'InboxSDK subject container' },
];

export const THREAD_ID_ATTRS = [
  { attr: 'data-legacy-thread-id', era: '2018..2025: hex thread id on h2.hP' },
  { attr: 'data-thread-perm-id', era: '2018..2025: thread-f:<decimal>' },
];

/** One element per message, expanded or collapsed. */
export const MESSAGE: GmailCandidate[] = [
  { selector: '[data-message-id]', era: '2018-06+ (gmail.js #492): div.adn.ads / collapsed div.adf.ads' },
  { selector: '[data-legacy-message-id]', era: '2018-06+: legacy hex id only' },
];

export const SENDER: GmailCandidate[] = [
  { selector: 'span.gD[email]', era: '2014..2025 expanded header (gmail.js, InboxSDK td.gF)' },
  { selector: 'span.zF[email]', era: 'collapsed headers and thread lists' },
];

export const RECIPIENTS: GmailCandidate[] = [
  { selector: 'span.g2[email]', era: '2014..2025 (gmail.js)' },
  { selector: '.hb span[email]', era: 'InboxSDK recipients wrapper' },
];

/** The full date is in the `title` of the timestamp. */
export const DATE: GmailCandidate[] = [
  { selector: 'span.g3[title]', era: '2014..2025 (gmail.js, InboxSDK .gK .g3)' },
  { selector: '.gK [title]', era: 'InboxSDK date cell' },
];

/** Thread list rows: their presence with no thread open is the inbox (stay quiet). */
export const THREAD_LIST_ROW = 'tr.zA';
