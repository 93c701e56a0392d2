import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { button, click, launch, openTab, readStore, type Session, sidebarFrame } from './harness';

/** The extension page's own API, used to send raw (malformed) messages. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } };

const PARUL = 'https://www.linkedin.com/in/parul-sharma-886a79227/';

describe('foundation: capture a lead from a real saved LinkedIn page', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    session.routes.set(PARUL, 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html');
    page = await openTab(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the sidebar landmark and stores the lead when "Capture lead" is clicked', async () => {
    await page.goto(PARUL);
    const landmark = await page.waitForSelector('::-p-aria([role="complementary"][name="Leadline"])');
    expect(landmark).not.toBeNull();
    await click(await sidebarFrame(page), button('Capture lead'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Parul Sharma"])');

    const leads = await readStore<Record<string, unknown>>(session, 'leads');
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      name: 'Parul Sharma',
      linkedinUrl: PARUL,
      company: 'Future Intern',
      location: 'Sirsa, Haryana, India',
      source: 'linkedin',
      stage: 'prospect',
    });
    expect(session.problems).toEqual([]);
  });

  it('rejects an invalid message from an extension page with a readable error, writing nothing', async () => {
    const popup = await session.browser.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const replies = await popup.evaluate(async () => {
      const send = (m: unknown) => chrome.runtime.sendMessage(m);
      return Promise.all([
        send({ leadline: 'request', type: 'lead.capture', payload: { name: '', source: 'linkedin' } }),
        send({ leadline: 'request', type: 'lead.capture', payload: { name: 'X', source: 'linkedin', linkedinUrl: 'https://evil.com/in/x' } }),
        send({ leadline: 'request', type: 'no.such.message', payload: {} }),
        send('garbage'),
      ]);
    });
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    expect(replies[0].error).toMatch(/name/);
    expect(replies[1].error).toMatch(/linkedinUrl/);
    expect(await readStore(session, 'leads')).toHaveLength(1);
    await popup.close();
  });

  it('shows the captured lead in the popup funnel', async () => {
    const popup = await session.browser.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('svg[role="img"][aria-label^="Funnel"]');
    expect(await popup.$eval('[data-testid="total"]', (el) => el.textContent)).toBe('1');
    await popup.close();
    expect(session.problems).toEqual([]);
  });
});
