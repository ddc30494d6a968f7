/** Per-interval figures kept for each group: state-seconds, queue-seconds, jobs started, rounding seconds. */
export const TIMELINE_FIELDS = ['booting', 'idle', 'reserved', 'busy', 'standby', 'queue', 'started', 'rounding'] as const;
const F = TIMELINE_FIELDS.length;
const QUEUE = 5;
const STARTED = 6;
const ROUNDING = 7;

/** Intervals a timeline may use, seconds, finest first. */
export const TIMELINE_STEPS = [60, 300, 600, 900, 1800, 3600, 7200, 21600, 86400, 604800];

/** The finest step that keeps a timeline of `groups` over `horizon` seconds under `maxRows` rows. */
export function timelineInterval(horizon: number, groups: number, maxRows = 100_000): number {
  return TIMELINE_STEPS.find((step) => Math.ceil(horizon / step) * groups <= maxRows) ?? TIMELINE_STEPS[TIMELINE_STEPS.length - 1];
}

/**
 * Figures of the measured span in fixed intervals, per group, filled in as
 * the run goes (a span of time is split across the intervals it covers).
 */
export class Timeline {
  readonly bins: number;
  private readonly data: Float64Array;

  constructor(
    readonly interval: number,
    readonly horizon: number,
    readonly groups: number,
  ) {
    if (!(interval > 0)) throw new RangeError(`interval must be positive, got ${interval}`);
    this.bins = Math.max(1, Math.ceil(horizon / interval));
    this.data = new Float64Array(groups * this.bins * F);
  }

  /** Adds `counts[s]` x seconds of [from, to) for states 0-4, and `queued` x seconds of queue, to group `g`. */
  addSpan(g: number, from: number, to: number, counts: Int32Array, base: number, queued: number): void {
    const I = this.interval;
    let t = from;
    while (t < to) {
      const bin = Math.min(this.bins - 1, Math.floor(t / I));
      const end = Math.min(to, (bin + 1) * I);
      const dt = end - t;
      const at = (g * this.bins + bin) * F;
      for (let s = 0; s < 5; s++) this.data[at + s] += counts[base + s] * dt;
      this.data[at + QUEUE] += queued * dt;
      if (end <= t) break;
      t = end;
    }
  }

  /** Counts one job started at `t` in group `g`. */
  addStart(g: number, t: number): void {
    this.data[this.at(g, t) + STARTED]++;
  }

  /** Adds billing-granularity seconds charged at `t` (a removal). */
  addRounding(g: number, t: number, seconds: number): void {
    this.data[this.at(g, t) + ROUNDING] += seconds;
  }

  /** The figure `field` of group `g` in interval `bin`. */
  get(g: number, bin: number, field: (typeof TIMELINE_FIELDS)[number]): number {
    return this.data[(g * this.bins + bin) * F + TIMELINE_FIELDS.indexOf(field)];
  }

  private at(g: number, t: number): number {
    const bin = Math.min(this.bins - 1, Math.max(0, Math.floor(t / this.interval)));
    return (g * this.bins + bin) * F;
  }
}
