import { describe, expect, it } from 'vitest';
import { extractThread, ownEmailsFromTitle } from '../../lib/sites/gmail/extract';
import { parseGmailDate } from '../../lib/sites/gmail/dates';
import { guessCompany } from '../../lib/sites/gmail/company';
import { loadPage } from './helpers/fixtures';

/** Local wall-clock time, as Gmail's titles give it, as an ISO instant. */
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();
// Real-form thread addresses (tokens from shared/research/gmail-addresses.md, legacy hex ids as the
// fixtures carry them); the address forms themselves are tested in gmail-url.test.ts.
const THREAD_URL = (id: string) => `https://mail.google.com/mail/u/0/#inbox/${id}`;

describe('Gmail thread extraction, every era', () => {
  it('2018-06 new Gmail: subject, thread id, messages with sender, recipients and dates', () => {
    const thread = extractThread(loadPage('gmail/2018-06_thread_new-gmail__synthetic.html'), THREAD_URL('16403a1f0c2b9e77'));
    expect(thread).toEqual({
      subject: 'Pricing for the Q3 rollout',
      threadId: '16403a1f0c2b9e77',
      permThreadId: 'thread-f:1603114298765432119',
      hiddenCount: 0,
      readingPane: false,
      messages: [
        {
          id: 'msg-f:1603114298765432119',
          from: { email: 'kim.lee@acme-robotics.com', name: 'Kim Lee' },
          to: [{ email: 'jane.rep@northwind.io', name: 'me' }],
          at: local(2018, 6, 14, 15, 5),
          collapsed: false,
          missing: [],
        },
        {
          id: 'msg-f:1603120012345678901',
          from: { email: 'jane.rep@northwind.io', name: 'Jane Rep' },
          to: [
            { email: 'kim.lee@acme-robotics.com', name: 'Kim Lee' },
            { email: 'tom.berg@acme-robotics.com', name: 'Tom Berg' },
          ],
          at: local(2018, 6, 14, 16, 47),
          collapsed: false,
          missing: [],
        },
      ],
    });
  });

  it('2022-10: reads collapsed messages too, and reports a date it cannot read as missing', () => {
    const thread = extractThread(loadPage('gmail/2022-10_thread_collapsed__synthetic.html'), THREAD_URL('FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF'))!;
    expect(thread.subject).toBe('Globex pilot: next steps');
    expect(thread.threadId).toBe('183f0c9a7b6e5d41');
    expect(thread.messages.map((m) => [m.id, m.from?.email, m.at, m.collapsed, m.missing])).toEqual([
      ['msg-f:1747290017263711553', 'priya.nair@globex.co.uk', local(2022, 10, 24, 9, 12), true, []],
      ['msg-f:1747301188000112233', 'jane.rep@northwind.io', null, true, ['date']],
      ['msg-f:1747388800000444555', 'priya.nair@globex.co.uk', local(2022, 10, 26, 14, 30), false, []],
      ['msg-f:1747390000000666777', 'jane.rep@northwind.io', local(2022, 10, 26, 14, 51), false, []],
    ]);
    expect(thread.messages[2]!.to.map((p) => p.email)).toEqual(['jane.rep@northwind.io', 'sam.okafor@globex.co.uk']);
  });

  it('2023-11, Chinese UI: dates like "2023年11月20日 下午3:41" and recipients named 我', () => {
    const thread = extractThread(loadPage('gmail/2023-11_thread_zh-CN__synthetic.html'), THREAD_URL('18bed41c2f9a7a10'))!;
    expect(thread.subject).toBe('关于华信科技的报价');
    expect(thread.messages.map((m) => [m.from, m.at, m.to])).toEqual([
      [{ email: 'wang.fang@huaxin-tech.cn', name: '王芳' }, local(2023, 11, 20, 15, 41), [{ email: 'jane.rep@northwind.io', name: '我' }]],
      [{ email: 'jane.rep@northwind.io', name: 'Jane Rep' }, local(2023, 11, 21, 10, 8), [{ email: 'wang.fang@huaxin-tech.cn', name: '王芳' }]],
    ]);
  });

  it('2024-05 with AI suggestions: 2025-style header and en-GB dates', () => {
    const thread = extractThread(loadPage('gmail/2024-05_thread_ai-suggestions__synthetic.html'), THREAD_URL('18f76a5b4c3d2e1f'))!;
    expect(thread.subject).toBe('Intro: Rossi Consulting × Northwind');
    expect(thread.messages).toEqual([
      {
        id: 'msg-f:1799000011112222333',
        from: { email: 'marco.rossi@gmail.com', name: 'Marco Rossi' },
        to: [{ email: 'jane.rep@northwind.io', name: 'Jane Rep' }],
        at: local(2024, 5, 14, 9, 5),
        collapsed: false,
        missing: [],
      },
    ]);
  });

  it('stays quiet on the real 2014 inbox list: no thread is open', () => {
    const inbox = loadPage('gmail/2014-12_inbox-list__inboxsdk.html');
    expect(inbox.querySelectorAll('tr.zA').length).toBe(15);
    expect(extractThread(inbox, 'https://mail.google.com/mail/u/0/#inbox')).toBeNull();
    // Even at a thread address, a list page shows no thread to read.
    expect(extractThread(inbox, THREAD_URL('14a5f1c5ad340727'))).toBeNull();
  });

  it('reads the signed-in address from the page title', () => {
    expect(ownEmailsFromTitle('Inbox (3) - Jane.Rep@northwind.io - Northwind Mail')).toEqual(['jane.rep@northwind.io']);
    expect(ownEmailsFromTitle('Gmail')).toEqual([]);
  });
});

describe('Gmail dates', () => {
  it.each([
    ['Thu, Dec 18, 2014 at 12:35 PM', local(2014, 12, 18, 12, 35)],
    ['Mon, Jul 28, 2014 at 6:22 PM', local(2014, 7, 28, 18, 22)],
    ['Thu, Jun 14, 2018, 3:05 PM', local(2018, 6, 14, 15, 5)],
    ['Sat, Jan 1, 2022, 12:05 AM', local(2022, 1, 1, 0, 5)],
    ['20 Aug 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['Wed, 20 Aug 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['2016年5月4日 上午10:08', local(2016, 5, 4, 10, 8)],
    ['2016年5月4日 下午12:30', local(2016, 5, 4, 12, 30)],
    ['2016年5月4日 10:08', local(2016, 5, 4, 10, 8)],
  ])('%s', (title, want) => {
    expect(parseGmailDate(title)?.toISOString()).toBe(want);
  });

  it.each(['yesterday, morning', '3:05 PM (2 hours ago)', 'Feb 30, 2022, 3:05 PM', '4 мая 2016 г., 10:08', ''])('does not guess from "%s"', (title) => {
    expect(parseGmailDate(title)).toBeNull();
  });
});

describe('Company from an email domain', () => {
  it.each([
    ['kim.lee@acme-robotics.com', 'Acme Robotics'],
    ['priya.nair@globex.co.uk', 'Globex'],
    ['ops@mail.initech.com', 'Initech'],
    ['wang.fang@huaxin-tech.cn', 'Huaxin Tech'],
    ['marco.rossi@gmail.com', null],
    ['someone@outlook.com', null],
    ['x@yahoo.co.uk', null],
    ['broken', null],
  ])('guesses the company of %s as %s', (email, company) => {
    expect(guessCompany(email)).toBe(company);
  });
});
