import { describe, expect, it } from 'vitest';
import { isThreadView, parseGmailAddress, threadIdFromUrl, type GmailAddress } from '../../lib/sites/gmail/url';

/**
 * Every address below was quoted in public material; none was made up. Sources:
 * - [R] shared/research/gmail-addresses.md (every row and every "other form" of that file). Where
 *   the file elides a token (`FMfcg…`) the address is kept as quoted: the structure alone says a
 *   thread is open, whatever the token.
 * - [R+] a form the research file names without a token (`#starred/…`), completed with a real
 *   token of the same file (`FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF`).
 * - [ISDK] InboxSDK/InboxSDK __tests__/injected-thread-identifier.ts @ a8a6fe2c9e69b0e70dbdc5c03fea517644e9e3e9:
 *   the window a ctrl-click on a thread row opens, `?ui=2&view=btop&…&th=<hex>`, relative to the
 *   Gmail page (here /mail/u/0/). The same repository reads `th` from the query "on a standalone
 *   thread page" (gmail-route-view.ts) and pop-outs live at `/popout` (main.ts).
 * - [RW43] Rob--W/dont-track-me-google issue #43 (2021-03-10): "I tried to pop-out the email
 *   thread … The URL it opened is: https://mail.google.com/mail/u/0/?ui=2&view=btop&ver=i7iyx0m0rxgx&search=inbox&th=%23thread-"
 *   (cut there in the thread; only its shape is used, in the comment).
 * - [IDX n] a public GitHub file found with the code index's exact-string search; the index gives
 *   the file's id n, not its repository:
 *   - 26310339236: research notes linking a popped-out thread;
 *   - 38915694117: an Apps Script that reads AliExpress order mail, quoting two search addresses and
 *     the pop-out of the same thread;
 *   - 60797656746, 31131952262, 1035214229: printed Gmail threads ("Print all" page footers; the
 *     second is a saved page's `<!-- saved from url=… -->` line);
 *   - 47343608796: an inline image opened from a message (`view=btop` with `#attid…`, no thread).
 * - [GJS] KartikTalwar/gmail.js README.md @ b7dfdabc19060721426e93dba85b3f6b6d60a211: an
 *   attachment download address (`view=att`).
 * - [BILL] Bill/Bill.github.io _posts/2008-06-06-usable-gmail-thread-url-arrives.markdown (2008).
 * - [BISON] https://bison.jp/cloud/791.html (a blog post on Gmail permalinks).
 * - [MK] jstedfast/MailKit issue #1003 (2020-03-27): a 2020 token with vowels in it.
 */

type Want = Partial<GmailAddress> & { threadId: string | null };

const THREADS: [string, string, Want][] = [
  // [R] rows of the table
  [
    'R',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF',
    { account: 0, view: 'inbox', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', composeOpen: false, preview: false },
  ],
  [
    'R',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJkcLPCXjzvlvtbTRQpGQkFsr',
    { account: 0, view: 'inbox', threadId: 'FMfcgzQXJkcLPCXjzvlvtbTRQpGQkFsr' },
  ],
  ['R', 'https://mail.google.com/mail/u/0/#inbox/FMfcgxwJZJdDFgzPGnxvMLsbbXMCdJvV', { view: 'inbox', threadId: 'FMfcgxwJZJdDFgzPGnxvMLsbbXMCdJvV' }],
  [
    'R',
    'https://mail.google.com/mail/u/1/#inbox/FMfcgxwLsdKmRRrkzPZrhMDXxGWBsbCP',
    { account: 1, view: 'inbox', threadId: 'FMfcgxwLsdKmRRrkzPZrhMDXxGWBsbCP' },
  ],
  [
    'R',
    'https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXKWpRrCNjZtpMfGzgbmVzGtMQ?compose=GTvVlcRzBlSNxdTpwNDQtwWDJVBGfNxQbDBxxLgtZnMk',
    { account: 0, view: 'inbox', threadId: 'FMfcgzQXKWpRrCNjZtpMfGzgbmVzGtMQ', composeOpen: true, preview: false },
  ],
  ['R', 'https://mail.google.com/mail/u/0/#sent/FMfcgzGtxdZHdbnmwmvsgWfjDjXMQxfg', { view: 'sent', threadId: 'FMfcgzGtxdZHdbnmwmvsgWfjDjXMQxfg' }],
  [
    'R',
    'https://mail.google.com/mail/u/1/#sent/FMfcgzGtxSqKxSlbMnqlMXzDdMCjtvjs?projector=1&messagePartId=0.1',
    { account: 1, view: 'sent', threadId: 'FMfcgzGtxSqKxSlbMnqlMXzDdMCjtvjs', preview: true, composeOpen: false },
  ],
  [
    'R',
    'https://mail.google.com/mail/u/0/#inbox/QgrcJHsTfQgVhDSJBNQBGTzQNLwzGBhqxbv?projector=1',
    { view: 'inbox', threadId: 'QgrcJHsTfQgVhDSJBNQBGTzQNLwzGBhqxbv', preview: true },
  ],
  [
    'R',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgxwBTsjmdrfdWctjPMJfhbCgBKlc?projector=1&messagePartId=0.3',
    { threadId: 'FMfcgxwBTsjmdrfdWctjPMJfhbCgBKlc', preview: true },
  ],
  ['R', 'https://mail.google.com/mail/u/0/#all/18f14df7a6c43b2a', { view: 'all', threadId: '18f14df7a6c43b2a' }],
  ['R', 'https://mail.google.com/mail/u/0/#label/Work/FMfcg…', { view: 'label', viewArg: 'Work', threadId: 'FMfcg…' }],
  ['R', 'https://mail.google.com/mail/u/0/#search/acme/FMfcg…', { view: 'search', viewArg: 'acme', threadId: 'FMfcg…' }],
  // [R] "other forms to expect", as quoted
  ['R', 'https://mail.google.com/mail/u/0/#starred/…', { view: 'starred', threadId: '…' }],
  ['R', 'https://mail.google.com/mail/u/0/#category/promotions/…', { view: 'category', viewArg: 'promotions', threadId: '…' }],
  // [R+] the same forms with a real token
  ['R+', 'https://mail.google.com/mail/u/0/#starred/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'starred', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  ['R+', 'https://mail.google.com/mail/u/0/#imp/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'imp', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  [
    'R+',
    'https://mail.google.com/mail/u/0/#category/promotions/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF',
    { view: 'category', viewArg: 'promotions', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' },
  ],
  ['R+', 'https://mail.google.com/mail/u/0/#spam/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'spam', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  ['R+', 'https://mail.google.com/mail/u/0/#trash/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'trash', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  ['R+', 'https://mail.google.com/mail/u/0/#snoozed/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'snoozed', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  ['R+', 'https://mail.google.com/mail/u/0/#scheduled/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'scheduled', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  ['R+', 'https://mail.google.com/mail/u/0/#drafts/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'drafts', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  ['R+', 'https://mail.google.com/mail/u/0/#chats/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', { view: 'chats', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' }],
  [
    'R+',
    'https://mail.google.com/mail/u/0/#label/%F0%9F%94%A7+NOIZYLAB%2FSupport/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF',
    { view: 'label', viewArg: '🔧 NOIZYLAB/Support', threadId: 'FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF' },
  ],
  // [IDX 38915694117] search words that are all digits: the position, not the shape, tells
  [
    'IDX 38915694117',
    'https://mail.google.com/mail/u/0/#search/5454585585567566/FMfcgzQXJkXtQDQWbQcgGHhzgfQPLlzk',
    { view: 'search', viewArg: '5454585585567566', threadId: 'FMfcgzQXJkXtQDQWbQcgGHhzgfQPLlzk' },
  ],
  [
    'IDX 38915694117',
    'https://mail.google.com/mail/u/0/#search/5454585585567566/FMfcgzQXJkXtQDPtrSrFQBBLBqjzSGKn',
    { view: 'search', threadId: 'FMfcgzQXJkXtQDPtrSrFQBBLBqjzSGKn' },
  ],
  // [MK] a token with vowels, [BILL] and [BISON] addresses without /u/N
  ['MK', 'https://mail.google.com/mail/u/0/#inbox/FMfcgxwHAZOFGHxBgcpDrsNLvkDgPzDz', { view: 'inbox', threadId: 'FMfcgxwHAZOFGHxBgcpDrsNLvkDgPzDz' }],
  ['BILL', 'https://mail.google.com/mail/?zx=mca2fxr2r24c#inbox/11a5bb2474f4842d', { account: null, view: 'inbox', threadId: '11a5bb2474f4842d' }],
  [
    'BISON',
    'https://mail.google.com/mail/#label/_Business/12e274e35ad122f5',
    { account: null, view: 'label', viewArg: '_Business', threadId: '12e274e35ad122f5' },
  ],
  // Windows of their own: the thread id is in the query
  [
    'IDX 26310339236',
    'https://mail.google.com/mail/u/0/popout?ver=w4viue472nmr&search=inbox&th=%23thread-f:1845457786107077869&cvid=1',
    { account: 0, view: 'popout', threadId: 'thread-f:1845457786107077869', standalone: true, composeOpen: false },
  ],
  [
    'IDX 38915694117',
    'https://mail.google.com/mail/u/0/popout?ver=mca2oziyi6fc&q=5454585585567566&qs=true&qid=F21EAB37-6ADA-46E6-816D-70055B3BA5B7&cmembership=1&search=query&silk=91494CEC-B592-473F-B52A-682D5C3CBE10&th=%23thread-f%3A1813691637966661266&qt=5454.1.5454585585567566.1.5855.1.7566.1.8556.1&cvid=1',
    { view: 'popout', threadId: 'thread-f:1813691637966661266', standalone: true },
  ],
  [
    'ISDK',
    'https://mail.google.com/mail/u/0/?ui=2&view=btop&ver=v0f5rr5r5c17&search=inbox&th=14a5f1c5ad340727&cvid=1',
    { view: 'popout', threadId: '14a5f1c5ad340727', standalone: true },
  ],
  [
    'IDX 60797656746',
    'https://mail.google.com/mail/u/0/?ik=19607ceb91&view=pt&search=all&permthid=thread-f:1869336999564282213&simpl=msg-f:1869336999564282213',
    { view: 'print', threadId: 'thread-f:1869336999564282213', standalone: true },
  ],
  [
    'IDX 31131952262',
    'https://mail.google.com/mail/u/0/?ik=f04b06c1cd&view=pt&search=all&permthid=thread-f:1763115053482060564&simpl=msg-f:1763115053482060564',
    { view: 'print', threadId: 'thread-f:1763115053482060564' },
  ],
  [
    'IDX 1035214229',
    'https://mail.google.com/mail/u/2/?ik=a2c2f5744f&view=pt&search=all&permthid=thread-a:r-1768641518372327616&simpl=msg-a:r3717369982912144047',
    { account: 2, view: 'print', threadId: 'thread-a:r-1768641518372327616' },
  ],
];

const NOT_THREADS: [string, string, Partial<GmailAddress>][] = [
  // [R] a compose window over the inbox, label lists, list overlays
  ['R', 'https://mail.google.com/mail/u/0/#inbox?compose=new', { view: 'inbox', composeOpen: true }],
  ['R', 'https://mail.google.com/mail/u/0/#label/INBOX%2FIRs', { view: 'label', viewArg: 'INBOX/IRs' }],
  ['R', 'https://mail.google.com/mail/u/0/#label/%F0%9F%94%A7+NOIZYLAB%2FSupport', { view: 'label', viewArg: '🔧 NOIZYLAB/Support' }],
  ['R', 'https://mail.google.com/mail/u/2/#inbox?projector=1', { account: 2, view: 'inbox', preview: true }],
  ['R', 'https://mail.google.com/mail/u/2/#drafts?projector=1', { view: 'drafts', preview: true }],
  // [R+] the list and settings forms named in the research file
  ['R+', 'https://mail.google.com/mail/u/0/#inbox', { view: 'inbox' }],
  ['R+', 'https://mail.google.com/mail/u/0/#search/acme', { view: 'search', viewArg: 'acme' }],
  ['R+', 'https://mail.google.com/mail/u/0/#settings/general', { view: 'settings' }],
  ['R+', 'https://mail.google.com/mail/u/0/?ogbl', { view: 'inbox' }],
  // [ISDK] pages of a list: `inbox/p:page`, `search/:query/p:page`
  ['ISDK', 'https://mail.google.com/mail/u/0/#inbox/p2', { view: 'inbox', page: 2 }],
  ['ISDK', 'https://mail.google.com/mail/u/0/#search/acme/p3', { view: 'search', viewArg: 'acme', page: 3 }],
  // [IDX 47343608796] an inline image in a window of its own; [GJS] an attachment download
  [
    'IDX 47343608796',
    'https://mail.google.com/mail/u/0/?ui=2&view=btop&ver=1nfmdm77qufm3#attid%253Datt_17986152e4c02264_0.1_c4fee3b5_724af093_9b4a92b1_451c64fb_8e6284df%25252Fimage1.jpeg',
    { view: 'popout', standalone: true },
  ],
  [
    'GJS',
    'https://mail.google.com/mail/?ui=2&ik=94da28fb67&attid=0.1&permmsgid=msg-f:1581064946762017791&th=15f1123136926bff&view=att&zw',
    { view: null, standalone: true },
  ],
];

describe('parseGmailAddress: every real address', () => {
  it.each(THREADS)('[%s] %s opens a thread', (_source, href, want) => {
    const got = parseGmailAddress(href);
    expect(got).toMatchObject(want);
    expect(threadIdFromUrl(href)).toBe(want.threadId);
    expect(isThreadView(href)).toBe(true);
  });

  it.each(NOT_THREADS)('[%s] %s opens no thread', (_source, href, want) => {
    expect(parseGmailAddress(href)).toMatchObject({ ...want, threadId: null });
    expect(isThreadView(href)).toBe(false);
  });

  it('reads the whole address, not just the thread', () => {
    expect(parseGmailAddress('https://mail.google.com/mail/u/1/#sent/FMfcgzGtxSqKxSlbMnqlMXzDdMCjtvjs?projector=1&messagePartId=0.1')).toEqual({
      account: 1,
      view: 'sent',
      viewArg: null,
      page: null,
      threadId: 'FMfcgzGtxSqKxSlbMnqlMXzDdMCjtvjs',
      composeOpen: false,
      preview: true,
      standalone: false,
    });
  });

  it.each(['https://mail.google.com/chat/u/0/', 'https://evil.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', 'not an address'])(
    '%s is not a Gmail mail page',
    (href) => {
      expect(parseGmailAddress(href)).toBeNull();
      expect(isThreadView(href)).toBe(false);
    },
  );
});
