import { describe, expect, test } from 'vitest';
import { LocalClock } from '../../src/time/local-clock.js';
import { burstTimes } from '../../src/workload/bursts.js';
import { randomStream } from '../../src/random/stream.js';

describe('burstTimes', () => {
  test('a weekly slot lands every matching local day, within its span', () => {
    // 2026-01-05 is a Monday; Amsterdam is UTC+1 in winter, UTC+2 from 2026-03-29.
    const clock = new LocalClock('Europe/Amsterdam', '2026-01-05T00:00:00Z');
    const weeks = 16;
    const times = burstTimes(
      [{ at: { weekly: { days: [0, 2], minuteOfDay: 9 * 60 } }, count: 20, over: 3600 }],
      clock,
      -86400,
      weeks * 7 * 86400,
      randomStream(1, 'b'),
    );
    expect(times.length).toBe(20 * 2 * weeks);
    for (const t of times) {
      const local = new Date(clock.localMs(t));
      expect([1, 3]).toContain(local.getUTCDay()); // Monday or Wednesday
      expect(local.getUTCHours()).toBe(9);
    }
    expect([...times]).toEqual([...times].sort((a, b) => a - b));
  });

  test('a one-off burst at an instant, clipped to the simulated span', () => {
    const clock = new LocalClock('UTC', '2026-01-05T00:00:00Z');
    const times = burstTimes([{ at: { once: 1000 }, count: 50, over: 0 }, { at: { once: 10_000 }, count: 5, over: 60 }], clock, 0, 5000, randomStream(1, 'b'));
    expect([...times]).toEqual(new Array(50).fill(1000));
  });
});
