/**
 * Gmail as people have it: every real address form opens the sidebar; the reading pane; folded
 * long threads; logging as you send from a compose window (and never twice when the sent thread is
 * logged later); a participant who is a known lead under another address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { button, click, extensionFrame, launch, openTab, readStore, SIDEBAR_HOST, sidebarFrame, textOf, waitForSidebarText, type Session } from './harness';

interface StoredLead {
  id: string;
  name: string;
  emails: string[];
}
interface StoredTouchpoint {
  leadId: string;
  direction: string;
  summary: string;
  externalId: string;
  url: string | null;
}

const MAIL = 'https://mail.google.com/mail/';
const THREAD_2018 = 'gmail/2018-06_thread_new-gmail__synthetic.html';

// Each address is quoted in shared/research/gmail-addresses.md (or, for the pop-out window, in the
// sources cited in tests/unit/gmail-url.test.ts); the saved thread is served at each.
const REAL_ADDRESSES = [
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF',
  'https://mail.google.com/mail/u/1/#inbox/FMfcgxwLsdKmRRrkzPZrhMDXxGWBsbCP',
  'https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXKWpRrCNjZtpMfGzgbmVzGtMQ?compose=GTvVlcRzBlSNxdTpwNDQtwWDJVBGfNxQbDBxxLgtZnMk',
  'https://mail.google.com/mail/u/0/#sent/FMfcgzGtxdZHdbnmwmvsgWfjDjXMQxfg',
  'https://mail.google.com/mail/u/1/#sent/FMfcgzGtxSqKxSlbMnqlMXzDdMCjtvjs?projector=1&messagePartId=0.1',
  'https://mail.google.com/mail/u/0/#inbox/QgrcJHsTfQgVhDSJBNQBGTzQNLwzGBhqxbv?projector=1',
  'https://mail.google.com/mail/u/0/#all/18f14df7a6c43b2a',
  'https://mail.google.com/mail/u/0/#label/INBOX%2FIRs/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF',
  'https://mail.google.com/mail/u/0/#search/acme/FMfcgzQXJkcLPCXjzvlvtbTRQpGQkFsr',
  'https://mail.google.com/mail/u/0/popout?ver=w4viue472nmr&search=inbox&th=%23thread-f:1845457786107077869&cvid=1',
];

describe('Gmail as it really is', () => {
  let session: Session;
  let page: Page;
  const touchpointsOf = async (leadId: string) => (await readStore<StoredTouchpoint>(session, 'touchpoints')).filter((t) => t.leadId === leadId);
  const leadNamed = async (name: string) => (await readStore<StoredLead>(session, 'leads')).find((l) => l.name === name)!;
  const open = async (url: string, fixture: string) => {
    session.routes.set(MAIL, fixture);
    await page.goto('about:blank');
    await page.goto(url);
  };

  beforeAll(async () => {
    session = await launch();
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the thread at every real address form', async () => {
    for (const url of REAL_ADDRESSES) {
      await open(url, THREAD_2018);
      const frame = await sidebarFrame(page);
      await frame.waitForSelector('form[aria-label="New person: kim.lee@acme-robotics.com"]');
      expect(await textOf(frame, '.ll-subject'), url).toBe('Pricing for the Q3 rollout');
    }
    // Lists, overlays on lists and settings stay quiet.
    for (const url of [
      `${MAIL}u/0/#inbox`,
      `${MAIL}u/0/#inbox?compose=new`,
      `${MAIL}u/2/#inbox?projector=1`,
      `${MAIL}u/0/#label/INBOX%2FIRs`,
      `${MAIL}u/0/#settings/general`,
    ]) {
      await open(url, THREAD_2018);
      await new Promise((r) => setTimeout(r, 400));
      expect(await page.$(SIDEBAR_HOST), url).toBeNull();
    }
    expect(session.problems).toEqual([]);
  });

  it('reads the thread open in the reading pane beside the list', async () => {
    await open('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJkcLPCXjzvlvtbTRQpGQkFsr', 'gmail/2025-01_reading-pane_pl__synthetic.html');
    const frame = await sidebarFrame(page);
    expect(await textOf(frame, '.ll-subject')).toBe('Wycena wdrożenia w Q1');
    await frame.waitForSelector('form[aria-label="New person: kim.lee@acme-robotics.com"]');
    // The list's other sender is not a participant of the open thread.
    expect(await frame.$('form[aria-label="New person: priya.nair@globex.co.uk"]')).toBeNull();
  });

  it('tells how many messages of a long thread are folded', async () => {
    await open('https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', 'gmail/2018-06_thread_long-folded_cs__synthetic.html');
    await waitForSidebarText(page, '.ll-note', /8 older messages are folded/);
  });

  it('logs an email as it is sent to a lead, once, and the sent thread logged later is the same touchpoint', async () => {
    // Lena Vogel is a lead (captured from the thread she wrote).
    await open('https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', 'gmail/2025-10_thread_inline-reply__synthetic.html');
    await click(await sidebarFrame(page), 'form[aria-label="New person: lena.vogel@brightpath-labs.de"] button.ll-primary');
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Lena Vogel"])');
    const lena = await leadNamed('Lena Vogel');

    // The inline reply's compose control: the switch, on by default (auto-log is on).
    const control = await composeFrame(page);
    const toggle = await control.waitForSelector('::-p-aria([role="switch"][name="Log to Leadline"])');
    expect(await toggle!.evaluate((el) => el.getAttribute('aria-checked'))).toBe('true');
    // The user clicks Send (Gmail's own button, in the page).
    await clickInPage(page, '.ip .T-I.aoO[role="button"]');
    await expect.poll(async () => (await touchpointsOf(lena.id)).filter((t) => t.direction === 'outbound').length).toBe(1);
    const [sent] = (await touchpointsOf(lena.id)).filter((t) => t.direction === 'outbound');
    expect(sent).toMatchObject({ summary: 'Re: Partnership call next week', externalId: 'compose:msg-a:r-5459297729901660292' });

    // Gmail shows the sent reply in the thread: it keeps the draft's message id (InboxSDK
    // gmail-compose-view: a sent message's data-message-id is the draft id). Synthetic change of the
    // saved page, as Gmail would make it after sending.
    await page.evaluate(() => {
      const list = document.querySelector('[role="list"]')!;
      const now = new Date();
      const title = now.toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
      list.insertAdjacentHTML(
        'beforeend',
        `<div class="h7 ie nH" role="listitem"><div class="adn ads" data-message-id="#msg-a:r-5459297729901660292"><div class="gs">` +
          `<h3 class="iw"><span class="gD" email="jane.rep@northwind.io" name="Jane Rep">Jane Rep</span></h3>` +
          `<span class="g3" title="${title}">now</span><div class="iw ajw"><span class="hb">to <span class="g2" email="lena.vogel@brightpath-labs.de" name="Lena Vogel">Lena</span></span></div>` +
          `<div class="ii gt"><div class="a3s aiL">Hi Lena, happy to. Tuesday at 10?</div></div></div></div></div>`,
      );
      document.querySelector('.ip')?.remove();
    });
    await waitForSidebarText(page, '.ll-thread', /2 messages/);
    await click(await sidebarFrame(page), button('Log email'));
    await click(await sidebarFrame(page), button('Log email'));
    await waitForSidebarText(page, '.ll-result', /Already logged/);
    const after = await touchpointsOf(lena.id);
    expect(after.map((t) => [t.direction, t.externalId]).sort()).toEqual([
      ['inbound', 'msg-f:1845457786107077869'],
      ['outbound', 'msg-a:r-5459297729901660292'],
    ]);
    expect(session.problems).toEqual([]);
  });

  it('does not log a sent email when the switch is off, and captures a recipient from the control', async () => {
    await open('https://mail.google.com/mail/u/0/#inbox?compose=new', 'gmail/2020-10_compose-new-window-over-inbox__synthetic.html');
    const control = await composeFrame(page);
    await click(control, '::-p-aria([role="button"][name="0 leads"])');
    // The content script gives the frame room for its list before the user can click in it.
    await page.waitForFunction(() => (document.querySelector('[data-leadline="compose"] iframe') as HTMLElement | null)?.offsetHeight === 260);
    await click(control, 'li:has([title="kim.lee@acme-robotics.com"]) button');
    await control.waitForFunction(() => document.querySelector('.ll-compose-count')?.textContent === '1 lead');
    const kim = await leadNamed('Kim Lee');
    await click(control, '::-p-aria([role="switch"][name="Log to Leadline"])');
    await control.waitForSelector('[role="switch"][aria-checked="false"]');
    await clickInPage(page, '.T-I.aoO[role="button"]');
    await new Promise((r) => setTimeout(r, 500));
    expect(await touchpointsOf(kim.id)).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  it('offers a known lead under another address as the same person, and links instead of doubling', async () => {
    // Kim Lee is a lead as kim.lee@acme-robotics.com; the 2018 thread's Tom Berg is not. A thread
    // from Kim's other address at the same company: the same person.
    await open('https://mail.google.com/mail/u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF', THREAD_2018);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[email="kim.lee@acme-robotics.com"]')) el.setAttribute('email', 'kim@acme-robotics.com');
    });
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('form[aria-label="New person: kim@acme-robotics.com"]');
    await click(frame, button('Same person: link'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Kim Lee"])');
    const leads = await readStore<StoredLead>(session, 'leads');
    expect(leads.filter((l) => l.name === 'Kim Lee').map((l) => l.emails.sort())).toEqual([['kim.lee@acme-robotics.com', 'kim@acme-robotics.com']]);
    // The card shows the lead's addresses.
    expect(await (await sidebarFrame(page)).$eval('#ll-edit-emails', (el) => (el as HTMLInputElement).value)).toBe(
      'kim.lee@acme-robotics.com, kim@acme-robotics.com',
    );
    expect(session.problems).toEqual([]);
  });
});

/** The compose control's frame of the (first) compose window. */
function composeFrame(page: Page) {
  return extensionFrame(page, '[data-leadline="compose"] iframe', '[role="switch"]');
}

/** A user's click on the host page's own element, by mouse (trusted, as Gmail's Send sees it). */
async function clickInPage(page: Page, selector: string) {
  const handle = await page.waitForSelector(selector);
  const box = await handle!.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
