import { describe, expect, test } from 'vitest';
import { parseDuration, parseRate } from '../../src/scenario/units.js';

describe('parseDuration', () => {
  test.each([
    [90, 90],
    ['90s', 90],
    ['10m', 600],
    ['2.5h', 9000],
    ['1d', 86400],
    ['2w', 1209600],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['45', 45],
    ['.5m', 30],
  ])('%s is %d seconds', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  test.each([
    ['30x', 'unknown unit "x"'],
    ['ten minutes', 'is not a duration'],
    ['', 'is not a duration'],
    [true, 'expected a duration'],
    [Infinity, 'not a finite number'],
  ])('%s is refused: %s', (input, message) => {
    const r = parseDuration(input);
    expect(typeof r).toBe('object');
    expect((r as { error: string }).error).toContain(message);
  });
});

describe('parseRate', () => {
  test.each([
    ['3/h', 3 / 3600],
    ['0.5/m', 0.5 / 60],
    ['10/s', 10],
    ['24/d', 24 / 86400],
  ])('%s is %f per second', (input, perSecond) => {
    expect(parseRate(input)).toBeCloseTo(perSecond, 15);
  });

  test.each([
    ['3', 'is not a rate'],
    ['3/x', 'unknown unit "x"'],
    [3, 'expected a rate'],
  ])('%s is refused: %s', (input, message) => {
    expect((parseRate(input) as { error: string }).error).toContain(message);
  });
});
