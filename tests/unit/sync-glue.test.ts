import { fakeBrowser } from 'wxt/testing/fake-browser';
import { survivor, type Claimant } from '../../lib/sync/identity';
import { askForServer, grantedCheck, releaseServer, type PermissionsApi } from '../../lib/sync/permissions';
import { scheduleSync, SYNC_ALARM, unscheduleSync } from '../../lib/sync/schedule';
import { LEAD_IDS } from './helpers/sync';

describe('the same person captured on two machines', () => {
  test('both machines keep the same lead, whichever order they meet the pair in', () => {
    const onA: Claimant = { id: LEAD_IDS[0], createdAt: '2026-11-02T08:15:00.000Z' };
    const onB: Claimant = { id: LEAD_IDS[1], createdAt: '2026-11-02T08:14:59.000Z' };
    expect(survivor(onA, onB)).toBe(onB);
    expect(survivor(onB, onA)).toBe(onB);
    const sameInstant = { ...onA, createdAt: onB.createdAt };
    // '110c9bfe…' < '5f3be69b…'
    expect(survivor(sameInstant, onB).id).toBe(LEAD_IDS[1]);
    expect(survivor(onB, sameInstant).id).toBe(LEAD_IDS[1]);
  });
});

describe('the one host permission', () => {
  function recording(grant: boolean) {
    const calls: string[] = [];
    const api: PermissionsApi = {
      request: async (p) => (calls.push(`request ${p.origins.join(' ')}`), grant),
      contains: async (p) => (calls.push(`contains ${p.origins.join(' ')}`), grant),
      remove: async (p) => (calls.push(`remove ${p.origins.join(' ')}`), true),
    };
    return { api, calls };
  }

  test('asks for exactly the server origin, checks it, gives it back', async () => {
    const { api, calls } = recording(true);
    expect(await askForServer(api, 'https://couch.example.com/*')).toBe(true);
    expect(await grantedCheck(api)('https://couch.example.com/*')).toBe(true);
    expect(await releaseServer(api, 'https://couch.example.com/*')).toBe(true);
    expect(calls).toEqual(['request https://couch.example.com/*', 'contains https://couch.example.com/*', 'remove https://couch.example.com/*']);
  });

  test('a declined request is false, not an error', async () => {
    expect(await askForServer(recording(false).api, 'https://couch.example.com/*')).toBe(false);
  });
});

describe('periodic sync', () => {
  test('one named alarm every five minutes, cleared when sync stops', async () => {
    await scheduleSync(fakeBrowser.alarms);
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.periodInMinutes])).toEqual([[SYNC_ALARM, 5]]);
    await scheduleSync(fakeBrowser.alarms);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    await unscheduleSync(fakeBrowser.alarms);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
