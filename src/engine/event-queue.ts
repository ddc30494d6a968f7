/**
 * A binary min-heap of events ordered by the total key (time, priority, sequence).
 *
 * The sequence is a counter, so events with equal time and priority leave in
 * the order they were pushed: runs are deterministic. Storage is parallel typed
 * arrays (no object per event) because the heap is the hottest path of a run.
 */
export class EventQueue {
  private times: Float64Array;
  /** priority * 2^45 + sequence: one comparison orders ties. */
  private ranks: Float64Array;
  private kinds: Int32Array;
  private payloads: Int32Array;
  private length = 0;
  private sequence = 0;

  /** Fields of the event removed by the last `pop()`. */
  time = 0;
  kind = 0;
  payload = 0;
  id = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.ranks = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** Adds an event and returns its id (the sequence number). */
  push(time: number, priority: number, kind: number, payload: number): number {
    if (!(priority >= 0 && priority < 256 && Number.isInteger(priority))) {
      throw new RangeError(`priority must be an integer in [0, 255], got ${priority}`);
    }
    if (this.length === this.times.length) this.grow();
    const id = this.sequence++;
    const rank = priority * 35184372088832 + id;
    const times = this.times;
    const ranks = this.ranks;
    const kinds = this.kinds;
    const payloads = this.payloads;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && ranks[parent] < rank)) break;
      times[i] = pt;
      ranks[i] = ranks[parent];
      kinds[i] = kinds[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    ranks[i] = rank;
    kinds[i] = kind;
    payloads[i] = payload;
    return id;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.length > 0 ? this.times[0] : Infinity;
  }

  /** Removes the earliest event into `time`, `kind`, `payload`, `id`; false when empty. */
  pop(): boolean {
    if (this.length === 0) return false;
    const times = this.times;
    const ranks = this.ranks;
    const kinds = this.kinds;
    const payloads = this.payloads;
    this.time = times[0];
    this.kind = kinds[0];
    this.payload = payloads[0];
    this.id = ranks[0] % 35184372088832;
    const n = --this.length;
    if (n === 0) return true;
    const time = times[n];
    const rank = ranks[n];
    const kind = kinds[n];
    const payload = payloads[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (times[right] < times[child] || (times[right] === times[child] && ranks[right] < ranks[child]))) {
        child = right;
      }
      const ct = times[child];
      if (time < ct || (time === ct && rank < ranks[child])) break;
      times[i] = ct;
      ranks[i] = ranks[child];
      kinds[i] = kinds[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = time;
    ranks[i] = rank;
    kinds[i] = kind;
    payloads[i] = payload;
    return true;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const ranks = new Float64Array(capacity);
    const kinds = new Int32Array(capacity);
    const payloads = new Int32Array(capacity);
    times.set(this.times);
    ranks.set(this.ranks);
    kinds.set(this.kinds);
    payloads.set(this.payloads);
    this.times = times;
    this.ranks = ranks;
    this.kinds = kinds;
    this.payloads = payloads;
  }
}
