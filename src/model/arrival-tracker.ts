const HALF_LIFE = 900;
const KAPPA = Math.LN2 / HALF_LIFE;

/**
 * Recent arrivals of one stream: how many in the last hour, and an
 * exponentially weighted rate (sum of kappa e^(-kappa age) over arrivals, an
 * unbiased estimate of a constant Poisson rate) with a 15-minute half-life.
 */
export class ArrivalTracker {
  private times = new Float64Array(16);
  private head = 0;
  private length = 0;
  private weighted = 0;
  private last = -Infinity;

  add(t: number): void {
    this.weighted = this.weighted * Math.exp(-KAPPA * (t - this.last)) + KAPPA;
    this.last = t;
    this.drop(t);
    if (this.length === this.times.length) {
      const grown = new Float64Array(this.times.length * 2);
      for (let i = 0; i < this.length; i++) grown[i] = this.times[(this.head + i) & (this.times.length - 1)];
      this.times = grown;
      this.head = 0;
    }
    this.times[(this.head + this.length) & (this.times.length - 1)] = t;
    this.length++;
  }

  /** Arrivals in (now - 1 h, now]. */
  lastHour(now: number): number {
    this.drop(now);
    return this.length;
  }

  /** The weighted rate at `now`, per second. */
  ratePerSecond(now: number): number {
    return this.last === -Infinity ? 0 : this.weighted * Math.exp(-KAPPA * (now - this.last));
  }

  private drop(now: number): void {
    const mask = this.times.length - 1;
    while (this.length > 0 && this.times[this.head] <= now - 3600) {
      this.head = (this.head + 1) & mask;
      this.length--;
    }
  }
}
