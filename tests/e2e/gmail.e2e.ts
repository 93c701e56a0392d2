import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { button, click, launch, openTab, readStore, spaNavigate, textOf, type Session, sidebarFrame } from './harness';

interface StoredLead {
  id: string;
  name: string;
  emails: string[];
  company: string | null;
  source: string;
  lastTouchAt: string | null;
}
interface StoredTouchpoint {
  leadId: string;
  channel: string;
  direction: string;
  at: string;
  summary: string;
  url: string;
  externalId: string;
}

// Real Gmail addresses (shared/research/gmail-addresses.md; the pop-out form from the code index
// cited in tests/unit/gmail-url.test.ts). Every thread token is a real one: letters only.
const BASE = 'https://mail.google.com/mail/';
const T2018 = { url: `${BASE}u/0/#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF`, fixture: 'gmail/2018-06_thread_new-gmail__synthetic.html' };
const T2022 = { url: `${BASE}u/0/#inbox/FMfcgzQXJkcLPCXjzvlvtbTRQpGQkFsr`, fixture: 'gmail/2022-10_thread_collapsed__synthetic.html' };
const INBOX = { url: `${BASE}u/0/#inbox`, fixture: 'gmail/2014-12_inbox-list__inboxsdk.html' };
const captureFor = (email: string) => `form[aria-label="New person: ${email}"] button.ll-primary`;

describe('Gmail sidebar', () => {
  let session: Session;
  let page: Page;
  /** Local wall-clock time in the browser, as an ISO instant (Gmail titles are local). */
  const local = (y: number, mo: number, d: number, h: number, mi: number) =>
    page.evaluate((...a: number[]) => new Date(a[0]!, a[1]! - 1, a[2]!, a[3]!, a[4]!).toISOString(), y, mo, d, h, mi);
  const touchpointsOf = async (leadId: string) =>
    (await readStore<StoredTouchpoint>(session, 'touchpoints')).filter((t) => t.leadId === leadId).sort((a, b) => (a.at < b.at ? -1 : 1));

  beforeAll(async () => {
    session = await launch();
    session.routes.set(BASE, T2018.fixture);
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('stays quiet on the inbox list', async () => {
    session.routes.set(BASE, INBOX.fixture);
    await page.goto(INBOX.url);
    await page.waitForSelector('tr.zA');
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.$('[data-leadline="sidebar"]')).toBeNull();
    session.routes.set(BASE, T2018.fixture);
  });

  it('captures a sender as a lead, with the company guessed from the domain', async () => {
    await page.goto('about:blank'); // a new document, not a hash change of the inbox page
    await page.goto(T2018.url);
    expect(await textOf(await sidebarFrame(page), '.ll-subject')).toBe('Pricing for the Q3 rollout');
    // The user (from the page title) is not offered; the other two participants are.
    await (await sidebarFrame(page)).waitForSelector('form[aria-label="New person: tom.berg@acme-robotics.com"]');
    expect(await (await sidebarFrame(page)).$('form[aria-label="New person: jane.rep@northwind.io"]')).toBeNull();
    await click(await sidebarFrame(page), captureFor('kim.lee@acme-robotics.com'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Kim Lee"])');
    const [lead] = await readStore<StoredLead>(session, 'leads');
    expect(lead).toMatchObject({ name: 'Kim Lee', emails: ['kim.lee@acme-robotics.com'], company: 'Acme Robotics', source: 'gmail' });
  });

  it('logs each message once, with direction and the message\'s own date, however often "Log email" is pressed', async () => {
    const [lead] = await readStore<StoredLead>(session, 'leads');
    await click(await sidebarFrame(page), button('Log email'));
    await (await sidebarFrame(page)).waitForFunction(() => /Logged 2 email touchpoints/.test(document.querySelector('.ll-result')?.textContent ?? ''));
    await click(await sidebarFrame(page), button('Log email'));
    await (await sidebarFrame(page)).waitForFunction(() => /Already logged/.test(document.querySelector('.ll-result')?.textContent ?? ''));
    const touchpoints = await touchpointsOf(lead!.id);
    expect(touchpoints.map((t) => [t.externalId, t.direction, t.at, t.channel, t.summary, t.url])).toEqual([
      ['msg-f:1603114298765432119', 'inbound', await local(2018, 6, 14, 15, 5), 'email', 'Pricing for the Q3 rollout', T2018.url],
      ['msg-f:1603120012345678901', 'outbound', await local(2018, 6, 14, 16, 47), 'email', 'Pricing for the Q3 rollout', T2018.url],
    ]);
    const [after] = await readStore<StoredLead>(session, 'leads');
    expect(after!.lastTouchAt).toBe(await local(2018, 6, 14, 16, 47));
  });

  it('follows hash navigation to another thread and auto-logs it when it is reopened', async () => {
    await spaNavigate(page, T2022.url, T2022.fixture, 300, 'hash');
    // Well before the watcher's 8 s give-up: the old thread's leftover markup must not be taken
    // for the new thread (which would show the old subject until the deadline).
    await (
      await sidebarFrame(page)
    ).waitForFunction(() => document.querySelector('.ll-subject')?.textContent === 'Globex pilot: next steps', { timeout: 5000 });
    await click(await sidebarFrame(page), captureFor('priya.nair@globex.co.uk'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Priya Nair"])');
    const priya = (await readStore<StoredLead>(session, 'leads')).find((l) => l.name === 'Priya Nair')!;
    expect(await touchpointsOf(priya.id)).toEqual([]);

    await spaNavigate(page, INBOX.url, INBOX.fixture, 300, 'hash');
    await page.waitForFunction(() => document.querySelector('[data-leadline="sidebar"]') === null);

    await spaNavigate(page, T2022.url, T2022.fixture, 300, 'hash');
    await (await sidebarFrame(page)).waitForFunction(() => /Auto-logged: Logged 3/.test(document.querySelector('.ll-result')?.textContent ?? ''));
    expect(await textOf(await sidebarFrame(page), '.ll-result')).toContain('1 message skipped');
    const logged = await touchpointsOf(priya.id);
    expect(logged.map((t) => [t.externalId, t.direction, t.at])).toEqual([
      ['msg-f:1747290017263711553', 'inbound', await local(2022, 10, 24, 9, 12)],
      ['msg-f:1747388800000444555', 'inbound', await local(2022, 10, 26, 14, 30)],
      ['msg-f:1747390000000666777', 'outbound', await local(2022, 10, 26, 14, 51)],
    ]);

    // Reopening again logs nothing new.
    await spaNavigate(page, INBOX.url, INBOX.fixture, 300, 'hash');
    await page.waitForFunction(() => document.querySelector('[data-leadline="sidebar"]') === null);
    await spaNavigate(page, T2022.url, T2022.fixture, 300, 'hash');
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Priya Nair"])');
    await new Promise((r) => setTimeout(r, 500));
    expect(await touchpointsOf(priya.id)).toHaveLength(3);
    expect(session.problems).toEqual([]);
  });

  it("does not auto-log once the user turns auto-log off in the sidebar's options", async () => {
    await click(await sidebarFrame(page), 'details.ll-options summary');
    await click(await sidebarFrame(page), '::-p-aria([role="checkbox"][name="Auto-log threads with my leads"])');
    await (
      await sidebarFrame(page)
    ).waitForFunction(() => (document.querySelector('details.ll-options input[type=checkbox]') as HTMLInputElement | null)?.checked === false);
    await click(await sidebarFrame(page), captureFor('sam.okafor@globex.co.uk'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Sam Okafor"])');
    const sam = (await readStore<StoredLead>(session, 'leads')).find((l) => l.name === 'Sam Okafor')!;

    await spaNavigate(page, INBOX.url, INBOX.fixture, 300, 'hash');
    await page.waitForFunction(() => document.querySelector('[data-leadline="sidebar"]') === null);
    await spaNavigate(page, T2022.url, T2022.fixture, 300, 'hash');
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Sam Okafor"])');
    await new Promise((r) => setTimeout(r, 500));
    expect(await touchpointsOf(sam.id)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
