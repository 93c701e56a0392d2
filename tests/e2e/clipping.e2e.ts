/**
 * Nothing is cut off: with realistic long names and companies, no text element of the sidebar, the
 * popup or any pipeline view has content wider than its box, and no placeholder is wider than its
 * field, at the sizes each is meant for (sidebar 320 px, popup 380 px, pipeline page at 1280 px).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { button, click, launch, openExtensionPage, openTab, sidebarFrame, type Session } from './harness';

// Real-form long names from the saved search pages (tests/fixtures/linkedin-more) and companies as
// long as real ones (Allianz Global Corporate & Specialty SE is a registered company name).
const PEOPLE: [string, string][] = [
  ['Maria Fernanda Rodríguez-Valenzuela', 'Allianz Global Corporate & Specialty SE'],
  ['Małgorzata Brzęczyszczykiewicz', 'Przedsiębiorstwo Handlowo-Usługowe Konstruktor'],
  ['Nguyễn Thị Minh Khai', 'Công ty Cổ phần Thương mại Dịch vụ Bến Thành'],
  ['Sri Lalitha Jeevanige', 'Swedbank'],
];

/** Text elements whose content is wider than their box, and placeholders wider than their field. */
function clippedIn(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const out: string[] = [];
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    for (const el of document.querySelectorAll('label, button, th, td, a, p, h1, h2, h3, li, dt, dd, legend, summary, span, strong, div')) {
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || style.visibility === 'hidden') continue;
      if (!el.checkVisibility() || scrolls(el) || el.closest('.ll-sr')) continue;
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!hasText) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 50)}" ${el.scrollWidth}>${el.clientWidth}`);
    }
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')) {
      if (input.value !== '' || !input.checkVisibility()) continue;
      const style = getComputedStyle(input);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (canvas.measureText(input.placeholder).width > room + 1)
        out.push(`placeholder "${input.placeholder}" ${Math.round(canvas.measureText(input.placeholder).width)}>${Math.round(room)}`);
    }
    return out;
  });
}

describe('nothing is cut off', () => {
  let session: Session;
  let ext: Page;

  beforeAll(async () => {
    session = await launch();
    session.routes.set('https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/', 'linkedin/2024-07_logged-in_sri-lalitha-jeevanige__scoutr.html');
    ext = await openExtensionPage(session, 'popup.html');
    await ext.evaluate(`(async () => {
      const send = (type, payload) => chrome.runtime.sendMessage({ leadline: 'request', type, payload });
      const people = ${JSON.stringify(PEOPLE.slice(0, 3))};
      const stages = ['qualified', 'proposal', 'negotiation'];
      const today = new Date().toISOString().slice(0, 10);
      for (let i = 0; i < people.length; i++) {
        const [name, company] = people[i];
        const id = (await send('lead.capture', { name, company, headline: 'Head of Strategic Partnerships, Central & Eastern Europe', source: 'referral', emails: ['contact' + i + '@example.com'] })).value.lead.lead.id;
        await send('lead.move', { id, move: { to: stages[i] } });
        await send('lead.update', { id, patch: { dealValue: 125000 * (i + 1), nextFollowUpOn: today, tags: ['enterprise', 'renewal-2027'] } });
      }
      const lost = (await send('lead.capture', { name: 'Grace Hopper-Featherstonehaugh', company: 'Very Long Company Name International Holdings Ltd', source: 'event' })).value.lead.lead.id;
      await send('lead.move', { id: lost, move: { to: 'lost', reason: 'chose a competitor with an existing framework contract' } });
    })()`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('in the sidebar (320 px)', async () => {
    const page = await openTab(session);
    await page.setViewport({ width: 1920, height: 1000 });
    await page.goto('https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/');
    expect(await clippedIn(await sidebarFrame(page))).toEqual([]);
    await click(await sidebarFrame(page), button('Capture lead'));
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('article.ll-card');
    await click(frame, button('Message sent'));
    await frame.waitForSelector('.ll-next-step');
    expect(await clippedIn(frame)).toEqual([]);
  });

  it('in the popup (380 px)', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.setViewport({ width: 380, height: 700 });
    await popup.waitForSelector('svg.ll-funnel');
    await popup.waitForSelector('ul.ll-leads li');
    expect(await clippedIn(popup)).toEqual([]);
  });

  for (const view of ['board', 'table', 'duplicates', 'planner', 'data', 'settings']) {
    it(`in the pipeline ${view} view (1280 px)`, async () => {
      const page = await openExtensionPage(session, `pipeline.html#view=${view}`);
      await page.setViewport({ width: 1280, height: 900 });
      await page.waitForSelector('main.ll-main > *');
      await new Promise((r) => setTimeout(r, 500));
      expect(await clippedIn(page)).toEqual([]);
      await page.close();
    });
  }

  it('in the lead detail beside the table (1280 px)', async () => {
    const page = await openExtensionPage(session, 'pipeline.html#view=table');
    await page.setViewport({ width: 1280, height: 900 });
    await page.waitForSelector('table[aria-label] tbody tr[data-id] a');
    await page.click('table[aria-label] tbody tr[data-id] a');
    await page.waitForSelector('aside.ll-detail article.ll-card');
    expect(await clippedIn(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
