import { describe, expect, test } from 'vitest';
import { erlangC, mmcMeanWait } from '../../src/theory/erlang-c.js';

describe('erlangC', () => {
  test('matches closed forms: M/M/1 waits with probability rho; M/M/2 with 2 rho^2 / (1 + rho)', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    const rho = 0.6;
    expect(erlangC(2, 2 * rho)).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
  });

  test('matches a published table value (c = 10, a = 8: 0.4092)', () => {
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 4);
  });

  test('is stable for large pools', () => {
    const p = erlangC(1000, 980);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  test('mmcMeanWait is C / (c mu - lambda)', () => {
    expect(mmcMeanWait(1, 0.5, 1)).toBeCloseTo(1, 12); // M/M/1: rho / (mu - lambda)
  });

  test('rejects an unstable or malformed queue', () => {
    expect(() => erlangC(2, 2)).toThrow(RangeError);
    expect(() => erlangC(0, 0.5)).toThrow(RangeError);
  });
});
