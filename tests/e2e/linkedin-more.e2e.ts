/**
 * LinkedIn beyond the profile page, in real Chromium with the built extension: a messaging thread,
 * a company page, a people-search result and a Sales Navigator lead page, each a real saved page
 * (tests/fixtures/linkedin-more/README.md) served at a real-form address. Set LEADLINE_SHOTS to a
 * directory to keep a 1280 px screenshot of each sidebar state.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { button, click, launch, openExtensionPage, openTab, readStore, sidebarFrame, textOf, until, type Session } from './harness';
import { resolveMessageTime } from '../../lib/sites/linkedin/dates';

const F = {
  today: 'linkedin-more/messaging/2026-06_messaging-thread-today_kamila-serafin__linkedin-msg-generator.html',
  bubble: 'linkedin-more/messaging/2023-02_messaging-overlay-bubble-fragment_mariana-hohot__sales-pilot-frontend.html',
  profile: 'linkedin-more/profile/2026-05_profile-pl-main_anna-rutkowska__linkedin-msg-generator.html',
  thread: 'linkedin-more/messaging/2026-06_messaging-thread_agnieszka-pankowicz-figiel__linkedin-msg-generator.html',
  company: 'linkedin-more/company/2026-05_company-about-main_capgemini__job-intel-collector.html',
  search: 'linkedin-more/search/2026-05_search-people-ember_obsluga-klienta__linkedin-msg-generator.html',
  sales: 'linkedin-more/salesnav/2026-08_salesnav-lead_cheng-huang__salesengine.html',
};
// The thread's own address: `2-` + base64 of the conversation id its message urns carry
// (…&59cb6ef0-47cb-4b5f-b2af-50b445302898_100), the form of the real thread address in the README.
const THREAD = 'https://www.linkedin.com/messaging/thread/2-NTljYjZlZjAtNDdjYi00YjVmLWIyYWYtNTBiNDQ1MzAyODk4XzEwMA==/';
// The same for the Kamila thread (…&17669b2f-e0e9-464e-8a67-c6c31a502b75_100).
const THREAD_TODAY = 'https://www.linkedin.com/messaging/thread/2-MTc2NjliMmYtZTBlOS00NjRlLThhNjctYzZjMzFhNTAyYjc1XzEwMA==/';
// An overlay bubble opens on any page: the feed here.
const FEED = 'https://www.linkedin.com/feed/';
const ANNA = 'https://www.linkedin.com/in/anna-rutkowska-0551b120b/';
const COMPANY = 'https://www.linkedin.com/company/capgemini/about/';
// The page's search words, "obsługa klienta", as LinkedIn puts them in the address.
const SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=obs%C5%82uga%20klienta';
const SALES = 'https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s,NAME_SEARCH,lPmx';

const URN_OWN =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABKvAGAByG8i6_NVRd2zmZLSYbUYJErO4lE,2-MTc3ODc3NTU4NDUwNGIxMjE0Ni0xMDAmNTljYjZlZjAtNDdjYi00YjVmLWIyYWYtNTBiNDQ1MzAyODk4XzEwMA==)';
const URN_THEIRS =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABKvAGAByG8i6_NVRd2zmZLSYbUYJErO4lE,2-MTc4MjI4MjkyODk0MGI1NjE3Ny0xMDAmNTljYjZlZjAtNDdjYi00YjVmLWIyYWYtNTBiNDQ1MzAyODk4XzEwMA==)';

interface StoredLead {
  id: string;
  name: string;
  headline: string | null;
  company: string | null;
  linkedinUrl: string | null;
  linkedinMemberId: string | null;
  salesNavUrl: string | null;
  companyId: string | null;
}
interface StoredTouchpoint {
  leadId: string;
  channel: string;
  direction: string;
  at: string;
  summary: string;
  url: string | null;
  externalId: string | null;
}
interface StoredCompany {
  id: string;
  name: string;
  linkedinUrl: string | null;
  industry: string | null;
  stats: { people: number };
}

const SHOTS = process.env.LEADLINE_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewport({ width: 1280, height: 800 });
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Sends a request as a Leadline page does (test setup: leads that exist before the page is opened). */
async function request(session: Session, type: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const page = await openExtensionPage(session, 'popup.html');
  const reply = await page.evaluate((t, p) => chrome.runtime.sendMessage({ leadline: 'request', type: t, payload: p }), type, payload);
  await page.close();
  return reply as { ok: boolean };
}

const frameText = async (frame: Frame, selector: string) => frame.$eval(selector, (el) => el.textContent ?? '');

describe('LinkedIn messaging', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    session.routes.set(THREAD, F.thread);
    session.routes.set(THREAD_TODAY, F.today);
    session.routes.set(FEED, F.bubble);
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('captures the conversation partner, then logs the thread twice: each message once, with its direction, time and id', async () => {
    await page.goto(THREAD);
    let frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="Conversation with AGNIESZKA Pankowicz-Figiel"])');
    await frame.waitForFunction(() => (document.querySelector('#ll-conv0-name') as HTMLInputElement | null)?.value === 'AGNIESZKA Pankowicz-Figiel');
    // Messaging names the partner by member id: the capture form says so, not a profile address.
    expect(await frameText(frame, '.ll-url')).toBe('https://www.linkedin.com/in/ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0/');
    await shot(page, 'messaging-1-new-partner');
    await click(frame, button('Capture lead'));
    frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="Lead: AGNIESZKA Pankowicz-Figiel"])');

    // Day headings resolve against the day the page is read ("14 maj", "środa"), in this browser's
    // time zone. Read on a Wednesday, "środa" is today or a week ago; read before 14 May, "14 maj" lies
    // ahead: such a message is reported, not logged.
    const now = new Date();
    const expected = [
      ['outbound', resolveMessageTime('14 maj', '18:19', now, 'pl')?.toISOString(), URN_OWN, 'Twoje unikalne połączenie doświadczenia w finansach'],
      ['inbound', resolveMessageTime('środa', '08:35', now, 'pl')?.toISOString(), URN_THEIRS, 'Dzień dobry Pani Marcinie. Bardzo mi miło'],
    ].filter((e) => e[1] !== undefined);
    const logged = ['Already logged.', 'Logged 1 message.', 'Logged 2 messages.'][expected.length]!;
    await click(frame, button('Log messages'));
    await frame.waitForFunction((want) => document.querySelector('.ll-conversation .ll-result')?.textContent === want, {}, logged);
    await shot(page, 'messaging-2-logged');
    await click(frame, button('Log messages'));
    await frame.waitForFunction(() => document.querySelector('.ll-conversation .ll-result')?.textContent === 'Already logged.');

    const [lead] = await readStore<StoredLead>(session, 'leads');
    expect(lead).toMatchObject({
      name: 'AGNIESZKA Pankowicz-Figiel',
      headline: 'Specjalista ds. Finansów | Specjalista ds. HR',
      linkedinUrl: null,
      linkedinMemberId: 'ACoAACj77NoB4-d_dmoA2Fco9q8CM9I2HKWAIK0',
    });
    const touchpoints = await readStore<StoredTouchpoint>(session, 'touchpoints');
    expect(touchpoints).toHaveLength(expected.length);
    const got = touchpoints
      .map((t) => [t.direction, t.at, t.externalId, t.summary.slice(0, expected.find((e) => e[2] === t.externalId)![3]!.length)])
      .sort((a, b) => (a[0]! < b[0]! ? 1 : -1));
    expect(got).toEqual(expected);
    expect(touchpoints.every((t) => t.channel === 'linkedin-message' && t.leadId === lead!.id && t.url === THREAD)).toBe(true);

    // Opened again, with auto-log on (the default): nothing is logged twice.
    await page.goto(THREAD);
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: AGNIESZKA Pankowicz-Figiel"])');
    await new Promise((r) => setTimeout(r, 500));
    expect(await readStore(session, 'touchpoints')).toHaveLength(expected.length);
    expect(session.problems).toEqual([]);
  });

  it('auto-logs a conversation with a known lead as it opens', async () => {
    const known = await request(session, 'lead.capture', {
      name: 'Kamila Serafin',
      linkedinMemberId: 'ACoAACUeulABeTYL-oMCEWa-XdlJvCkMm9c4gEg',
      source: 'manual',
    });
    expect(known.ok).toBe(true);
    await page.goto(THREAD_TODAY);
    const frame = await sidebarFrame(page);
    await frame.waitForFunction(() => document.querySelector('.ll-conversation .ll-result')?.textContent === 'Auto-logged 1 message.');
    await shot(page, 'messaging-3-auto-logged');
    const mine = (await readStore<StoredTouchpoint>(session, 'touchpoints')).filter((t) => t.url === THREAD_TODAY);
    expect(mine.map((t) => [t.direction, t.at])).toEqual([['outbound', resolveMessageTime('Dzisiaj', '20:29', new Date(), 'pl')!.toISOString()]]);
    expect(session.problems).toEqual([]);
  });

  it('reads a conversation in an overlay bubble on any LinkedIn page', async () => {
    await page.goto(FEED);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="Conversation with Mariana Hohot"])');
    await frame.waitForFunction(() => (document.querySelector('#ll-conv0-headline') as HTMLInputElement | null)?.value === 'Key Account Manager – QATestLab');
    expect(await frameText(frame, '.ll-conversation .ll-url')).toBe('https://www.linkedin.com/in/ACoAADgAroQBJh1El3DFh-KvxRrTZDPJ34x28hU/');
    await shot(page, 'messaging-4-bubble');
    expect(session.problems).toEqual([]);
  });
});

describe('LinkedIn profile page: beyond its fields', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('captures with the member id from the page data and the current company from its link', async () => {
    session = await launch();
    session.routes.set(ANNA, F.profile);
    const page = await openTab(session);
    await page.goto(ANNA);
    let frame = await sidebarFrame(page);
    await frame.waitForFunction(() => (document.querySelector('#ll-field-name') as HTMLInputElement | null)?.value === 'Anna Rutkowska');
    await click(frame, button('Capture lead'));
    frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="Lead: Anna Rutkowska"])');
    const [lead] = await readStore<StoredLead>(session, 'leads');
    const [company] = await readStore<StoredCompany>(session, 'companies');
    expect(lead).toMatchObject({ linkedinUrl: ANNA, linkedinMemberId: 'ACoAADU-fgEB4lK7dkeRaI7Jzzpe45CcUQSknKg', companyId: company!.id });
    expect(company).toMatchObject({
      name: 'Credit Agricole Bank Polska S.A.',
      linkedinUrl: 'https://www.linkedin.com/company/10539743/',
      stats: { people: 1 },
    });
    expect(session.problems).toEqual([]);
  });
});

describe('LinkedIn company page', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('shows the company with its people, saves it, and the Accounts view lists it with them', async () => {
    session = await launch();
    session.routes.set(COMPANY, F.company);
    // Two people at Capgemini are leads already (captured elsewhere, say from Gmail).
    for (const [name, value] of [
      ['Ada Lovelace', 12000],
      ['Charles Babbage', 3000],
    ] as const) {
      const reply = await request(session, 'lead.capture', { name, company: 'Capgemini', source: 'manual' });
      expect(reply.ok).toBe(true);
      const id = (reply.value as { lead: { lead: { id: string } } }).lead.lead.id;
      expect((await request(session, 'lead.update', { id, patch: { dealValue: value } })).ok).toBe(true);
      if (name === 'Ada Lovelace') expect((await request(session, 'lead.move', { id, move: { to: 'proposal' } })).ok).toBe(true);
    }
    const page = await openTab(session);
    await page.goto(COMPANY);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="In your pipeline"]) li');
    expect(await frame.$$eval('.ll-people li span:first-child', (els) => els.map((e) => e.textContent))).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(await textOf(frame, 'h2.ll-name')).toBe('Capgemini');
    await shot(page, 'company-1-page');
    await click(frame, button('Save company'));
    await frame.waitForSelector('.ll-result');
    await shot(page, 'company-2-saved');

    const [company] = await readStore<StoredCompany>(session, 'companies');
    expect(company).toMatchObject({
      name: 'Capgemini',
      linkedinUrl: 'https://www.linkedin.com/company/capgemini/',
      industry: 'IT Services and IT Consulting',
      stats: { people: 2 },
    });
    expect((await readStore<StoredLead>(session, 'leads')).every((l) => l.companyId === company!.id)).toBe(true);

    const pipeline = await openExtensionPage(session, 'pipeline.html#view=accounts');
    await pipeline.waitForSelector(`tr[data-company="${company!.id}"]`);
    const row = await pipeline.$eval(`tr[data-company="${company!.id}"]`, (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(row[0]).toContain('Capgemini');
    expect(row.slice(1)).toEqual(['2', '$15,000', 'Prospect 1 · Proposal 1']);
    await click(pipeline, `tr[data-company="${company!.id}"] button`);
    await pipeline.waitForSelector('::-p-aria([name="People at Capgemini"])');
    expect(await pipeline.$$eval('.ll-account-people li', (lis) => lis.map((li) => li.textContent))).toEqual([
      'Ada Lovelace Proposal · $12,000',
      'Charles Babbage Prospect · $3,000',
    ]);
    await pipeline.setViewport({ width: 1280, height: 800 });
    if (SHOTS) await pipeline.screenshot({ path: join(SHOTS, 'accounts-view.png') });
    expect(session.problems).toEqual([]);
  });
});

describe('LinkedIn people search', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('captures three people of a search result at once, marks them, and shows progress', async () => {
    session = await launch();
    session.routes.set(SEARCH, F.search);
    const page = await openTab(session);
    await page.goto(SEARCH);
    let frame = await sidebarFrame(page);
    await frame.waitForSelector('.ll-people li');
    expect(await textOf(frame, '.ll-people-list .ll-subject')).toBe('10 people on this page');
    await shot(page, 'search-1-list');
    for (const i of [0, 1, 2]) await click(frame, `#ll-person-${i}`);
    await click(frame, button('Capture selected (3)'));
    frame = await sidebarFrame(page);
    await frame.waitForFunction(() => document.querySelector('.ll-progress')?.textContent?.includes('3 people captured.'));
    await shot(page, 'search-2-captured');

    const leads = await readStore<StoredLead>(session, 'leads');
    // The first three rows (README, tests/unit/linkedin-people-list.test.ts).
    expect(leads.map((l) => [l.name, l.headline, l.linkedinUrl]).sort()).toEqual([
      ['Marta Wrona', 'Store Manager | Zarządzanie zespołem | Obsługa klienta | Retail', 'https://www.linkedin.com/in/marta-wrona-999908241/'],
      ['Małgorzata Toroń', 'Obsługa klienta || Lider zespołu || Branża stolarki otworowej 🪟', 'https://www.linkedin.com/in/malgorzatatoron/'],
      ['Monika Żywarska', 'Doradca ubezpieczeniowy PZU SA💙/ PZU Życie🤍/ obsługa klienta', 'https://www.linkedin.com/in/monika-%C5%BCywarska-310066130/'],
    ]);
    expect(leads.every((l) => l.linkedinMemberId?.startsWith('ACoAA'))).toBe(true);
    // The page's rows of those three carry the mark; the sidebar shows them as leads.
    await page.waitForFunction(() => document.querySelectorAll('[data-leadline="leadline-known"]').length === 3);
    expect(
      await page.$$eval('[data-leadline="leadline-known"]', (marks) => marks.map((m) => [m.textContent, m.closest('[data-chameleon-result-urn]') !== null])),
    ).toEqual([
      ['Leadline', true],
      ['Leadline', true],
      ['Leadline', true],
    ]);
    expect(await frame.$$eval('.ll-people li.ll-known', (lis) => lis.length)).toBe(3);
    await page.evaluate(() => document.querySelector('[data-leadline="leadline-known"]')?.scrollIntoView({ block: 'center' }));
    await shot(page, 'search-3-page-marks');
    expect(session.problems).toEqual([]);
  });
});

describe('Sales Navigator lead page', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  it('recognises a lead captured before, once linked as the same person', async () => {
    session = await launch();
    session.routes.set(SALES, F.sales);
    // No saved page shows Cheng Huang's public profile, nor does this Sales Navigator page link it
    // (README): the lead is captured as from his profile but without an address we would have to
    // invent, and the Sales Navigator page recognises it through "Same person: link".
    const captured = await request(session, 'lead.capture', { name: 'Cheng Huang', company: 'SoloTerminal', source: 'linkedin' });
    expect(captured.ok).toBe(true);
    const page = await openTab(session);
    await page.goto(SALES);
    let frame = await sidebarFrame(page);
    // Open, the sidebar would cover this page's own Dismiss button (top right of the saved page), so
    // it waits as a tab until the user opens it.
    await frame.waitForSelector('button.ll-tab');
    await click(frame, 'button.ll-tab');
    await frame.waitForSelector(button('Same person: link'));
    await shot(page, 'salesnav-1-same-person');
    await click(frame, button('Same person: link'));
    frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="Lead: Cheng Huang"])');
    const [lead] = await readStore<StoredLead>(session, 'leads');
    expect(lead!.salesNavUrl).toBe('https://www.linkedin.com/sales/lead/ACwAACGeMVABt-42jjk9y6yLGblh3cauk2caM9s');

    await page.goto(SALES);
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Cheng Huang"])');
    await shot(page, 'salesnav-2-known');
    await until(async () => (await readStore(session, 'leads')).length, 1);
    expect(session.problems).toEqual([]);
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
