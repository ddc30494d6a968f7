import type { Random } from '../random/stream.js';
import type { Burst } from '../scenario/scenario.js';
import type { LocalClock } from '../time/local-clock.js';

const DAY_MS = 86_400_000;

/**
 * Every burst arrival in [from, to), sorted: each time a burst happens, its
 * `count` jobs arrive uniformly at random over the following `over` seconds.
 * Weekly slots are read on the local clock (a slot in a skipped hour happens
 * just after the gap).
 */
export function burstTimes(bursts: readonly Burst[], clock: LocalClock, from: number, to: number, random: Random): Float64Array {
  const times: number[] = [];
  const spread = (start: number, b: Burst) => {
    for (let i = 0; i < b.count; i++) {
      const t = start + b.over * random();
      if (t >= from && t < to) times.push(t);
    }
  };
  for (const b of bursts) {
    if ('once' in b.at) {
      spread(b.at.once, b);
      continue;
    }
    const { days, minuteOfDay } = b.at.weekly;
    for (let day = clock.localDayStartMs(from - b.over); ; day += DAY_MS) {
      const weekday = (((Math.floor(day / DAY_MS) + 3) % 7) + 7) % 7;
      const start = clock.toSimulated(day + minuteOfDay * 60_000);
      if (start >= to) break;
      if (days.includes(weekday)) spread(start, b);
    }
  }
  return Float64Array.from(times).sort();
}
