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

/**
 * The reading pane (Settings → Inbox → Reading pane): the thread list and the open thread sit side
 * by side in one container while the address ends in the thread's token.
 */
export const READING_PANE: GmailCandidate[] = [
  { selector: '[gh="tl"].aia', era: 'gmail.js is_preview_pane (2015..2026): the list [gh=tl] carries .aia in reading-pane mode' },
  { selector: '[role="main"] .aia', era: 'InboxSDK getPreviewPaneContainerElement (2018..2026); the thread is .a98.iY inside .ao9 since 2023-11-30' },
];

/**
 * Long threads: Gmail folds the middle into one "N older messages" line. The number is the text
 * of `.adx span` in the folded message element `.adv`, language-independent.
 */
export const HIDDEN_COUNT: GmailCandidate[] = [{ selector: '.adv .adx span', era: 'InboxSDK gmail-thread-view.ts #updateHiddenNotice (2018-10..2026)' }];

/** Folded ("super-collapsed") message elements: no sender, date or id to read until expanded. */
export const HIDDEN_MESSAGE: GmailCandidate[] = [{ selector: '.kQ, .kx', era: 'InboxSDK gmail-message-view.ts getViewState: kQ or kx = HIDDEN (2014..2026)' }];

/** Thread list rows: their presence with no thread open is the inbox (stay quiet). */
export const THREAD_LIST_ROW = 'tr.zA';

/*
 * Compose windows. Sources: KartikTalwar/gmail.js src/gmail.js @ b7dfdabc (api.dom.compose),
 * InboxSDK/InboxSDK src/platform-implementation-js/dom-driver/gmail/views/gmail-compose-view.ts and
 * gmail-compose-view/page-parser.ts @ a8a6fe2c, and a real new-message window saved in
 * evan-brass/js-min examples/instantiate-performance/index.mjs @ ec4d9055 (2020-10-01).
 */

/** One compose form: a new message, an inline reply or forward, or a pop-out. */
export const COMPOSE: GmailCandidate[] = [
  { selector: 'div.M9', era: '2014..2026: gmail.js api.dom.composes(); InboxSDK inline replies; js-min 2020-10 real window' },
  // Every compose form carries its id in a hidden input (InboxSDK reads it from every compose).
  { selector: 'input[name="composeid"]', era: '2014..2026 hidden input; the compose is its [role=region]' },
];

/** Where a compose sits. */
export const COMPOSE_INLINE: GmailCandidate[] = [
  { selector: '.ip.adB', era: "InboxSDK gmail-message-view.ts: a message's reply container, .adB while a reply is open" },
  { selector: '.AO', era: 'gmail.js is_inline(): inside the main content area' },
];
export const COMPOSE_WINDOW: GmailCandidate[] = [
  { selector: '.AD', era: 'gmail.js / InboxSDK: the floating compose windows at the bottom of the page (div.dw … div.AD)' },
];
export const COMPOSE_POPOUT: GmailCandidate[] = [{ selector: 'body.xE.xp', era: 'InboxSDK isStandaloneComposeWindow: a compose in a window of its own' }];

/** The response-type button shows the forward icon (.mI) when the compose forwards. */
export const COMPOSE_FORWARD: GmailCandidate[] = [{ selector: '.Un.J-JN-M-I .mI', era: 'InboxSDK isForward (2019-04..2026)' }];

/** Recipient chips, each with its address in an attribute; the field is the enclosing [name]. */
export const COMPOSE_RECIPIENT: GmailCandidate[] = [
  {
    selector: '[name="to"] [data-hovercard-id], [name="cc"] [data-hovercard-id], [name="bcc"] [data-hovercard-id]',
    era: '2021-10..2026 chips: div.anm[name] [role=listbox] [role=option][data-name][data-hovercard-id] (InboxSDK page-parser), gmail.js peoplekit',
  },
  {
    selector: '.vR > input[type="hidden"][name]',
    era: '2014..2021 chips .vR: a hidden input named to/cc/bcc holding "Name <address>" (InboxSDK getRecipientChips, gmail.js)',
  },
];

/** Where the user types recipients not yet turned into chips. */
export const COMPOSE_RECIPIENT_INPUT: GmailCandidate[] = [
  { selector: 'textarea[name="to"], textarea[name="cc"], textarea[name="bcc"]', era: '2014..2021 textarea.vO (js-min 2020-10 real)' },
  { selector: '[name="to"] input, [name="cc"] input, [name="bcc"] input', era: '2021-10..2026 peoplekit input (gmail.js div[name=to] input)' },
];

export const COMPOSE_SUBJECT: GmailCandidate[] = [
  { selector: 'input[name="subjectbox"]', era: '2014..2026 (gmail.js, InboxSDK, js-min 2020-10 real)' },
  { selector: 'input[name="subject"]', era: 'hidden copy of the subject (gmail.js subject())' },
];

/**
 * Hidden inputs of every compose form (js-min 2020-10 real: composeid, draft, rt, lts, rm, subject…),
 * their values prefixed with "#" in the sync era.
 */
export const COMPOSE_THREAD_ID: GmailCandidate[] = [
  { selector: 'input[name="rt"]', era: '2018..2026: "#thread-f:…", "#thread-a:r…" for a new message, or "thread-f:…|msg-f:…" (gmail.js thread_id)' },
];
export const COMPOSE_LEGACY_THREAD_ID: GmailCandidate[] = [
  { selector: 'input[name="lts"]', era: '2018..2026: the legacy hex thread id of a reply (InboxSDK #setupIDs)' },
];
export const COMPOSE_DRAFT_ID: GmailCandidate[] = [
  { selector: 'input[name="draft"]', era: '2018..2026: "#msg-a:r…", empty until the first save (InboxSDK #getDraftIDfromForm)' },
];
export const COMPOSE_REPLY_TO: GmailCandidate[] = [{ selector: 'input[name="rm"]', era: '2018..2026: the message replied to (InboxSDK #getTargetMessageID)' }];

/** The send button, language-independent rungs first. */
export const COMPOSE_SEND: GmailCandidate[] = [
  {
    selector: '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])',
    era: 'InboxSDK getSendButton (2019-04..2026): not send-and-archive (.Uo), not the schedule menu',
  },
  { selector: 'div.T-I.aoO[role="button"]', era: 'js-min 2020-10 real: div.T-I.J-J5-Ji.aoO.v7.T-I-atl.L3' },
  { selector: '[role="button"][data-tooltip^="Send"]', era: 'English UI only: data-tooltip "Send (Ctrl-Enter)"' },
];

/** The row of the compose's bottom bar (send, formatting, attach, more): a control can be added as a cell. */
export const COMPOSE_TOOLBAR: GmailCandidate[] = [
  { selector: 'tr.btC', era: 'js-min 2020-10 real: table.IZ > tbody > tr.btC (InboxSDK adds its td.gU before .oc here)' },
  { selector: '.aDh table[role="group"] tr', era: 'js-min 2020-10 real: div.aDh > table.IZ[role=group]; InboxSDK getBottomBarTable .aoP .aDh > table' },
];
