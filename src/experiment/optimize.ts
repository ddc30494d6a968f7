import type { FigureStats } from './compare.js';
import type { RunManyOptions } from './replications.js';
import { fails, meets, type Slo } from './slo.js';
import { evaluate, type GridPoint } from './sweep.js';

export interface OptimizeOptions extends RunManyOptions {
  slos: readonly Slo[];
  /** The figure to minimise (default cost.monthly). */
  minimize: string;
  /** Replications for a point that is kept to the end. */
  replications: number;
  /** Grids up to this size are searched exhaustively. */
  exhaustiveUpTo?: number;
}

export interface OptimizeResult {
  /** Index into the points, or -1 when no point meets every SLO with confidence. */
  best: number;
  runnerUp: number;
  /** The figures of every point at the replications it got. */
  figures: (FigureStats | null)[];
  replicationsOf: number[];
  method: 'exhaustive' | 'racing';
}

/**
 * The cheapest point that meets every SLO with confidence (the upper end of
 * the 95% interval within the limit, not the mean). Small grids are run in
 * full. Larger ones by racing, in rounds of doubling replications (3, 6, 12,
 * ... up to the full count): after each round a point is dropped when it
 * surely fails an SLO (its whole interval on the wrong side) or is surely
 * costlier than the cheapest point that already meets every SLO (its
 * objective's interval entirely above that point's). Replications go to the
 * points where the decision is close.
 */
export async function optimize(points: readonly GridPoint[], options: OptimizeOptions): Promise<OptimizeResult> {
  const n = points.length;
  const figures: (FigureStats | null)[] = new Array(n).fill(null);
  const replicationsOf = new Array<number>(n).fill(0);
  const score = (i: number) => (figures[i] as FigureStats)[options.minimize]?.mean ?? Infinity;
  const feasible = (i: number) => figures[i] !== null && options.slos.every((s) => meets(s, (figures[i] as FigureStats)[s.metric]));
  const exhaustive = n <= (options.exhaustiveUpTo ?? 16);
  let alive = points.map((_, i) => i);
  let reps = exhaustive ? options.replications : Math.min(options.replications, 3);
  for (;;) {
    const stats = await evaluate(alive.map((i) => points[i]), reps, options);
    alive.forEach((i, k) => {
      figures[i] = stats[k];
      replicationsOf[i] = reps;
    });
    for (const s of options.slos) {
      if (figures[alive[0]]?.[s.metric] === undefined) throw new RangeError(`--slo ${s.text}: no figure "${s.metric}"; see the figure paths in the README`);
    }
    if (figures[alive[0]]?.[options.minimize] === undefined) throw new RangeError(`--minimize: no figure "${options.minimize}"`);
    if (reps >= options.replications) break;
    // Drop what surely fails, and what is surely costlier than the cheapest point that already meets every SLO.
    const candidates = alive.filter((i) => !options.slos.some((s) => fails(s, (figures[i] as FigureStats)[s.metric])));
    const leader = candidates.filter(feasible).sort((a, b) => score(a) - score(b))[0];
    const bound = leader === undefined ? Infinity : (figures[leader] as FigureStats)[options.minimize].ciHigh;
    alive = candidates.filter((i) => (figures[i] as FigureStats)[options.minimize].ciLow <= bound);
    if (alive.length === 0) break;
    reps = Math.min(options.replications, reps * 2);
  }
  const ranked = points
    .map((_, i) => i)
    .filter((i) => replicationsOf[i] === options.replications && feasible(i))
    .sort((a, b) => score(a) - score(b));
  return { best: ranked[0] ?? -1, runnerUp: ranked[1] ?? -1, figures, replicationsOf, method: exhaustive ? 'exhaustive' : 'racing' };
}
