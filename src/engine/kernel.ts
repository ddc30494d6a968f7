import { EventQueue } from './event-queue.js';

/** Receives each event the kernel runs. */
export type EventHandler = (kind: number, payload: number) => void;

/**
 * The discrete-event kernel: a clock and a queue of future events. It knows
 * nothing of machines, jobs, randomness or metrics.
 */
export class Kernel {
  /** Current simulated time, in seconds. */
  now: number;
  /** Events run so far. */
  events = 0;
  private readonly queue = new EventQueue();
  private readonly cancelled = new Set<number>();

  constructor(start = 0) {
    this.now = start;
  }

  /**
   * Schedules an event at `time` (>= now). Among events at the same time, a
   * lower `priority` runs first, then the one scheduled first. Returns an id
   * for `cancel`.
   */
  schedule(time: number, kind: number, payload = 0, priority = 0): number {
    if (!(time >= this.now)) {
      throw new RangeError(`cannot schedule at ${time}: before now (${this.now})`);
    }
    return this.queue.push(time, priority, kind, payload);
  }

  /** Cancels a pending event (one scheduled and not yet run). */
  cancel(id: number): void {
    this.cancelled.add(id);
  }

  /**
   * Runs events in order while the next one is at or before `until`, then sets
   * the clock to `until`. Returns the number of events run.
   */
  run(until: number, handler: EventHandler): number {
    const queue = this.queue;
    const cancelled = this.cancelled;
    let ran = 0;
    while (queue.peekTime() <= until) {
      queue.pop();
      if (cancelled.size > 0 && cancelled.delete(queue.id)) continue;
      this.now = queue.time;
      ran++;
      handler(queue.kind, queue.payload);
    }
    if (until > this.now && until !== Infinity) this.now = until;
    this.events += ran;
    return ran;
  }
}
