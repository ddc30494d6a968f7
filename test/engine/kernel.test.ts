import { describe, expect, test } from 'vitest';
import { Kernel } from '../../src/engine/kernel.js';

describe('Kernel', () => {
  test('run() runs events in time order, ties by priority then scheduling order, as a trace', () => {
    const k = new Kernel();
    const log: [number, string][] = [];
    const names = ['a', 'b', 'c', 'd', 'e'];
    k.schedule(10, 0);
    k.schedule(5, 1);
    k.schedule(10, 2, 0, 0);
    k.schedule(10, 3, 0, 1);
    k.schedule(5, 4);
    k.run(100, (kind) => {
      log.push([k.now, names[kind]]);
      if (kind === 1) k.schedule(k.now, 2, 0, 5); // same instant, lower priority: after 'e'
    });
    expect(log).toEqual([
      [5, 'b'],
      [5, 'e'],
      [5, 'c'],
      [10, 'a'],
      [10, 'c'],
      [10, 'd'],
    ]);
  });

  test('run(until) runs events at until, leaves later ones, and sets now to until', () => {
    const k = new Kernel();
    const seen: number[] = [];
    for (const t of [1, 2, 3, 4]) k.schedule(t, 0, t);
    expect(k.run(3, (_, p) => seen.push(p))).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(k.now).toBe(3);
    expect(k.run(3.5, (_, p) => seen.push(p))).toBe(0);
    expect(k.now).toBe(3.5);
    k.run(10, (_, p) => seen.push(p));
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(k.now).toBe(10);
    expect(k.events).toBe(4);
  });

  test('cancel() drops a pending event', () => {
    const k = new Kernel();
    const seen: number[] = [];
    k.schedule(1, 0, 1);
    const id = k.schedule(2, 0, 2);
    k.schedule(3, 0, 3);
    k.cancel(id);
    k.run(10, (_, p) => seen.push(p));
    expect(seen).toEqual([1, 3]);
  });

  test('schedule() refuses a time in the past or NaN', () => {
    const k = new Kernel(-5);
    k.run(0, () => {});
    expect(() => k.schedule(-1, 0)).toThrow(RangeError);
    expect(() => k.schedule(NaN, 0)).toThrow(RangeError);
    expect(() => k.schedule(0, 0)).not.toThrow();
  });

  test('a kernel starts at its start time (the warm-up)', () => {
    const k = new Kernel(-3600);
    expect(k.now).toBe(-3600);
    k.schedule(-1800, 0);
    let at = 0;
    k.run(0, () => (at = k.now));
    expect(at).toBe(-1800);
  });
});
