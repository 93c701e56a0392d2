import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_FIELDS,
  extractConversation,
  extractConversationList,
  extractConversations,
  findConversations,
  parseMessageUrn,
} from '../../lib/sites/linkedin/messaging';
import { fixtureNames, loadPage, parseInert } from './helpers/fixtures';

// Expected values from tests/fixtures/linkedin-more/README.md. `readAt` is when each page was read:
// the Agnieszka thread was committed 2026-06-25 (its last message, Wed 24 June, shows as "środa");
// the Kamila thread 2026-06-28 22:41 +02:00 (its message shows as "Dzisiaj"); the 2023 bubble's message
// urn says Fri 17 Feb 2023 and its heading "viernes", so it was read within the next six days (the 20th
// is taken); the zh inbox was captured 2026-09-21 per its repository's test.
const AGNIESZKA = 'messaging/2026-06_messaging-thread_agnieszka-pankowicz-figiel__linkedin-msg-generator.html';
const KAMILA = 'messaging/2026-06_messaging-thread-today_kamila-serafin__linkedin-msg-generator.html';
const BUBBLE = 'messaging/2023-02_messaging-overlay-bubble-fragment_mariana-hohot__sales-pilot-frontend.html';
const INBOX_ZH = 'messaging/2026-09_messaging-list-fragment_zaira-bhatti__job-hunter.html';
// A real thread address (README); the saved thread pages are body-only and carry none.
const THREAD_URL = 'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==/';
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();

const page = (file: string) => loadPage(`linkedin-more/${file}`);

describe('extractConversation on the saved pages', () => {
  it('has an expectation for every saved messaging page', () => {
    expect(
      fixtureNames('linkedin-more/messaging')
        .map((f) => `messaging/${f}`)
        .sort(),
    ).toEqual([AGNIESZKA, BUBBLE, KAMILA, INBOX_ZH].sort());
  });

  it('reads the 2026-06 pl thread: partner, viewer, both messages with direction, time and id', () => {
    const got = extractConversation(page(AGNIESZKA), THREAD_URL, new Date(2026, 5, 25, 12, 0), { lang: 'pl' });
    expect(got.partner).toEqual({
      name: 'AGNIESZKA Pankowicz-Figiel',
      profileUrl: 'https://www.linkedin.com/in/ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0/',
      profileUrlKind: 'member-id',
      headline: 'Specjalista ds. Finansów | Specjalista ds. HR',
    });
    expect(got.viewer).toEqual({ name: 'Marcin Szmidtke', memberId: 'ACoAABKvAGAByG8i6_NVRd2zmZLSYbUYJErO4lE' });
    expect(got.conversationId).toBe('2-ZWM2NDIzZjQtMGYyMC00NmFlLWIzM2YtN2NjMDZmMGFjOTlkXzAxMA==');
    expect(got.conversationIdSource).toBe('url');
    expect(got.threadUrl).toBe(THREAD_URL);
    expect(got.missing).toEqual([]);
    expect(got.messages.map((m) => [m.senderName, m.fromSelf, m.dayText, m.timeText, m.at])).toEqual([
      ['Marcin Szmidtke', true, '14 maj', '18:19', local(2026, 5, 14, 18, 19)],
      ['AGNIESZKA Pankowicz-Figiel', false, 'środa', '08:35', local(2026, 6, 24, 8, 35)],
    ]);
    expect(got.messages.map((m) => m.summary!.slice(0, 60))).toEqual([
      'Twoje unikalne połączenie doświadczenia w finansach oraz w o',
      'Dzień dobry Pani Marcinie. Bardzo mi miło, że się Pan odezwa',
    ]);
    expect(got.messages.map((m) => Array.from(m.summary!).length)).toEqual([200, 200]);
    expect(got.messages[0]!.id).toBe(
      'urn:li:msg_message:(urn:li:fsd_profile:ACoAABKvAGAByG8i6_NVRd2zmZLSYbUYJErO4lE,2-MTc3ODc3NTU4NDUwNGIxMjE0Ni0xMDAmNTljYjZlZjAtNDdjYi00YjVmLWIyYWYtNTBiNDQ1MzAyODk4XzEwMA==)',
    );
    expect(got.messages.every((m) => m.idSource === 'urn')).toBe(true);
    expect(got.messages.map((m) => m.atFromId)).toEqual(['2026-05-14T16:19:44.504Z', '2026-06-24T06:35:28.940Z']);
    expect(got.messages[1]!.senderProfileUrl).toBe('https://www.linkedin.com/in/ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0/');
  });

  it('reads the 2026-06 "Dzisiaj" thread whose header shows activity, not a headline', () => {
    const got = extractConversation(page(KAMILA), 'https://www.linkedin.com/messaging/', new Date(2026, 5, 28, 22, 41));
    expect(got.partner).toEqual({
      name: 'Kamila Serafin',
      profileUrl: 'https://www.linkedin.com/in/ACoAACUeulABeTYL-oMCEWa-XdlJvCkMm9c4gEg/',
      profileUrlKind: 'member-id',
      // From the profile card atop the conversation; the header line says "W aplikacji mobilnej • 1 godz. temu".
      headline: 'Starszy specjalista ds. obsługi klienta',
    });
    expect(got.viewer).toEqual({ name: 'Marcin Szmidtke', memberId: 'ACoAADpyzncB0D95E9xBUQC_70r52ZOnc6k5Zuc' });
    // No thread address: the conversation part of the message urn names it.
    expect(got.conversationId).toBe('2-MTc2NjliMmYtZTBlOS00NjRlLThhNjctYzZjMzFhNTAyYjc1XzEwMA==');
    expect(got.conversationIdSource).toBe('message-urn');
    expect(got.messages.map((m) => [m.senderName, m.fromSelf, m.dayText, m.timeText, m.at, m.atFromId])).toEqual([
      ['Marcin Szmidtke', true, 'Dzisiaj', '20:29', local(2026, 6, 28, 20, 29), '2026-06-28T18:29:27.472Z'],
    ]);
    expect(got.messages[0]!.summary!.startsWith('Praca w logistyce to nieustanny kontakt z nowymi ludźmi')).toBe(true);
  });

  it('reads the 2023-02 es overlay bubble on any page', () => {
    const root = page(BUBBLE);
    expect(findConversations(root)).toHaveLength(1);
    const [got] = extractConversations(root, 'https://www.linkedin.com/feed/', new Date(2023, 1, 20, 12, 0));
    expect(got!.partner).toEqual({
      name: 'Mariana Hohot',
      profileUrl: 'https://www.linkedin.com/in/ACoAADgAroQBJh1El3DFh-KvxRrTZDPJ34x28hU/',
      profileUrlKind: 'member-id',
      headline: 'Key Account Manager – QATestLab',
    });
    // The fragment has no global nav and no message of the viewer's: the name is missing, the id known.
    expect(got!.viewer).toEqual({ name: null, memberId: 'ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew' });
    expect(got!.missing).toEqual(['viewerName']);
    expect(got!.conversationId).toBe('2-Y2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==');
    expect(got!.messages.map((m) => [m.senderName, m.fromSelf, m.dayText, m.timeText, m.at, m.atFromId])).toEqual([
      ['Mariana Hohot', false, 'viernes', '14:44', local(2023, 2, 17, 14, 44), '2023-02-17T13:44:00.939Z'],
    ]);
    expect(got!.messages[0]!.summary).toBe(
      'Hello Alejo, I am from the team of QATestlab, a global testing services provider. It will be a pleasure to be a part of your network and be of service when needed. Thank you 🙂',
    );
  });

  it('names a bubble by its messages, not by the thread address it is open over', () => {
    const [got] = extractConversations(page(BUBBLE), THREAD_URL, new Date(2023, 1, 20, 12, 0));
    expect(got!.conversationId).toBe('2-Y2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==');
    expect(got!.conversationIdSource).toBe('message-urn');
  });

  it('reports everything missing where no conversation is open (2026-09 zh inbox list only)', () => {
    const got = extractConversation(page(INBOX_ZH), 'https://www.linkedin.com/messaging/', new Date(2026, 8, 21, 12, 0));
    expect(got.messages).toEqual([]);
    expect(got.partner).toEqual({ name: null, profileUrl: null, profileUrlKind: null, headline: null });
    expect(got.missing).toEqual([...CONVERSATION_FIELDS]);
  });

  it('gives null, not a guess, for a day heading it cannot read', () => {
    const root = page(AGNIESZKA);
    for (const heading of root.querySelectorAll('time.msg-s-message-list__time-heading')) heading.textContent = 'Lorem';
    const got = extractConversation(root, THREAD_URL, new Date(2026, 5, 25, 12, 0), { lang: 'pl' });
    expect(got.messages.map((m) => m.at)).toEqual([null, null]);
    expect(got.messages.map((m) => m.atFromId)).toEqual(['2026-05-14T16:19:44.504Z', '2026-06-24T06:35:28.940Z']);
  });

  it('tells direction by the urn mailbox, and by the class when there is no urn, never by text', () => {
    const root = page(AGNIESZKA);
    const items = [...root.querySelectorAll('.msg-s-event-listitem')];
    items[1]!.classList.remove('msg-s-event-listitem--other');
    const byUrn = extractConversation(root, THREAD_URL, new Date(2026, 5, 25, 12, 0));
    expect(byUrn.messages.map((m) => m.fromSelf)).toEqual([true, false]);

    const bare = page(AGNIESZKA);
    for (const item of bare.querySelectorAll('[data-event-urn]')) item.removeAttribute('data-event-urn');
    for (const span of bare.querySelectorAll('.visually-hidden, .a11y-text')) span.textContent = 'xx';
    const byClass = extractConversation(bare, THREAD_URL, new Date(2026, 5, 25, 12, 0));
    expect(byClass.messages.map((m) => m.fromSelf)).toEqual([true, false]);
    expect(byClass.viewer.memberId).toBeNull();
  });

  it('derives a stable id for a message without urn, different per message', () => {
    const strip = () => {
      const root = page(AGNIESZKA);
      for (const item of root.querySelectorAll('[data-event-urn]')) item.removeAttribute('data-event-urn');
      return root;
    };
    const first = extractConversation(strip(), THREAD_URL, new Date(2026, 5, 25, 12, 0));
    const again = extractConversation(strip(), THREAD_URL, new Date(2026, 5, 26, 9, 0));
    expect(first.messages.map((m) => m.idSource)).toEqual(['derived', 'derived']);
    expect(first.messages[0]!.id).toMatch(/^derived:[0-9a-f]+$/);
    expect(first.messages[0]!.id).not.toBe(first.messages[1]!.id);
    // Read a day later the headings resolve to the same times, so the ids stay.
    expect(again.messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
  });

  it('gives a follow-on message of a group its sender and time from the group header', () => {
    const root = page(AGNIESZKA);
    const last = root.querySelectorAll('.msg-s-event-listitem')[1]!;
    const next = last.cloneNode(true) as Element;
    next.querySelector('.msg-s-message-group__meta')?.remove();
    next.querySelector('a.msg-s-event-listitem__link')?.remove();
    next.removeAttribute('data-event-urn');
    next.querySelector('.msg-s-event-listitem__body')!.textContent = 'Pozdrawiam';
    last.after(next);
    const got = extractConversation(root, THREAD_URL, new Date(2026, 5, 25, 12, 0), { lang: 'pl' });
    expect(got.messages.map((m) => [m.senderName, m.fromSelf, m.at, m.summary, m.idSource])).toEqual([
      ['Marcin Szmidtke', true, local(2026, 5, 14, 18, 19), got.messages[0]!.summary, 'urn'],
      ['AGNIESZKA Pankowicz-Figiel', false, local(2026, 6, 24, 8, 35), got.messages[1]!.summary, 'urn'],
      ['AGNIESZKA Pankowicz-Figiel', false, local(2026, 6, 24, 8, 35), 'Pozdrawiam', 'derived'],
    ]);
  });

  it('reads nothing from a page without messaging markup', () => {
    const got = extractConversation(parseInert('<main><h1>Feed</h1></main>'), 'https://www.linkedin.com/feed/', new Date());
    expect(got.missing).toEqual([...CONVERSATION_FIELDS]);
  });
});

describe('parseMessageUrn', () => {
  it('splits a real urn into mailbox, send time and conversation', () => {
    expect(
      parseMessageUrn(
        'urn:li:msg_message:(urn:li:fsd_profile:ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew,2-MTY3NjY0MTQ0MDkzOWI1ODc2OS0wMDQmY2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==)',
      ),
    ).toEqual({
      mailbox: 'ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew',
      time: new Date('2023-02-17T13:44:00.939Z'),
      conversationId: '2-Y2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==',
    });
  });

  it('keeps the mailbox of an urn whose message id is of another form', () => {
    expect(parseMessageUrn('urn:li:msg_message:(urn:li:fsd_profile:ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew,other)')).toEqual({
      mailbox: 'ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew',
      time: null,
      conversationId: null,
    });
    expect(parseMessageUrn('urn:li:fs_event:(1,2)')).toBeNull();
  });
});

describe('extractConversationList', () => {
  it('reads the 2026-06 pl inbox column (10 cards, the open one first)', () => {
    const cards = extractConversationList(page(AGNIESZKA), new Date(2026, 5, 25, 12, 0));
    expect(cards).toHaveLength(10);
    expect(cards.slice(0, 2).map((c) => [c.name, c.dateText, c.date, c.active])).toEqual([
      ['AGNIESZKA Pankowicz-Figiel', '24 cze', '2026-06-24', true],
      ['Dariusz Gliszta', '23 cze', '2026-06-23', false],
    ]);
    expect(cards.filter((c) => c.active)).toHaveLength(1);
  });

  it('reads a bare time as the reading day (2026-06 "Dzisiaj" inbox)', () => {
    const cards = extractConversationList(page(KAMILA), new Date(2026, 5, 28, 22, 41));
    expect(cards.slice(0, 3).map((c) => [c.name, c.dateText, c.date])).toEqual([
      ['Bartosz Reinhardt', '20:29', '2026-06-28'],
      ['Dawid Głodek', '20:29', '2026-06-28'],
      ['Kamila Serafin', '20:29', '2026-06-28'],
    ]);
  });

  it('reads the 2026-09 zh inbox fragment', () => {
    const cards = extractConversationList(page(INBOX_ZH), new Date(2026, 8, 21, 12, 0));
    expect(cards.map((c) => [c.name, c.dateText, c.date, c.snippet, c.active])).toEqual([
      ['Zaira Bhatti', '3月19日', '2026-03-19', 'Zaira发送了一个附件', true],
      ['The LinkedIn Team', '2025年12月14日', '2025-12-14', '发自领英 欢迎使用领英！让您轻松入门的 3 个重要诀窍。', false],
    ]);
    expect(cards[0]!.element.matches('.msg-conversation-card')).toBe(true);
  });
});
