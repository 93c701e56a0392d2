/**
 * When the background syncs: on an alarm (periodic, and it survives the service worker being
 * stopped) and a few seconds after local writes (the engine's `syncDelayMs`).
 */
export const SYNC_ALARM = 'leadline-sync';

/**
 * Chrome fires a packed extension's alarms at most every 30 seconds (MDN, alarms.create: "unless
 * the extension is loaded unpackaged, alarms do not fire more than once every 30 seconds"); five
 * minutes keeps a team's view fresh without waking the worker needlessly, and local writes sync
 * sooner through the engine's `syncDelayMs`.
 */
export const SYNC_PERIOD_MINUTES = 5;

export interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/** Starts the periodic sync (idempotent: re-creating an alarm replaces it). */
export async function scheduleSync(alarms: AlarmsApi, periodInMinutes = SYNC_PERIOD_MINUTES): Promise<void> {
  await alarms.create(SYNC_ALARM, { periodInMinutes, delayInMinutes: 0.5 });
}

/** Stops the periodic sync. */
export async function unscheduleSync(alarms: AlarmsApi): Promise<void> {
  await alarms.clear(SYNC_ALARM);
}
