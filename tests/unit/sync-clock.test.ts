import { createClock, formatStamp, isStamp, MAX_DRIFT_MS, newDeviceId, parseStamp, stampTime } from '../../lib/sync/clock';
import { DEVICE_A, DEVICE_B } from './helpers/sync';

const T0 = Date.parse('2026-11-22T09:30:00.000Z');

describe('hybrid logical clock', () => {
  test('a stamp reads as wall time, counter and device, in the form crdt-example-app uses', () => {
    expect(formatStamp(T0, 0, DEVICE_A)).toBe('2026-11-22T09:30:00.000Z-0000-46ffc1d4dcdf2ec2');
    expect(formatStamp(T0, 0x1a2, DEVICE_A)).toBe('2026-11-22T09:30:00.000Z-01A2-46ffc1d4dcdf2ec2');
    expect(parseStamp('2026-11-22T09:30:00.000Z-01A2-46ffc1d4dcdf2ec2')).toEqual({ ms: T0, counter: 0x1a2, node: DEVICE_A });
    expect(stampTime('2026-11-22T09:30:00.000Z-01A2-46ffc1d4dcdf2ec2')).toBe('2026-11-22T09:30:00.000Z');
    expect(isStamp('2026-11-22T09:30:00.000Z')).toBe(false);
    expect(isStamp('2026-11-22T09:30:00.000Z-zz-46ffc1d4dcdf2ec2')).toBe(false);
  });

  test('string order is clock order: time, then counter, then device', () => {
    const stamps = [formatStamp(T0 + 1, 0, DEVICE_B), formatStamp(T0, 2, DEVICE_A), formatStamp(T0, 1, DEVICE_B), formatStamp(T0, 1, DEVICE_A)];
    expect([...stamps].sort()).toEqual([
      formatStamp(T0, 1, DEVICE_B),
      formatStamp(T0, 1, DEVICE_A),
      formatStamp(T0, 2, DEVICE_A),
      formatStamp(T0 + 1, 0, DEVICE_B),
    ]);
  });

  test('ticks within one millisecond count up; a later millisecond resets the counter', () => {
    let now = T0;
    const clock = createClock(DEVICE_A, () => now);
    expect(clock.tick()).toBe('2026-11-22T09:30:00.000Z-0000-46ffc1d4dcdf2ec2');
    expect(clock.tick()).toBe('2026-11-22T09:30:00.000Z-0001-46ffc1d4dcdf2ec2');
    now = T0 + 5;
    expect(clock.tick()).toBe('2026-11-22T09:30:00.005Z-0000-46ffc1d4dcdf2ec2');
  });

  test('never goes back when the wall clock does (NTP step, a restart with the saved state)', () => {
    let now = T0;
    const clock = createClock(DEVICE_A, () => now);
    const first = clock.tick();
    now = T0 - 60_000;
    const second = clock.tick();
    expect(second > first).toBe(true);
    expect(second).toBe('2026-11-22T09:30:00.000Z-0001-46ffc1d4dcdf2ec2');
    const restarted = createClock(DEVICE_A, () => now, clock.state());
    expect(restarted.tick()).toBe('2026-11-22T09:30:00.000Z-0002-46ffc1d4dcdf2ec2');
  });

  test('an edit made after seeing a colleague’s stamp wins over it even with a slow local clock', () => {
    const colleague = formatStamp(T0 + 2_000, 7, DEVICE_B);
    const clock = createClock(DEVICE_A, () => T0);
    clock.observe(colleague);
    const mine = clock.tick();
    expect(mine).toBe('2026-11-22T09:30:02.000Z-0008-46ffc1d4dcdf2ec2');
    expect(mine > colleague).toBe(true);
  });

  test('a stamp from a clock far in the future does not drag this clock along', () => {
    const clock = createClock(DEVICE_A, () => T0);
    clock.observe(formatStamp(T0 + MAX_DRIFT_MS + 1, 0, DEVICE_B));
    expect(clock.tick()).toBe('2026-11-22T09:30:00.000Z-0000-46ffc1d4dcdf2ec2');
    clock.observe('not a stamp');
    expect(clock.tick()).toBe('2026-11-22T09:30:00.000Z-0001-46ffc1d4dcdf2ec2');
  });

  test('65,536 edits in one millisecond borrow the next millisecond instead of failing', () => {
    const clock = createClock(DEVICE_A, () => T0, { ms: T0, counter: 0xfffe });
    expect(clock.tick()).toBe('2026-11-22T09:30:00.000Z-FFFF-46ffc1d4dcdf2ec2');
    expect(clock.tick()).toBe('2026-11-22T09:30:00.001Z-0000-46ffc1d4dcdf2ec2');
  });

  test('device ids are 16 hex digits and refuse anything that would break the stamp order', () => {
    expect(newDeviceId()).toMatch(/^[0-9a-f]{16}$/);
    expect(newDeviceId()).not.toBe(newDeviceId());
    expect(() => createClock('Dev-1')).toThrow('A device id is 1–32 lower-case letters or digits.');
  });
});
