import { describe, expect, test } from 'vitest';
import { max, mean, min, quantile, variance } from 'd3-array';
import { distributionMean, sampler, type Distribution } from '../../src/random/distributions.js';
import { lognormalFromMedianP95 } from '../../src/catalog/machines.js';
import { randomStream } from '../../src/random/stream.js';
import { gammaFunction } from '../../src/random/gamma-function.js';

const N = 200000;

function draw(d: Distribution, seed = 1): number[] {
  const next = sampler(d, randomStream(seed, 'dist-test'));
  return Array.from({ length: N }, next);
}

/** Within `k` standard errors of the mean (sd / sqrt(N)). */
function expectMean(samples: number[], expected: number, sd: number, k = 5) {
  expect(Math.abs((mean(samples) as number) - expected)).toBeLessThan((k * sd) / Math.sqrt(samples.length));
}

describe('distributions, sampled', () => {
  test('fixed always returns its value', () => {
    expect(new Set(draw({ dist: 'fixed', value: 42 }).slice(0, 100))).toEqual(new Set([42]));
  });

  test('exponential: mean and variance mean^2, median mean ln 2', () => {
    const s = draw({ dist: 'exponential', mean: 600 });
    expectMean(s, 600, 600);
    expect(variance(s) as number).toBeCloseTo(600 * 600, -4);
    expect((quantile(s, 0.5) as number) / (600 * Math.LN2)).toBeCloseTo(1, 1);
  });

  test('lognormal from median and p95 has that median and p95', () => {
    const d = lognormalFromMedianP95(240, 540);
    const s = draw(d);
    expect((quantile(s, 0.5) as number) / 240).toBeCloseTo(1, 1);
    expect((quantile(s, 0.95) as number) / 540).toBeCloseTo(1, 1);
    const sd = Math.sqrt((Math.exp(d.dist === 'lognormal' ? d.sigma ** 2 : 0) - 1)) * distributionMean(d);
    expectMean(s, distributionMean(d), sd);
  });

  test('uniform: mean (a + b) / 2, all draws inside [a, b)', () => {
    const s = draw({ dist: 'uniform', min: 60, max: 180 });
    expectMean(s, 120, 120 / Math.sqrt(12));
    expect(min(s) as number).toBeGreaterThanOrEqual(60);
    expect(max(s) as number).toBeLessThan(180);
  });

  test.each([
    ['cv 0.5 (shape 4)', 0.5],
    ['cv 1 (shape 1, exponential)', 1],
    ['cv 2 (shape 0.25)', 2],
  ])('gamma %s: mean and coefficient of variation', (_, cv) => {
    const meanValue = 3600;
    const d: Distribution = { dist: 'gamma', shape: 1 / (cv * cv), scale: meanValue * cv * cv };
    const s = draw(d);
    expectMean(s, meanValue, meanValue * cv);
    const sampleCv = Math.sqrt(variance(s) as number) / (mean(s) as number);
    expect(sampleCv / cv).toBeCloseTo(1, 1);
    expect(min(s) as number).toBeGreaterThanOrEqual(0);
  });

  test('streams are independent by purpose and reproducible by seed', () => {
    const a = draw({ dist: 'exponential', mean: 1 }, 5).slice(0, 5);
    expect(draw({ dist: 'exponential', mean: 1 }, 5).slice(0, 5)).toEqual(a);
    expect(draw({ dist: 'exponential', mean: 1 }, 6).slice(0, 5)).not.toEqual(a);
    const other = sampler({ dist: 'exponential', mean: 1 }, randomStream(5, 'another purpose'));
    expect([other(), other()]).not.toEqual(a.slice(0, 2));
  });
});

describe('distributions added for realistic workloads', () => {
  test('weibull: mean scale x Γ(1 + 1/k), median scale x ln(2)^(1/k)', () => {
    const d: Distribution = { dist: 'weibull', shape: 0.7, scale: 3600 };
    const s = draw(d);
    const m = distributionMean(d);
    expect(m).toBeCloseTo(3600 * gammaFunction(1 + 1 / 0.7), 9);
    const sd = 3600 * Math.sqrt(gammaFunction(1 + 2 / 0.7) - gammaFunction(1 + 1 / 0.7) ** 2);
    expectMean(s, m, sd);
    expect((quantile(s, 0.5) as number) / (3600 * Math.pow(Math.LN2, 1 / 0.7))).toBeCloseTo(1, 1);
  });

  test('empirical: draws only the given values, each about equally often', () => {
    const s = draw({ dist: 'empirical', values: [60, 600, 6000] });
    expect(new Set(s)).toEqual(new Set([60, 600, 6000]));
    for (const v of [60, 600, 6000]) {
      const share = s.filter((x) => x === v).length / s.length;
      expect(Math.abs(share - 1 / 3)).toBeLessThan(5 * Math.sqrt((1 / 3) * (2 / 3) / s.length));
    }
  });

  test('a cap (max) ends every draw at the cap: exponential mean becomes mean (1 - e^(-max/mean))', () => {
    const mean = 3600;
    const max = 7200;
    const s = draw({ dist: 'exponential', mean, max });
    expect(max_(s)).toBe(max);
    const capped = mean * (1 - Math.exp(-max / mean));
    expectMean(s, capped, mean);
    // P(draw = max) = P(X >= max) = e^(-2).
    const atCap = s.filter((x) => x === max).length / s.length;
    expect(Math.abs(atCap - Math.exp(-2))).toBeLessThan(5 * Math.sqrt(Math.exp(-2) * (1 - Math.exp(-2)) / s.length));
  });
});

function max_(values: number[]): number {
  return max(values) as number;
}

describe('gammaFunction', () => {
  test('matches known values', () => {
    expect(gammaFunction(5)).toBeCloseTo(24, 10);
    expect(gammaFunction(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(gammaFunction(1)).toBeCloseTo(1, 12);
    expect(gammaFunction(2.5)).toBeCloseTo(1.329340388179137, 12);
  });
});
