import { dirname, resolve } from 'node:path';
import { REGION_NAMES, type RegionName } from '../catalog/regions.js';
import { summariseRuns } from '../experiment/compare.js';
import { replicationTasks, runMany } from '../experiment/replications.js';
import { formatDuration, formatPercent, formatUsd } from '../report/format.js';
import { textTable } from '../report/text-table.js';
import { loadScenario, readScenarioSource } from '../scenario/load-scenario.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

export interface CostArgs {
  file: string;
  regions?: string;
  replications?: number;
  workers?: number;
  json: boolean;
}

/**
 * `poolsim cost FILE`: monthly cost per region as P10/P50/P90 across
 * replications, with the waits beside it. A machine type a region does not
 * offer is reported as such, never priced. Regions differ in time zone (and
 * so in when profiled load arrives) and in what they offer; prices are the
 * same everywhere.
 */
export async function costCommand(args: CostArgs, io: Io): Promise<number> {
  const file = resolve(io.cwd, args.file);
  const regions = (args.regions ?? REGION_NAMES.join(',')).split(',').map((r) => r.trim().toUpperCase());
  for (const r of regions) if (!REGION_NAMES.includes(r as RegionName)) throw new UsageError(`--regions: "${r}" is not a region; valid: ${REGION_NAMES.join(', ')}`);
  const base = readScenarioSource(file) as Record<string, unknown>;
  const rows: { region: string; figures?: ReturnType<typeof summariseRuns>; missing?: string[] }[] = [];
  for (const region of regions) {
    try {
      const scenario = await loadScenario({ ...base, region }, { baseDir: dirname(file) });
      const n = args.replications ?? Math.max(scenario.replications, 10);
      rows.push({ region, figures: summariseRuns(await runMany(replicationTasks(scenario, n), { workers: args.workers })) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const missing = error.issues.filter((i) => i.message.includes('is not offered in'));
      if (missing.length !== error.issues.length) throw error;
      rows.push({ region, missing: missing.map((i) => `${i.message.split('"')[1]}: not offered in ${region}`) });
    }
  }
  if (args.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const table = textTable(
    [
      { header: 'region' },
      { header: 'P10/month', right: true },
      { header: 'P50/month', right: true },
      { header: 'P90/month', right: true },
      { header: 'p95 wait', right: true },
      { header: 'waited', right: true },
      { header: 'note' },
    ],
    rows.map((r) => {
      if (!r.figures) return [r.region, '-', '-', '-', '-', '-', (r.missing ?? []).join('; ')];
      const c = r.figures['cost.monthly'];
      return [r.region, formatUsd(c.p10), formatUsd(c.p50), formatUsd(c.p90), formatDuration(r.figures['wait.p95'].mean), formatPercent(r.figures['wait.probWait'].mean), `${c.n} replications`];
    }),
  );
  io.stdout(`${table}\n`);
  return 0;
}
