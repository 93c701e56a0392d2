import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { openLeadlineDb } from '../lib/db/schema';
import { createRepositories } from '../lib/db/repositories';
import { createHandlers } from '../lib/background/service';
import { createDispatcher } from '../lib/messaging/server';
import { badgeText, dueFollowUps } from '../lib/background/badge';
import { localDay } from '../lib/pipeline/time';
import { HOST_MATCHES } from '../lib/sites/hosts';
import type { ChangedEvent, ToggleEvent } from '../lib/messaging/events';
import { pipeSidebars } from '../lib/background/sidebar-pipe';
import { installSyncLab } from '../lib/sync/lab-hook';
import { createSyncController, type StorageArea } from '../lib/background/sync';
import { pouchWithPlugins } from '../lib/sync/pouch';
import { SYNC_ALARM } from '../lib/sync/schedule';
import { keepAlive } from '../lib/background/keep-alive';

const REFRESH_ALARM = 'leadline-refresh';

export default defineBackground(() => {
  // A no-op except in the e2e build (`wxt build --mode synclab`): a handle on the sync engine.
  installSyncLab();
  const db = openLeadlineDb();
  const repos = db.then((d) => createRepositories(d));
  const hostPatterns = HOST_MATCHES.map((p) => new MatchPattern(p));

  async function updateBadge() {
    const agg = await (await repos).aggregates.get();
    await browser.action.setBadgeText({ text: badgeText(dueFollowUps(agg, localDay(new Date()))) });
  }

  const sidebars = pipeSidebars(browser.runtime.getURL('/'));

  /** Tells open sidebars and extension pages that data changed, and refreshes the badge. */
  function changed(leadIds: string[]) {
    const event: ChangedEvent = { leadline: 'changed', leadIds };
    browser.runtime.sendMessage(event).catch(() => {
      // No extension page is open: nobody to tell.
    });
    sidebars.changed(leadIds);
    updateBadge().catch((error) => console.warn('Leadline: badge update failed', error));
  }

  // Team sync (off until the user turns it on in Settings); pulled changes refresh every view.
  const sync = db.then(async (d) => {
    const controller = createSyncController({
      db: d,
      PouchDB: pouchWithPlugins(),
      storage: browser.storage.local as unknown as StorageArea,
      alarms: browser.alarms,
      permissions: browser.permissions,
      changed: (leadIds) => {
        void repos.then((r) => {
          r.queries.invalidate();
          changed(leadIds);
        });
      },
    });
    await controller.init().catch((error) => console.warn('Leadline: team sync could not resume', error));
    return controller;
  });

  const dispatch = Promise.all([repos, sync]).then(([r, s]) =>
    createDispatcher(
      createHandlers(
        r,
        changed,
        async (hash) => void (await browser.tabs.create({ url: browser.runtime.getURL(`/pipeline.html${hash ? `#${hash}` : ''}`) })),
        s,
      ),
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        isHostPage: (url) => hostPatterns.some((p) => p.includes(url)),
      },
    ),
  );

  // Replies go through sendResponse: returning true keeps the channel open for the async answer.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    dispatch.then((d) => d(message, sender)).then(sendResponse, (error) => sendResponse({ ok: false, error: String(error) }));
    return true;
  });

  /** Past this many, a change is announced as "anything may have changed" (no id list). */
  const MANY = 500;
  let refreshing: Promise<void> | null = null;

  /**
   * The hourly job (and the start-up one): trash purge, then the leads whose recheck instant has
   * come, in short transactions. One at a time; a call while one runs joins it.
   */
  function refresh(): Promise<void> {
    refreshing ??= keepAlive(async () => {
      const r = await repos;
      await r.trash.purge();
      const ids = await r.refresh();
      if (ids.length > 0) changed(ids.length > MANY ? [] : ids);
      else await updateBadge();
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Work a stopped worker left unfinished: the re-derivation after a settings change. */
  async function resumeJobs() {
    const stats = await (await repos).settings.rederive();
    if (stats) changed([]);
  }

  const report = (what: string) => (error: unknown) => console.warn(`Leadline: ${what} failed`, error);

  browser.runtime.onInstalled.addListener(() => {
    browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    // An install or update may have stopped a job mid-way; then the hourly work at once.
    resumeJobs()
      .catch(report('resuming jobs'))
      .then(() => refresh())
      .catch(report('refresh'));
  });
  // The badge is not kept across a browser restart, and onStartup does not reach an extension
  // loaded from the command line: every start of the worker counts the due follow-ups again.
  updateBadge().catch(report('badge update'));
  browser.runtime.onStartup.addListener(() => {
    // The badge is counted above, from the aggregates only; the bulk work after it.
    resumeJobs()
      .catch(report('resuming jobs'))
      .then(() => refresh())
      .catch(report('refresh'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) refresh().catch(report('refresh'));
    if (alarm.name === SYNC_ALARM) void sync.then((s) => s.syncNow()).catch(report('sync'));
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-sidebar') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const event: ToggleEvent = { leadline: 'toggle-sidebar' };
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, event).catch(() => {});
  });
});
