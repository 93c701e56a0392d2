import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractThread } from '../../lib/sites/gmail/extract';
import { findComposes, readCompose } from '../../lib/sites/gmail/compose';
import * as selectors from '../../lib/sites/gmail/selectors';
import type { GmailCandidate } from '../../lib/sites/gmail/selectors';
import { FIXTURES, fixtureNames, loadPage } from './helpers/fixtures';

/** Local wall-clock time, as Gmail's titles give it, as an ISO instant. */
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();

/**
 * A whole saved page as a document (the body's own classes matter for pop-out windows). Parsed,
 * never run: the test environment evaluates no scripts and loads nothing.
 */
const loadDocument = (file: string) => new DOMParser().parseFromString(readFileSync(join(FIXTURES, 'gmail', file), 'utf8'), 'text/html');

// Real-form addresses (tokens from shared/research/gmail-addresses.md; forms tested in gmail-url.test.ts).
const U0 = 'https://mail.google.com/mail/u/0/';
// `?view=cm&fs=1&tf=1` as a public Gmail notifier builds its compose-window address (code index file 22576000254).
const COMPOSE_WINDOW_URL = `${U0}?view=cm&fs=1&tf=1`;

interface PageExpectation {
  /** What location.href would be. */
  url: string;
  /** The open thread in short, or null when the page must stay quiet. */
  thread: { subject: string; messages: number; hiddenCount: number | null; readingPane: boolean } | null;
  composes: number;
}

const EXPECTED: Record<string, PageExpectation> = {
  '2014-12_inbox-list__inboxsdk.html': { url: `${U0}#inbox`, thread: null, composes: 0 },
  '2018-06_thread_new-gmail__synthetic.html': {
    url: `${U0}#inbox/16403a1f0c2b9e77`,
    thread: { subject: 'Pricing for the Q3 rollout', messages: 2, hiddenCount: 0, readingPane: false },
    composes: 0,
  },
  '2018-06_thread_long-folded_cs__synthetic.html': {
    url: `${U0}#inbox/FMfcgzQXJkcLPCXjzvlvtbTRQpGQkFsr`,
    thread: { subject: 'Smlouva na pilotní provoz', messages: 4, hiddenCount: 8, readingPane: false },
    composes: 0,
  },
  '2020-10_compose-new-window-over-inbox__synthetic.html': { url: `${U0}#inbox?compose=new`, thread: null, composes: 1 },
  '2022-10_thread_collapsed__synthetic.html': {
    url: `${U0}#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF`,
    thread: { subject: 'Globex pilot: next steps', messages: 4, hiddenCount: 0, readingPane: false },
    composes: 0,
  },
  '2023-11_thread_zh-CN__synthetic.html': {
    url: `${U0}#inbox/18bed41c2f9a7a10`,
    thread: { subject: '关于华信科技的报价', messages: 2, hiddenCount: 0, readingPane: false },
    composes: 0,
  },
  '2024-05_thread_ai-suggestions__synthetic.html': {
    url: `${U0}#inbox/18f76a5b4c3d2e1f`,
    thread: { subject: 'Intro: Rossi Consulting × Northwind', messages: 1, hiddenCount: 0, readingPane: false },
    composes: 0,
  },
  '2024-10_compose-popout-forward__synthetic.html': { url: COMPOSE_WINDOW_URL, thread: null, composes: 1 },
  '2025-01_reading-pane_pl__synthetic.html': {
    url: `${U0}#inbox/FMfcgzQXJkcLPCXjzvlvtbTRQpGQkFsr`,
    thread: { subject: 'Wycena wdrożenia w Q1', messages: 2, hiddenCount: 0, readingPane: true },
    composes: 0,
  },
  '2025-10_thread_inline-reply__synthetic.html': {
    url: `${U0}#inbox/FMfcgxwJZJdDFgzPGnxvMLsbbXMCdJvV`,
    thread: { subject: 'Partnership call next week', messages: 1, hiddenCount: 0, readingPane: false },
    composes: 1,
  },
};

const files = fixtureNames('gmail');

describe('every saved Gmail page', () => {
  it('has an expectation for every fixture', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (file) => {
    const want = EXPECTED[file]!;
    const page = loadDocument(file);
    const thread = extractThread(page, want.url);
    expect(thread && { subject: thread.subject, messages: thread.messages.length, hiddenCount: thread.hiddenCount, readingPane: thread.readingPane }).toEqual(
      want.thread,
    );
    expect(findComposes(page)).toHaveLength(want.composes);
  });
});

describe('the reading pane: the list and the open thread side by side', () => {
  const file = '2025-01_reading-pane_pl__synthetic.html';
  const url = EXPECTED[file]!.url;

  it('reads the open thread, not the list beside it, with Polish dates', () => {
    const page = loadPage(`gmail/${file}`);
    expect(page.querySelectorAll('tr.zA')).toHaveLength(6);
    const thread = extractThread(page, url)!;
    expect(thread.threadId).toBe('19451c249e14dc3f');
    expect(thread.permThreadId).toBe('thread-f:1820892567937801279');
    expect(thread.readingPane).toBe(true);
    expect(thread.messages.map((m) => [m.id, m.from, m.at, m.collapsed, m.to, m.missing])).toEqual([
      ['msg-f:1820892567937801279', { email: 'kim.lee@acme-robotics.com', name: 'Kim Lee' }, local(2025, 1, 10, 19, 47), true, [], []],
      [
        'msg-f:1821880784437858633',
        { email: 'kim.lee@acme-robotics.com', name: 'Kim Lee' },
        local(2025, 1, 21, 17, 35),
        false,
        [{ email: 'jane.rep@northwind.io', name: 'Jane Rep' }],
        [],
      ],
    ]);
  });

  it("prefers the pane's thread over an earlier thread view Gmail kept in the page", () => {
    const page = loadPage(`gmail/${file}`);
    const stale = loadPage('gmail/2022-10_thread_collapsed__synthetic.html').querySelector('.nH.bkK')!;
    page.querySelector('[role="main"]')!.before(stale);
    expect(extractThread(page, url)!.subject).toBe('Wycena wdrożenia w Q1');
  });

  it("stays quiet when no thread is selected (the address is the list's)", () => {
    const page = loadPage(`gmail/${file}`);
    page.querySelector('.ao9')!.remove();
    expect(extractThread(page, `${U0}#inbox`)).toBeNull();
    expect(extractThread(page, url)).toBeNull();
  });
});

describe('long threads: the "N older messages" fold', () => {
  const file = '2018-06_thread_long-folded_cs__synthetic.html';
  const url = EXPECTED[file]!.url;

  it('reads what is shown, Czech dates included, and says how many are folded', () => {
    const thread = extractThread(loadPage(`gmail/${file}`), url)!;
    expect(thread.hiddenCount).toBe(8);
    expect(thread.messages.map((m) => [m.id, m.from?.email, m.at, m.collapsed])).toEqual([
      ['msg-f:1603171109786600032', 'petr.novak@stavby-morava.cz', local(2018, 6, 13, 15, 18), true],
      ['msg-f:1603376909485932601', 'jane.rep@northwind.io', local(2018, 6, 15, 21, 49), true],
      ['msg-f:1603376994923202634', 'petr.novak@stavby-morava.cz', local(2018, 6, 15, 21, 50), true],
      ['msg-f:1603380395240179639', 'jane.rep@northwind.io', local(2018, 6, 15, 22, 45), false],
    ]);
    expect(thread.messages[3]!.to.map((p) => p.email)).toEqual(['petr.novak@stavby-morava.cz', 'eva.dvorakova@stavby-morava.cz']);
  });

  it('reports the count unknown, not zero, when the fold shows no number', () => {
    const page = loadPage(`gmail/${file}`);
    page.querySelector('.adx')!.remove();
    expect(extractThread(page, url)!.hiddenCount).toBeNull();
  });

  it('counts nothing folded once the fold is opened (its elements lose kQ)', () => {
    const page = loadPage(`gmail/${file}`);
    for (const el of page.querySelectorAll('.kQ')) el.classList.remove('kQ');
    expect(extractThread(page, url)!.hiddenCount).toBe(0);
  });

  it('does not read a folded message that carries an id as a message', () => {
    const page = loadPage(`gmail/${file}`);
    page.querySelector('.kQ:not(.adv)')!.innerHTML = '<div class="adf ads" data-message-id="#msg-f:1603245801543734539"></div>';
    const thread = extractThread(page, url)!;
    expect(thread.messages.map((m) => m.id)).not.toContain('msg-f:1603245801543734539');
    expect(thread.messages).toHaveLength(4);
  });
});

describe('compose windows', () => {
  it('a new message in a window over the inbox (2020-10, classic chips)', () => {
    const page = loadDocument('2020-10_compose-new-window-over-inbox__synthetic.html');
    const [el] = findComposes(page);
    const compose = readCompose(el!);
    expect({ ...compose, sendButton: compose.sendButton?.getAttribute('aria-label'), toolbar: compose.toolbar?.className }).toEqual({
      kind: 'new',
      placement: 'window',
      recipients: [
        { email: 'kim.lee@acme-robotics.com', name: 'Kim Lee', field: 'to', typed: false },
        { email: 'tom.berg@acme-robotics.com', name: null, field: 'cc', typed: false },
      ],
      subject: 'Pilot kickoff: agenda',
      threadId: 'thread-a:r-7681922771531347793',
      legacyThreadId: null,
      replyToMessageId: null,
      draftId: 'msg-a:r-7673660351152959857',
      sendButton: 'Send (Ctrl-Enter)',
      toolbar: 'btC',
      missing: [],
    });
  });

  it("an inline reply inside a thread (2025-10 chips), whose ids match the thread's", () => {
    const page = loadDocument('2025-10_thread_inline-reply__synthetic.html');
    const composes = findComposes(page);
    expect(composes).toHaveLength(1);
    const compose = readCompose(composes[0]!);
    expect({ ...compose, sendButton: compose.sendButton?.getAttribute('aria-label'), toolbar: compose.toolbar?.className }).toEqual({
      kind: 'reply',
      placement: 'inline',
      recipients: [
        { email: 'lena.vogel@brightpath-labs.de', name: 'Lena Vogel', field: 'to', typed: false },
        { email: 'jonas.weber@brightpath-labs.de', name: 'Jonas Weber', field: 'to', typed: false },
      ],
      subject: 'Re: Partnership call next week',
      threadId: 'thread-f:1845457786107077869',
      legacyThreadId: '199c62142ce424ed',
      replyToMessageId: 'msg-f:1845457786107077869',
      draftId: 'msg-a:r-5459297729901660292',
      // Not "Send and archive", which sits first in the same group.
      sendButton: 'Send (Ctrl-Enter)',
      toolbar: 'btC',
      missing: [],
    });
    const thread = extractThread(page, EXPECTED['2025-10_thread_inline-reply__synthetic.html']!.url)!;
    expect([thread.permThreadId, thread.threadId]).toEqual([compose.threadId, compose.legacyThreadId]);
    // The reply's chips are not read as the message's recipients.
    expect(thread.messages[0]!.to).toEqual([{ email: 'jane.rep@northwind.io', name: 'Jane Rep' }]);
  });

  it('a forward in a window of its own, with an address still being typed', () => {
    const page = loadDocument('2024-10_compose-popout-forward__synthetic.html');
    const compose = readCompose(findComposes(page)[0]!);
    expect(compose).toMatchObject({
      kind: 'forward',
      placement: 'popout',
      recipients: [
        { email: 'priya.nair@globex.co.uk', name: 'Priya Nair', field: 'to', typed: false },
        { email: 'sam.okafor@globex.co.uk', name: null, field: 'to', typed: true },
      ],
      subject: 'Fwd: Order confirmation',
      threadId: 'thread-f:1813691637966661266',
      legacyThreadId: null,
      replyToMessageId: null,
      draftId: 'msg-a:r3717369982912144047',
      missing: [],
    });
  });

  it('finds a compose without its class by the compose id it carries', () => {
    const page = loadDocument('2020-10_compose-new-window-over-inbox__synthetic.html');
    page.querySelector('.M9')!.removeAttribute('class');
    const composes = findComposes(page);
    expect(composes.map((el) => el.getAttribute('role'))).toEqual(['region']);
    expect(readCompose(composes[0]!).draftId).toBe('msg-a:r-7673660351152959857');
  });

  it('reports what it cannot find instead of blanking it, and uses the English label only as a last resort', () => {
    const page = loadDocument('2025-10_thread_inline-reply__synthetic.html');
    const el = findComposes(page)[0]!;
    for (const input of el.querySelectorAll('input[name="subjectbox"], input[name="subject"], input[name="draft"]')) input.remove();
    el.querySelector('table.IZ')!.replaceWith(
      Object.assign(page.createElement('div'), { innerHTML: '<div role="button" data-tooltip="Send (Ctrl-Enter)">Send</div>' }),
    );
    const compose = readCompose(el);
    expect(compose.subject).toBeNull();
    expect(compose.draftId).toBeNull();
    expect(compose.sendButton?.textContent).toBe('Send');
    expect(compose.toolbar).toBeNull();
    expect(compose.missing).toEqual(['subject', 'draftId', 'toolbar']);
  });

  it('finds no compose in a thread without one', () => {
    expect(findComposes(loadDocument('2022-10_thread_collapsed__synthetic.html'))).toEqual([]);
  });
});

describe('Gmail selector table', () => {
  const pages = files.map((f) => loadDocument(f));
  const tables = Object.entries(selectors).flatMap(([table, value]) => {
    if (typeof value === 'string') return [[table, value] as const];
    if (Array.isArray(value) && value.every((c) => typeof (c as GmailCandidate).selector === 'string')) {
      return (value as GmailCandidate[]).map((c) => [table, c.selector] as const);
    }
    return [];
  });

  it('covers the tables it should', () => {
    expect(new Set(tables.map(([t]) => t))).toContain('COMPOSE_SEND');
    expect(tables.length).toBeGreaterThan(30);
  });

  it.each(tables)('%s rung %s matches at least one saved page', (_table, selector) => {
    expect(pages.filter((doc) => doc.querySelector(selector)).length).toBeGreaterThan(0);
  });

  it.each(selectors.THREAD_ID_ATTRS.map((a) => [a.attr]))('thread id attribute %s is on at least one saved page', (attr) => {
    expect(pages.filter((doc) => doc.querySelector(`[${attr}]`)).length).toBeGreaterThan(0);
  });
});
