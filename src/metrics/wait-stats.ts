import { DDSketch } from '@datadog/sketches-js';

/**
 * Relative accuracy of quantiles once a run has more than EXACT_LIMIT values:
 * a reported quantile is within 0.5% of the exact order statistic (DDSketch,
 * Masson et al., VLDB 2019). Zero waits are counted exactly.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.005;
/** Up to this many values, quantiles are exact. */
export const EXACT_LIMIT = 4096;

/**
 * Streaming statistics of waiting times: exact count, mean, max and share
 * above zero; quantiles exact for small runs, then from a relative-error sketch,
 * so memory stays bounded however many jobs run. A quantile q is the order
 * statistic at rank floor(q (n - 1)) of the sorted values, in both regimes.
 */
export class WaitStats {
  count = 0;
  sum = 0;
  max = 0;
  positive = 0;
  private exact: number[] | null = [];
  private sketch: DDSketch | null = null;
  /** The exact values sorted, kept between quantile calls until the next add. */
  private sorted: Float64Array | null = null;

  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
    if (value > 0) this.positive++;
    if (this.exact !== null) {
      this.sorted = null;
      this.exact.push(value);
      if (this.exact.length > EXACT_LIMIT) {
        this.sketch = new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
        for (const v of this.exact) this.sketch.accept(v);
        this.exact = null;
      }
    } else {
      (this.sketch as DDSketch).accept(value);
    }
  }

  /** Statistics of all values of `parts` together, as if each value had been added to one. */
  static merge(parts: readonly WaitStats[]): WaitStats {
    const out = new WaitStats();
    for (const part of parts) {
      out.count += part.count;
      out.sum += part.sum;
      out.positive += part.positive;
      if (part.max > out.max) out.max = part.max;
    }
    if (out.count <= EXACT_LIMIT) {
      out.exact = parts.flatMap((p) => p.exact ?? []);
      return out;
    }
    const sketch = new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
    for (const part of parts) {
      if (part.exact !== null) for (const v of part.exact) sketch.accept(v);
      else sketch.merge(part.sketch as DDSketch);
    }
    out.exact = null;
    out.sketch = sketch;
    return out;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** The q-quantile (0 <= q <= 1); 0 when there are no values. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    if (this.exact !== null) {
      this.sorted ??= Float64Array.from(this.exact).sort();
      return this.sorted[Math.floor(q * (this.sorted.length - 1))];
    }
    const v = (this.sketch as DDSketch).getValueAtQuantile(q);
    return Math.min(Math.max(v, 0), this.max);
  }
}
