import { dirname } from 'node:path';
import type { Result } from '../metrics/result.js';
import { loadScenario, readScenarioSource } from '../scenario/load-scenario.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import type { Scenario } from '../scenario/scenario.js';
import { summariseRuns, type FigureStats } from './compare.js';
import { replicationTasks, runMany, type RunManyOptions } from './replications.js';
import { combinations, setPath, type Setting } from './set-path.js';

/** One point of a grid: its settings and its scenario. */
export interface GridPoint {
  settings: Record<string, string | number>;
  scenario: Scenario;
}

/** Every combination of the settings applied to a scenario file; invalid ones are skipped and listed with why. */
export async function gridPoints(file: string, settings: readonly Setting[]): Promise<{ points: GridPoint[]; skipped: { settings: Record<string, string | number>; why: string }[] }> {
  const base = readScenarioSource(file);
  const points: GridPoint[] = [];
  const skipped: { settings: Record<string, string | number>; why: string }[] = [];
  for (const combo of combinations(settings)) {
    const raw = structuredClone(base) as Record<string, unknown>;
    for (const [path, value] of Object.entries(combo)) setPath(raw, path, value);
    try {
      points.push({ settings: combo, scenario: await loadScenario(raw, { baseDir: dirname(file) }) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      skipped.push({ settings: combo, why: error.issues.map((i) => `${i.path}: ${i.message}`).join('; ') });
    }
  }
  return { points, skipped };
}

/** Runs `replications` of each point (in one pool) and summarises each point's figures. */
export async function evaluate(points: readonly GridPoint[], replications: number, options: RunManyOptions = {}): Promise<FigureStats[]> {
  const tasks = points.flatMap((p) => replicationTasks(p.scenario, replications));
  const results: Result[] = await runMany(tasks, options);
  return points.map((_, i) => summariseRuns(results.slice(i * replications, (i + 1) * replications)));
}
