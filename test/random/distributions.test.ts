import { describe, expect, test } from 'vitest';
import { max, mean, min, quantile, variance } from 'd3-array';
import { distributionMean, sampler, type Distribution } from '../../src/random/distributions.js';
import { lognormalFromMedianP95 } from '../../src/catalog/machines.js';
import { randomStream } from '../../src/random/stream.js';

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
