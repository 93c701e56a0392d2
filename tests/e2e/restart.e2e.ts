/**
 * The toolbar badge after a browser restart: the count of due follow-ups is there as soon as the
 * browser is back (the background recounts on start-up), not only after the next write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, type Session } from './harness';

declare const chrome: { action: { getBadgeText(details: object): Promise<string> } };

describe('toolbar badge across a browser restart', () => {
  const profile = mkdtempSync(join(tmpdir(), 'leadline-restart-'));
  let session: Session | null = null;
  afterAll(async () => {
    await session?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('shows the due follow-ups right after the browser starts again', async () => {
    session = await launch({ userDataDir: profile });
    const page = await openExtensionPage(session, 'popup.html');
    // Two leads due today and one due next week (days in the browser's own time zone).
    await page.evaluate(`(async () => {
      const day = (offset) => { const d = new Date(Date.now() + offset * 86400000); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); };
      const send = (type, payload) => chrome.runtime.sendMessage({ leadline: 'request', type, payload });
      for (const [name, offset] of [['Ada Lovelace', 0], ['Grace Hopper', 0], ['Kim Lee', 7]]) {
        const id = (await send('lead.capture', { name, source: 'referral' })).value.lead.lead.id;
        await send('lead.update', { id, patch: { nextFollowUpOn: day(offset) } });
      }
    })()`);
    const badge = (s: Session) => s.worker.evaluate(() => chrome.action.getBadgeText({}));
    await expect.poll(() => badge(session!), { timeout: 5000 }).toBe('2');
    expect(session.problems).toEqual([]);
    await session.close();

    // The same profile, a new browser: nothing written yet, and the badge already counts.
    session = await launch({ userDataDir: profile });
    await expect.poll(() => badge(session!), { timeout: 10_000 }).toBe('2');
    expect(session.problems).toEqual([]);
  });
});
