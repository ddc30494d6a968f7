import { figures } from '../metrics/figures.js';
import type { Result } from '../metrics/result.js';
import type { Scenario } from '../scenario/scenario.js';
import { replicationTasks, runMany, type RunManyOptions } from './replications.js';
import { significant, stats, type Stats } from './statistics.js';

/** Every figure of a set of replications: its statistics across them. */
export type FigureStats = Record<string, Stats>;

/** The figures of replications of one setting, by path (see `figures`). */
export function summariseRuns(results: readonly Result[]): FigureStats {
  const maps = results.map(figures);
  const out: FigureStats = {};
  for (const path of maps[0].keys()) {
    const values = maps.map((m) => m.get(path)).filter((v): v is number => v !== undefined);
    if (values.length === results.length) out[path] = stats(values);
  }
  return out;
}

/** Paired differences b - a of every figure, replication by replication (common random numbers). */
export function pairedDifferences(a: readonly Result[], b: readonly Result[]): FigureStats {
  if (a.length !== b.length) throw new RangeError('paired runs need the same number of replications');
  const ma = a.map(figures);
  const mb = b.map(figures);
  const out: FigureStats = {};
  for (const path of ma[0].keys()) {
    const d: number[] = [];
    for (let i = 0; i < a.length; i++) {
      const x = ma[i].get(path);
      const y = mb[i].get(path);
      if (x === undefined || y === undefined) break;
      d.push(y - x);
    }
    if (d.length === a.length) out[path] = stats(d);
  }
  return out;
}

export interface Variant {
  label: string;
  scenario: Scenario;
}

export interface Comparison {
  replications: number;
  variants: { label: string; figures: FigureStats }[];
  /** For each variant after the first: its paired differences against the first. */
  differences: { label: string; against: string; figures: FigureStats; significant: string[] }[];
  /** Raw results, by variant then replication. */
  runs: Result[][];
}

/**
 * Runs every variant with the same replications (so each replication sees
 * the same arrivals and durations under every setting) and compares each
 * with the first, pair by pair.
 */
export async function compareVariants(variants: readonly Variant[], replications: number, options: RunManyOptions = {}): Promise<Comparison> {
  const tasks = variants.flatMap((v) => replicationTasks(v.scenario, replications));
  const results = await runMany(tasks, options);
  const runs = variants.map((_, i) => results.slice(i * replications, (i + 1) * replications));
  return {
    replications,
    variants: variants.map((v, i) => ({ label: v.label, figures: summariseRuns(runs[i]) })),
    differences: variants.slice(1).map((v, k) => {
      const figs = pairedDifferences(runs[0], runs[k + 1]);
      return { label: v.label, against: variants[0].label, figures: figs, significant: Object.keys(figs).filter((p) => significant(figs[p])) };
    }),
    runs,
  };
}
