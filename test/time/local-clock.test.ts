import { describe, expect, test } from 'vitest';
import { LocalClock, isTimeZone } from '../../src/time/local-clock.js';

describe('LocalClock', () => {
  test('hourOfWeek counts from Monday 00:00 local', () => {
    const utc = new LocalClock('UTC', '2026-01-05T00:00:00Z'); // a Monday
    expect(utc.hourOfWeek(0)).toBe(0);
    expect(utc.hourOfWeek(3599)).toBe(0);
    expect(utc.hourOfWeek(3600)).toBe(1);
    expect(utc.hourOfWeek(6 * 86400 + 23 * 3600)).toBe(167);
    expect(utc.hourOfWeek(7 * 86400)).toBe(0);
    const ny = new LocalClock('America/New_York', '2026-01-05T00:00:00Z');
    // 00:00 UTC on Monday is 19:00 on Sunday in New York (EST, UTC-5).
    expect(ny.hourOfWeek(0)).toBe(6 * 24 + 19);
  });

  test('works before the start (warm-up)', () => {
    const utc = new LocalClock('UTC', '2026-01-05T00:00:00Z');
    expect(utc.hourOfWeek(-3600)).toBe(167);
  });

  test.each([
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['Europe/Amsterdam', '2026-03-29', 23],
    ['Europe/Amsterdam', '2026-10-25', 25],
    ['America/Los_Angeles', '2026-03-08', 23],
    ['America/Los_Angeles', '2026-06-15', 24],
  ])('%s on %s has %d hours', (tz, day, hours) => {
    const clock = new LocalClock(tz, '2026-01-01T00:00:00Z');
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    const from = clock.toSimulated(dayStart);
    const to = clock.toSimulated(dayStart + 86_400_000);
    expect((to - from) / 3600).toBe(hours);
    // Walking hour boundaries through the local day meets the same number of hours.
    let n = 0;
    for (let t = from; t < to; t = clock.nextHourBoundary(t)) n++;
    expect(n).toBe(hours);
  });

  test('a skipped local time maps to the instant after the gap; a repeated one to the first', () => {
    const ny = new LocalClock('America/New_York', '1970-01-01T00:00:00Z');
    // 2026-03-08 02:30 does not exist in New York: clocks jump from 02:00 EST to 03:00 EDT.
    expect(new Date(ny.toSimulated(Date.parse('2026-03-08T02:30:00Z')) * 1000).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01 01:30 happens twice: first in EDT (05:30 UTC).
    expect(new Date(ny.toSimulated(Date.parse('2026-11-01T01:30:00Z')) * 1000).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  test('isTimeZone knows IANA names', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
