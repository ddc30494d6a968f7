import { gammaFunction } from './gamma-function.js';
import { randomStream, type Random } from './stream.js';

/**
 * A distribution of non-negative durations, all parameters in seconds. `max`,
 * on any of them, caps each draw at that value (an auto-shutdown: the job
 * ends at `max`); for `uniform` it is also the upper bound.
 */
export type Distribution =
  | { dist: 'fixed'; value: number; max?: number }
  | { dist: 'exponential'; mean: number; max?: number }
  | { dist: 'lognormal'; mu: number; sigma: number; max?: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'gamma'; shape: number; scale: number; max?: number }
  | { dist: 'weibull'; shape: number; scale: number; max?: number }
  | { dist: 'empirical'; values: number[]; max?: number };

export type DistributionName = Distribution['dist'];

/** z for the 95th percentile of the standard normal. */
export const Z95 = 1.6448536269514722;

interface DistributionKind<D extends Distribution> {
  /** Parameters accepted in a scenario file, for help and error messages. */
  readonly params: string;
  /** The mean before any cap. */
  readonly mean: (d: D) => number;
  readonly sampler: (d: D, random: Random) => () => number;
}

type Registry = { [K in DistributionName]: DistributionKind<Extract<Distribution, { dist: K }>> };

/** Standard normal draws by the Box-Muller transform, both values of a pair used. */
function normalSampler(random: Random): () => number {
  let spare = NaN;
  return () => {
    if (spare === spare) {
      const z = spare;
      spare = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const theta = 2 * Math.PI * random();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/**
 * Gamma(shape, 1) by Marsaglia and Tsang, "A simple method for generating gamma
 * variables" (ACM TOMS 26(3), 2000); shape < 1 by the boost U^(1/shape).
 */
function gammaSampler(shape: number, random: Random): () => number {
  const normal = normalSampler(random);
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return () => {
    let x: number;
    let v: number;
    for (;;) {
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - random();
      if (u < 1 - 0.0331 * x * x * x * x) break;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v;
    return boosted ? g * Math.pow(1 - random(), 1 / shape) : g;
  };
}

/** The distributions a scenario may name, keyed by name. */
export const DISTRIBUTIONS: Registry = {
  fixed: {
    params: 'value',
    mean: (d) => d.value,
    sampler: (d) => () => d.value,
  },
  exponential: {
    params: 'mean',
    mean: (d) => d.mean,
    sampler: (d, random) => () => -d.mean * Math.log(1 - random()),
  },
  lognormal: {
    params: 'median and p95, or mu and sigma (of the log of seconds)',
    mean: (d) => Math.exp(d.mu + (d.sigma * d.sigma) / 2),
    sampler: (d, random) => {
      const normal = normalSampler(random);
      return () => Math.exp(d.mu + d.sigma * normal());
    },
  },
  uniform: {
    params: 'min and max',
    mean: (d) => (d.min + d.max) / 2,
    sampler: (d, random) => () => d.min + (d.max - d.min) * random(),
  },
  gamma: {
    params: 'mean and cv (coefficient of variation)',
    mean: (d) => d.shape * d.scale,
    sampler: (d, random) => {
      const unit = gammaSampler(d.shape, random);
      return () => d.scale * unit();
    },
  },
  weibull: {
    params: 'shape and scale, or shape and mean',
    mean: (d) => d.scale * gammaFunction(1 + 1 / d.shape),
    sampler: (d, random) => {
      const inverse = 1 / d.shape;
      return () => d.scale * Math.pow(-Math.log(1 - random()), inverse);
    },
  },
  empirical: {
    params: 'values (a list of durations), or file and column (a CSV column of seconds)',
    mean: (d) => d.values.reduce((a, b) => a + b, 0) / d.values.length,
    sampler: (d, random) => {
      const values = d.values;
      return () => values[Math.floor(random() * values.length)];
    },
  },
};

export const DISTRIBUTION_NAMES = Object.keys(DISTRIBUTIONS) as DistributionName[];

/** A function drawing from `d` with `random`. */
export function sampler(d: Distribution, random: Random): () => number {
  const draw = (DISTRIBUTIONS[d.dist] as DistributionKind<Distribution>).sampler(d, random);
  const cap = d.max;
  if (cap === undefined || d.dist === 'uniform') return draw;
  return () => {
    const x = draw();
    return x < cap ? x : cap;
  };
}

/** The mean of `d` before any cap, in seconds. */
export function distributionMean(d: Distribution): number {
  return (DISTRIBUTIONS[d.dist] as DistributionKind<Distribution>).mean(d);
}

/** `d` with every value multiplied by `k` > 0 (the cap too). */
export function scaleDistribution(d: Distribution, k: number): Distribution {
  const max = d.max === undefined ? {} : { max: d.max * k };
  switch (d.dist) {
    case 'fixed':
      return { dist: 'fixed', value: d.value * k, ...max };
    case 'exponential':
      return { dist: 'exponential', mean: d.mean * k, ...max };
    case 'lognormal':
      return { dist: 'lognormal', mu: d.mu + Math.log(k), sigma: d.sigma, ...max };
    case 'uniform':
      return { dist: 'uniform', min: d.min * k, max: d.max * k };
    case 'gamma':
      return { dist: 'gamma', shape: d.shape, scale: d.scale * k, ...max };
    case 'weibull':
      return { dist: 'weibull', shape: d.shape, scale: d.scale * k, ...max };
    case 'empirical':
      return { dist: 'empirical', values: d.values.map((v) => v * k), ...max };
  }
}

/** The mean of `d` after its cap, in seconds; without a closed form, from a fixed sample (deterministic, within about 1%). */
export function cappedMean(d: Distribution): number {
  if (d.max === undefined || d.dist === 'uniform') return distributionMean(d);
  if (d.dist === 'fixed') return Math.min(d.value, d.max);
  if (d.dist === 'exponential') return d.mean * (1 - Math.exp(-d.max / d.mean));
  if (d.dist === 'empirical') return d.values.reduce((a, v) => a + Math.min(v, d.max as number), 0) / d.values.length;
  const draw = sampler(d, randomStream(0, 'capped-mean'));
  let sum = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) sum += draw();
  return sum / n;
}
