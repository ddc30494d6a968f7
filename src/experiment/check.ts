import { figures } from '../metrics/figures.js';
import type { Result } from '../metrics/result.js';
import type { Check, Scenario } from '../scenario/scenario.js';
import { closest } from '../scenario/closest.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { stats } from './statistics.js';

/** What a baseline keeps: each checked figure (and the headline ones), replication by replication. */
export interface Baseline {
  scenario: string;
  seed: number;
  replications: number;
  policy: string;
  figures: Record<string, number[]>;
}

/** Figures every baseline keeps besides the checked ones. */
const HEADLINE = ['cost.monthly', 'wait.mean', 'wait.p95', 'wait.probWait', 'jobs.abandonedShare'];

/** 9 significant digits: stable across runs and machines, readable in review. */
function stable(x: number): number {
  return Number(x.toPrecision(9));
}

/** The baseline of a scenario's replications. */
export function baselineOf(scenario: Scenario, policy: string, results: readonly Result[]): Baseline {
  const maps = results.map(figures);
  const paths = [...new Set([...HEADLINE, ...scenario.checks.map((c) => c.metric)])].sort();
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    replications: results.length,
    policy,
    figures: Object.fromEntries(paths.filter((p) => maps[0].has(p)).map((p) => [p, maps.map((m) => stable(m.get(p) as number))])),
  };
}

/** One check's outcome. `fail`: a budget is broken; `regression`: worse beyond the tolerance and beyond noise. */
export interface CheckOutcome {
  scenario: string;
  metric: string;
  check: string;
  baseline: number | null;
  now: number;
  /** Relative change against the baseline's mean (null without one). */
  change: number | null;
  /** 95% interval of the paired difference now - baseline. */
  interval: [number, number] | null;
  verdict: 'pass' | 'fail' | 'regression' | 'within noise';
  reason: string;
}

/** Evaluates a scenario's checks on its runs, against its baseline for tolerances. */
export function evaluateChecks(scenario: Scenario, results: readonly Result[], baseline: Baseline | null): CheckOutcome[] {
  const maps = results.map(figures);
  const known = [...maps[0].keys()];
  const out: CheckOutcome[] = [];
  for (const c of scenario.checks) {
    if (!maps[0].has(c.metric)) {
      const hint = closest(c.metric, known);
      throw new ScenarioError(scenario.name, [{ path: 'checks', message: `"${c.metric}" is not a figure${hint ? `; did you mean "${hint}"?` : ''} (paths like cost.monthly, wait.p95, workloads.NAME.abandoned)` }]);
    }
    const values = maps.map((m) => m.get(c.metric) as number);
    const now = stats(values).mean;
    const base = baseline?.figures[c.metric] ?? null;
    const baseMean = base ? stats(base).mean : null;
    const common = { scenario: scenario.name, metric: c.metric, baseline: baseMean, now };
    if (c.max !== undefined) {
      const ok = now <= c.max;
      out.push({ ...common, check: `max ${c.max}`, change: null, interval: null, verdict: ok ? 'pass' : 'fail', reason: ok ? 'within budget' : `over the budget ${c.max}` });
    }
    if (c.min !== undefined) {
      const ok = now >= c.min;
      out.push({ ...common, check: `min ${c.min}`, change: null, interval: null, verdict: ok ? 'pass' : 'fail', reason: ok ? 'within budget' : `under the budget ${c.min}` });
    }
    if (c.tolerance !== undefined && base && baseMean !== null) {
      out.push(toleranceOutcome(c, common, values, base, baseMean));
    }
  }
  return out;
}

function toleranceOutcome(c: Check, common: Omit<CheckOutcome, 'check' | 'change' | 'interval' | 'verdict' | 'reason'>, values: number[], base: number[], baseMean: number): CheckOutcome {
  const tolerance = c.tolerance as number;
  const check = `tolerance ${(tolerance * 100).toFixed(1).replace(/\.0$/, '')}%${c.worse === 'lower' ? ' (lower is worse)' : ''}`;
  if (base.length !== values.length) {
    return { ...common, check, change: null, interval: null, verdict: 'fail', reason: `the baseline has ${base.length} replications, this run ${values.length}: update the baseline` };
  }
  const diff = stats(values.map((v, i) => v - base[i]));
  const sign = c.worse === 'higher' ? 1 : -1;
  const worsening = sign * diff.mean;
  const change = baseMean !== 0 ? diff.mean / Math.abs(baseMean) : diff.mean === 0 ? 0 : Math.sign(diff.mean) * Infinity;
  const beyondTolerance = baseMean !== 0 ? worsening / Math.abs(baseMean) > tolerance : worsening > 0;
  const beyondNoise = sign > 0 ? diff.ciLow > 0 : diff.ciHigh < 0;
  const interval: [number, number] = [diff.ciLow, diff.ciHigh];
  if (!beyondTolerance) return { ...common, check, change, interval, verdict: 'pass', reason: worsening > 0 ? 'worse, but within the tolerance' : 'no worse' };
  if (!beyondNoise) return { ...common, check, change, interval, verdict: 'within noise', reason: 'worse than the tolerance, but the interval of the difference includes zero' };
  return { ...common, check, change, interval, verdict: 'regression', reason: 'worse than the tolerance, and beyond noise' };
}

/** Stable JSON for a baseline file (sorted figures; one replication's values per line). */
export function baselineJson(b: Baseline): string {
  const figs = Object.keys(b.figures)
    .sort()
    .map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(b.figures[k])}`)
    .join(',\n');
  return `{\n  "scenario": ${JSON.stringify(b.scenario)},\n  "seed": ${b.seed},\n  "replications": ${b.replications},\n  "policy": ${JSON.stringify(b.policy)},\n  "figures": {\n${figs}\n  }\n}\n`;
}
