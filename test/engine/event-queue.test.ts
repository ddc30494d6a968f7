import { describe, expect, test } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';
import { randomStream } from '../../src/random/stream.js';

function drain(q: EventQueue): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (q.pop()) out.push([q.time, q.kind, q.payload]);
  return out;
}

describe('EventQueue', () => {
  test('pop() returns events by time, then priority, then insertion order', () => {
    const q = new EventQueue(2);
    q.push(5, 0, 1, 10);
    q.push(1, 3, 2, 20);
    q.push(5, 0, 3, 30);
    q.push(1, 1, 4, 40);
    q.push(5, 2, 5, 50);
    q.push(5, 0, 6, 60);
    q.push(0, 9, 7, 70);
    expect(drain(q)).toEqual([
      [0, 7, 70],
      [1, 4, 40],
      [1, 2, 20],
      [5, 1, 10],
      [5, 3, 30],
      [5, 6, 60],
      [5, 5, 50],
    ]);
  });

  test('pop() sets id to the sequence number push() returned', () => {
    const q = new EventQueue();
    const a = q.push(2, 0, 0, 0);
    const b = q.push(1, 0, 0, 0);
    q.pop();
    expect(q.id).toBe(b);
    q.pop();
    expect(q.id).toBe(a);
    expect(q.pop()).toBe(false);
  });

  test('a large random load leaves in the order of a stable sort by (time, priority)', () => {
    const random = randomStream(7, 'queue-test');
    const q = new EventQueue(4);
    const pushed: { time: number; priority: number; seq: number }[] = [];
    for (let i = 0; i < 20000; i++) {
      // Coarse times force many ties.
      const time = Math.floor(random() * 500);
      const priority = Math.floor(random() * 4);
      q.push(time, priority, 0, i);
      pushed.push({ time, priority, seq: i });
      if (i % 3 === 0) {
        q.pop();
        pushed.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
        expect(q.payload).toBe(pushed.shift()?.seq);
      }
    }
    pushed.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
    expect(drain(q).map((e) => e[2])).toEqual(pushed.map((p) => p.seq));
  });

  test('push() rejects a priority outside 0..255', () => {
    const q = new EventQueue();
    expect(() => q.push(0, 256, 0, 0)).toThrow(RangeError);
    expect(() => q.push(0, -1, 0, 0)).toThrow(RangeError);
  });
});
