import { describe, expect, test } from 'vitest';
import { EXACT_LIMIT, SKETCH_RELATIVE_ACCURACY, WaitStats } from '../../src/metrics/wait-stats.js';
import { randomStream } from '../../src/random/stream.js';

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))];
}

describe('WaitStats', () => {
  test('small runs: exact count, mean, max, share waited and quantiles', () => {
    const s = new WaitStats();
    for (const v of [0, 0, 10, 20, 30, 40, 50, 60, 70, 1000]) s.add(v);
    expect(s.count).toBe(10);
    expect(s.mean).toBe(128);
    expect(s.max).toBe(1000);
    expect(s.positive).toBe(8);
    expect(s.quantile(0)).toBe(0);
    expect(s.quantile(0.5)).toBe(30); // rank floor(0.5 * 9) = 4
    expect(s.quantile(0.95)).toBe(70); // rank floor(0.95 * 9) = 8
    expect(s.quantile(1)).toBe(1000);
  });

  test('no values: quantiles and mean are 0', () => {
    const s = new WaitStats();
    expect(s.quantile(0.5)).toBe(0);
    expect(s.mean).toBe(0);
  });

  test(`large runs: every quantile within ${SKETCH_RELATIVE_ACCURACY * 100}% of the exact order statistic, zeros exact`, () => {
    const random = randomStream(3, 'sketch');
    const values: number[] = [];
    const s = new WaitStats();
    for (let i = 0; i < 50 * EXACT_LIMIT; i++) {
      // Queueing-like: 40% zeros, then a heavy tail over six orders of magnitude.
      const v = random() < 0.4 ? 0 : Math.exp(12 * random() - 4) * (1 + random());
      values.push(v);
      s.add(v);
    }
    for (const q of [0.1, 0.3, 0.4, 0.5, 0.9, 0.95, 0.99, 0.999, 1]) {
      const exact = exactQuantile(values, q);
      const got = s.quantile(q);
      if (exact === 0) expect(got).toBe(0);
      else expect(Math.abs(got - exact) / exact, `q=${q}`).toBeLessThanOrEqual(SKETCH_RELATIVE_ACCURACY + 1e-12);
    }
    expect(s.count).toBe(values.length);
    expect(s.max).toBe(values.reduce((a, b) => Math.max(a, b)));
  });
});

describe('WaitStats.merge', () => {
  test.each([
    ['small parts, exact result', 3, 100],
    ['small parts, sketched result', 3, EXACT_LIMIT],
    ['large parts', 2, 3 * EXACT_LIMIT],
  ])('%s: the same figures as adding every value to one', (_, partsCount, size) => {
    const random = randomStream(11, 'merge');
    const whole = new WaitStats();
    const parts = Array.from({ length: partsCount }, () => new WaitStats());
    for (const part of parts) {
      for (let i = 0; i < size; i++) {
        const v = random() < 0.3 ? 0 : 1000 * random();
        part.add(v);
        whole.add(v);
      }
    }
    const merged = WaitStats.merge(parts);
    expect([merged.count, merged.max, merged.positive]).toEqual([whole.count, whole.max, whole.positive]);
    expect(merged.mean).toBeCloseTo(whole.mean, 9);
    for (const q of [0, 0.25, 0.5, 0.9, 0.99, 1]) expect(merged.quantile(q)).toBe(whole.quantile(q));
  });
});
