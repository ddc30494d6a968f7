/**
 * A load profile: relative weights by local hour of day (24, from 00:00) and
 * by day of week (7, Monday first). Only their shape matters: a rate times a
 * profile keeps its average over a week, because weights are normalised so
 * that their mean over the 168 hours of a week is 1.
 */
export interface Profile {
  name: string;
  hourly: number[];
  daily: number[];
}

const FLAT_HOURS = new Array<number>(24).fill(1);
const EVERY_DAY = new Array<number>(7).fill(1);

/** Built-in profiles, keyed by name. */
export const PROFILES: Readonly<Record<string, Profile>> = {
  flat: { name: 'flat', hourly: FLAT_HOURS, daily: EVERY_DAY },
  // A team at work 09:00-17:00 on weekdays, a little before and after, a trickle at night and at weekends.
  'office-hours': {
    name: 'office-hours',
    hourly: [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1, 1, 1, 0.8, 1, 1, 1, 0.9, 0.6, 0.35, 0.2, 0.15, 0.1, 0.05, 0.05],
    daily: [1, 1, 1, 1, 1, 0.15, 0.1],
  },
  // Batch work scheduled for the night (20:00-06:00), every day.
  'nightly-batch': {
    name: 'nightly-batch',
    hourly: [1, 1, 1, 1, 1, 0.8, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 0.9, 1, 1],
    daily: EVERY_DAY,
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES);

/** The profile's weight for each hour of the week (0 = Monday 00:00), normalised to mean 1. */
export function weeklyWeights(profile: Profile): Float64Array {
  const w = new Float64Array(168);
  let sum = 0;
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      w[d * 24 + h] = profile.daily[d] * profile.hourly[h];
      sum += w[d * 24 + h];
    }
  }
  if (!(sum > 0)) throw new RangeError(`profile ${profile.name} has no positive weight`);
  for (let i = 0; i < 168; i++) w[i] *= 168 / sum;
  return w;
}
