/**
 * The rep's daily loop: logging a touchpoint offers the stage it implies and closes or moves the
 * follow-up that was due; the popup's due list has Done and Snooze; the sidebar edits the lead's
 * company, addresses, tags and notes in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { button, click, launch, openExtensionPage, openTab, readStore, setValue, sidebarFrame, waitForSidebarValue, type Session } from './harness';

interface StoredLead {
  id: string;
  name: string;
  stage: string;
  company: string | null;
  emails: string[];
  tags: string[];
  notes: string;
  nextFollowUpOn: string | null;
}

const PARUL = 'https://www.linkedin.com/in/parul-sharma-886a79227/';
const KIREET = 'https://www.linkedin.com/in/kireetagrawal/';

describe("the rep's daily loop", () => {
  let session: Session;
  let page: Page;
  let today = '';
  const lead = async (name: string) => (await readStore<StoredLead>(session, 'leads')).find((l) => l.name === name)!;
  const dayPlus = (days: number) =>
    page.evaluate((n) => {
      const d = new Date();
      d.setDate(d.getDate() + n);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }, days);

  beforeAll(async () => {
    session = await launch();
    session.routes.set(PARUL, 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html');
    session.routes.set(KIREET, 'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html');
    page = await openTab(session);
    await page.goto(PARUL);
    today = await dayPlus(0);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('after a touchpoint, offers the stage it implies and closes the due follow-up in one click', async () => {
    await waitForSidebarValue(page, 'input#ll-field-name', 'Parul Sharma');
    await click(await sidebarFrame(page), button('Capture lead'));
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="Lead: Parul Sharma"])');
    await setValue(frame, '::-p-aria([name="Next follow-up"])', today);
    await expect.poll(async () => (await lead('Parul Sharma')).nextFollowUpOn).toBe(today);

    await click(frame, button('Message sent'));
    await frame.waitForSelector('::-p-aria([role="region"][name="Next step"])');
    expect(await frame.$eval('.ll-next-step', (el) => el.textContent)).toContain('First contact made.');
    await click(frame, button('Move to Contacted'));
    await expect.poll(async () => (await lead('Parul Sharma')).stage).toBe('contacted');
    await click(frame, button('+3 days'));
    await expect.poll(async () => (await lead('Parul Sharma')).nextFollowUpOn).toBe(await dayPlus(3));
    // Both answered: the prompt is gone.
    await frame.waitForFunction(() => !document.querySelector('.ll-next-step'));

    // A meeting held on a contacted lead suggests Nurturing; "Not now" leaves the stage alone.
    await click(frame, button('Meeting held'));
    await frame.waitForSelector('.ll-next-step');
    await click(frame, button('Not now'));
    await frame.waitForFunction(() => !document.querySelector('.ll-next-step'));
    expect((await lead('Parul Sharma')).stage).toBe('contacted');
    expect(session.problems).toEqual([]);
  });

  it('edits the company, addresses, tags and notes in the sidebar, each saved when left', async () => {
    const frame = await sidebarFrame(page);
    await setValue(frame, '#ll-edit-company', 'Future Intern Labs');
    await setValue(frame, '#ll-edit-emails', 'Parul@Example.com');
    await setValue(frame, '#ll-edit-tags', 'python, data');
    await setValue(frame, '#ll-edit-notes', 'Met at PyCon.\nWants a demo.');
    await expect
      .poll(async () => {
        const l = await lead('Parul Sharma');
        return [l.company, l.emails, l.tags, l.notes];
      })
      .toEqual(['Future Intern Labs', ['parul@example.com'], ['python', 'data'], 'Met at PyCon.\nWants a demo.']);
    // A bad address is refused beside its field and nothing is written.
    await setValue(frame, '#ll-edit-emails', 'not-an-address');
    await frame.waitForSelector('#ll-edit-emails-error');
    expect((await lead('Parul Sharma')).emails).toEqual(['parul@example.com']);
  });

  it('closes and snoozes due follow-ups from the popup', async () => {
    await page.goto(KIREET);
    await waitForSidebarValue(page, 'input#ll-field-name', 'Kireet Agrawal');
    await click(await sidebarFrame(page), button('Capture lead'));
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('::-p-aria([name="Lead: Kireet Agrawal"])');
    await setValue(frame, '::-p-aria([name="Next follow-up"])', await dayPlus(-2));
    await expect.poll(async () => (await lead('Kireet Agrawal')).nextFollowUpOn).toBe(await dayPlus(-2));
    // Parul is due today too.
    await setValue(
      await (async () => {
        await page.goto(PARUL);
        return sidebarFrame(page);
      })(),
      '::-p-aria([name="Next follow-up"])',
      today,
    );
    await expect.poll(async () => (await lead('Parul Sharma')).nextFollowUpOn).toBe(today);

    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitForSelector('::-p-aria([name="Follow-up with Kireet Agrawal done"])');
    await click(popup, '::-p-aria([name="Follow-up with Kireet Agrawal done"])');
    await expect.poll(async () => (await lead('Kireet Agrawal')).nextFollowUpOn).toBe(null);
    await click(popup, '::-p-aria([name="Snooze Parul Sharma to tomorrow"])');
    await expect.poll(async () => (await lead('Parul Sharma')).nextFollowUpOn).toBe(await dayPlus(1));
    await popup.waitForFunction(() => document.querySelectorAll('ul.ll-leads li').length === 0);
    expect(session.problems).toEqual([]);
  });
});
