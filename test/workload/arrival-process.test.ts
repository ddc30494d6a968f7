import { describe, expect, test } from 'vitest';
import { LocalClock } from '../../src/time/local-clock.js';
import { arrivalProcess } from '../../src/workload/arrival-process.js';
import { PROFILES, weeklyWeights } from '../../src/workload/profiles.js';
import { randomStream } from '../../src/random/stream.js';
import type { Profile } from '../../src/workload/profiles.js';

/** Arrival times in [0, horizon) of a Poisson process at `ratePerHour` shaped by `profile`. */
function arrivals(profile: Profile, ratePerHour: number, horizon: number, clock: LocalClock, seed = 1): number[] {
  const p = arrivalProcess({ process: 'poisson', rate: ratePerHour / 3600, profile, bursts: [] }, randomStream(seed, 'nhpp'), clock);
  const out: number[] = [];
  for (let t = p!.first(0); t < horizon; t = p!.next(t)) out.push(t);
  return out;
}

/** Upper 0.999 quantile of chi-square with 167 degrees of freedom. */
const CHI2_167_999 = 233.0;

describe('arrivalProcess: Poisson shaped by a profile (thinning)', () => {
  const inline: Profile = { name: 'inline', hourly: Array.from({ length: 24 }, (_, h) => 1 + (h % 5)), daily: [3, 1, 1, 1, 1, 0.5, 0.2] };
  test.each([
    ['office-hours', PROFILES['office-hours']],
    ['nightly-batch', PROFILES['nightly-batch']],
    ['an inline profile', inline],
  ])('counts per hour of week match %s (chi-square, 167 df, p = 0.001)', (_, profile) => {
    const weeks = 40;
    const clock = new LocalClock('UTC', '2026-01-05T00:00:00Z');
    const times = arrivals(profile, 30, weeks * 168 * 3600, clock);
    const observed = new Array<number>(168).fill(0);
    for (const t of times) observed[clock.hourOfWeek(t)]++;
    const weights = weeklyWeights(profile);
    let chi2 = 0;
    for (let h = 0; h < 168; h++) {
      const expected = 30 * weights[h] * weeks;
      chi2 += (observed[h] - expected) ** 2 / expected;
    }
    // The threshold rejects a correct sampler once in a thousand seeds; the seed is fixed.
    expect(chi2).toBeLessThan(CHI2_167_999);
    // The profile keeps the weekly average: 30/h over the whole span.
    expect(times.length / (weeks * 168)).toBeCloseTo(30, 0);
  });

  test('office hours: nights and weekends are quiet, weekdays busy', () => {
    const clock = new LocalClock('UTC', '2026-01-05T00:00:00Z');
    const observed = new Array<number>(168).fill(0);
    for (const t of arrivals(PROFILES['office-hours'], 30, 10 * 168 * 3600, clock)) observed[clock.hourOfWeek(t)]++;
    expect(observed[2 * 24 + 10]).toBeGreaterThan(10 * observed[2 * 24 + 3]);
    expect(observed[2 * 24 + 10]).toBeGreaterThan(5 * observed[6 * 24 + 10]);
  });

  test('follows local time across DST: no arrivals in the skipped hour, twice the arrivals in the repeated one', () => {
    // Only 01:00-03:00 local has weight, every day.
    const hourly = new Array<number>(24).fill(0);
    hourly[1] = 1;
    hourly[2] = 1;
    const profile: Profile = { name: 'night', hourly, daily: new Array<number>(7).fill(1) };
    const clock = new LocalClock('America/New_York', '2026-01-05T05:00:00Z'); // local midnight
    const ratePerHour = 2000 * (2 / 24); // 2000/h inside the window, on average over the day
    const times = arrivals(profile, ratePerHour, 330 * 86400, clock);
    const perLocalHour = new Map<string, number>();
    for (const t of times) {
      const local = new Date(clock.localMs(t)).toISOString().slice(0, 13);
      perLocalHour.set(local, (perLocalHour.get(local) ?? 0) + 1);
    }
    // Spring forward (2026-03-08): 02:00-03:00 does not exist.
    expect(perLocalHour.get('2026-03-08T02') ?? 0).toBe(0);
    expect(perLocalHour.get('2026-03-08T01')).toBeGreaterThan(1800);
    // Fall back (2026-11-01): 01:00-02:00 happens twice.
    const repeated = perLocalHour.get('2026-11-01T01') as number;
    expect(repeated).toBeGreaterThan(2 * 2000 - 5 * Math.sqrt(4000));
    expect(repeated).toBeLessThan(2 * 2000 + 5 * Math.sqrt(4000));
    // An ordinary day: about 2000 in each of the two hours.
    expect(Math.abs((perLocalHour.get('2026-06-10T01') as number) - 2000)).toBeLessThan(5 * Math.sqrt(2000));
  });

  test('a flat profile or none gives the constant-rate process, draw for draw', () => {
    const clock = new LocalClock('UTC', '2026-01-05T00:00:00Z');
    const flat = arrivals(PROFILES.flat, 10, 86400, clock, 3);
    const p = arrivalProcess({ process: 'poisson', rate: 10 / 3600, profile: null, bursts: [] }, randomStream(3, 'nhpp'), clock)!;
    const none: number[] = [];
    for (let t = p.first(0); t < 86400; t = p.next(t)) none.push(t);
    expect(flat).toEqual(none);
  });
});
