import { deviation, mean, quantile } from 'd3-array';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** A figure across replications. */
export interface Stats {
  /** Replications. */
  n: number;
  mean: number;
  /** Half the width of the 95% confidence interval of the mean (Student t); 0 for one replication. */
  halfWidth: number;
  ciLow: number;
  ciHigh: number;
  /** Across replications (linear interpolation between order statistics). */
  p10: number;
  p50: number;
  p90: number;
}

/** Mean, 95% t-interval and P10/P50/P90 of `values`. */
export function stats(values: readonly number[]): Stats {
  const n = values.length;
  if (n === 0) throw new RangeError('no values');
  const m = mean(values) as number;
  const sd = n > 1 ? (deviation(values) as number) : 0;
  const halfWidth = n > 1 ? (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n) : 0;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n,
    mean: m,
    halfWidth,
    ciLow: m - halfWidth,
    ciHigh: m + halfWidth,
    p10: quantile(sorted, 0.1) as number,
    p50: quantile(sorted, 0.5) as number,
    p90: quantile(sorted, 0.9) as number,
  };
}

/** True when the 95% interval excludes zero. */
export function significant(s: Stats): boolean {
  return s.ciLow > 0 || s.ciHigh < 0;
}
