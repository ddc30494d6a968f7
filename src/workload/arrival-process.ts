import type { Random } from '../random/stream.js';
import type { Arrivals } from '../scenario/scenario.js';
import type { LocalClock } from '../time/local-clock.js';
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
      // Non-homogeneous Poisson by thinning (Lewis and Shedler, 1979): candidates at the
      // peak rate, each kept with probability rate(t) / peak. Exact for any profile.
      const weights = weeklyWeights(profile);
      let peak = 0;
      for (const w of weights) peak = Math.max(peak, w);
      for (let i = 0; i < 168; i++) weights[i] /= peak;
      const peakRate = rate * peak;
      const next = (t: number) => {
        let at = t;
        for (;;) {
          at -= Math.log(1 - random()) / peakRate;
          if (random() < weights[clock.hourOfWeek(at)]) return at;
        }
      };
      return { first: next, next };
    }
  }
}
