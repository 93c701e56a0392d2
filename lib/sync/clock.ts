/**
 * Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014) for field stamps.
 *
 * A stamp is `<ISO-8601 wall time>-<counter, 4 hex digits>-<device id>`, e.g.
 * `2026-11-22T09:30:00.000Z-0000-3f2a9c1b7d4e5a60`: the string form James Long uses in
 * jlongster/crdt-example-app `shared/timestamp.js` (commit 2d43576ec202205242f6f6592894347eeee5ca5c),
 * chosen because plain string order is the clock order — wall time, then counter, then device id
 * as the tie-break — so a merge compares stamps with `<` and never parses them.
 *
 * Why a hybrid clock and not the wall clock alone: a stamp is never older than one this device has
 * already issued or seen, so an edit made right after pulling a colleague's edit wins over it even
 * when this machine's clock runs a little behind. Why not a pure counter: the later edit in real
 * time should win between machines whose clocks are roughly right, which a counter cannot know.
 */

/** A field stamp; compare two with `<`. */
export type Stamp = string;

/** The stamp below every real one: a field never written. */
export const ZERO_STAMP: Stamp = '';

const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-z]{1,32})$/;
const MAX_COUNTER = 0xffff;

/** How far ahead of this machine's clock a seen stamp may pull the local clock (a wrong remote clock must not drag ours into the future). */
export const MAX_DRIFT_MS = 5 * 60_000;

export interface ClockState {
  /** Logical wall time, epoch milliseconds. */
  ms: number;
  counter: number;
}

export interface ParsedStamp extends ClockState {
  node: string;
}

/** The stamp's parts, or null when it is not a stamp. */
export function parseStamp(stamp: string): ParsedStamp | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const ms = Date.parse(m[1]!);
  if (Number.isNaN(ms)) return null;
  return { ms, counter: parseInt(m[2]!, 16), node: m[3]! };
}

/** True for a well-formed stamp. */
export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && parseStamp(value) !== null;
}

/** The string form of a clock reading. */
export function formatStamp(ms: number, counter: number, node: string): Stamp {
  return `${new Date(ms).toISOString()}-${counter.toString(16).toUpperCase().padStart(4, '0')}-${node}`;
}

/** Wall time of a stamp as an ISO instant (what the UI shows as "changed at"). */
export function stampTime(stamp: Stamp): string | null {
  const parsed = parseStamp(stamp);
  return parsed ? new Date(parsed.ms).toISOString() : null;
}

/** A device id: 16 lower-case hex digits, random, made once per browser profile. */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Clock {
  /** A new stamp for a local edit, later than every stamp issued or observed so far. */
  tick(): Stamp;
  /** Takes a stamp seen in a pulled document into account, so the next local edit is later. */
  observe(stamp: Stamp): void;
  /** The state to persist, so the clock stays monotonic across service-worker restarts. */
  state(): ClockState;
}

/** A hybrid logical clock for one device. */
export function createClock(node: string, now: () => number = Date.now, start: ClockState = { ms: 0, counter: 0 }): Clock {
  if (!/^[0-9a-z]{1,32}$/.test(node)) throw new Error('A device id is 1–32 lower-case letters or digits.');
  let ms = start.ms;
  let counter = start.counter;

  function advance(toMs: number, toCounter: number) {
    // The counter only overflows after 65,536 edits within one millisecond; borrowing a
    // millisecond keeps the clock monotonic instead of failing the write.
    if (toCounter > MAX_COUNTER) {
      ms = toMs + 1;
      counter = 0;
    } else {
      ms = toMs;
      counter = toCounter;
    }
  }

  return {
    tick() {
      const wall = now();
      if (wall > ms) advance(wall, 0);
      else advance(ms, counter + 1);
      return formatStamp(ms, counter, node);
    },
    observe(stamp) {
      const seen = parseStamp(stamp);
      if (!seen) return;
      const wall = now();
      // A stamp from a machine whose clock runs far ahead still wins its own field (that is in
      // the document already), but does not drag this clock along with it.
      if (seen.ms > wall + MAX_DRIFT_MS) return;
      if (seen.ms > ms) advance(seen.ms, seen.counter);
      else if (seen.ms === ms && seen.counter > counter) advance(ms, seen.counter);
    },
    state: () => ({ ms, counter }),
  };
}
