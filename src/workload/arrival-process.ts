import type { Random } from '../random/stream.js';
import type { Arrivals } from '../scenario/scenario.js';
import { hourOfWeekAt, type LocalClock } from '../time/local-clock.js';
import { weeklyWeights } from './profiles.js';

/**
 * The base arrival process of a workload as a function from the current
 * arrival time to the next one (bursts are separate). Null when the workload
 * has only bursts. `first(t0)` gives the first arrival at or after the start.
 */
export interface ArrivalProcess {
  first(t0: number): number;
  next(t: number): number;
}

/** Builds the arrival process, drawing from `random`; profiles are read on `clock`. */
export function arrivalProcess(arrivals: Arrivals, random: Random, clock: LocalClock): ArrivalProcess | null {
  switch (arrivals.process) {
    case 'bursts':
      return null;
    case 'fixed': {
      const gap = arrivals.interval;
      return { first: (t0) => t0, next: (t) => t + gap };
    }
    case 'poisson': {
      const rate = arrivals.rate;
      const profile = arrivals.profile;
      if (profile === null || profile.name === 'flat') {
        const next = (t: number) => t - Math.log(1 - random()) / rate;
        return { first: next, next };
      }
      // Non-homogeneous Poisson, sampled exactly: the rate is constant within each
      // local hour, so a unit-rate exponential draw is spent hour by hour until it
      // runs out (the time change of Cinlar, 1975). It is thinning against an
      // envelope equal to the rate itself: nothing is ever rejected, and each
      // arrival costs one draw and one look at the clock per hour it spans.
      const rates = weeklyWeights(profile).map((w) => w * rate);
      // The hour the last arrival fell in: consecutive arrivals mostly share it.
      let segmentStart = Infinity;
      let segmentEnd = -Infinity;
      let segmentRate = 0;
      const next = (t: number) => {
        let budget = -Math.log(1 - random());
        let at = t;
        for (;;) {
          if (!(at >= segmentStart && at < segmentEnd)) {
            const local = clock.localMs(at);
            segmentRate = rates[hourOfWeekAt(local)];
            segmentStart = at;
            segmentEnd = at + (Math.floor(local / 3_600_000 + 1) * 3_600_000 - local) / 1000;
          }
          const room = segmentRate * (segmentEnd - at);
          if (room > budget) return at + budget / segmentRate;
          budget -= room;
          at = segmentEnd;
        }
      };
      return { first: next, next };
    }
  }
}
