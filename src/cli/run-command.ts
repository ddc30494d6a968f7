import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { summariseRuns } from '../experiment/compare.js';
import { replicationTasks, runMany } from '../experiment/replications.js';
import { formatUsd, formatUsdWhole } from '../report/format.js';
import { keyFigures, withInterval } from '../report/stats-table.js';
import { textTable } from '../report/text-table.js';
import { summaryTable } from '../report/summary-table.js';
import { groupsCsv, workloadsCsv } from '../report/summary-csv.js';
import { reportFolderName, writeReport } from '../report/write-report.js';
import { loadScenario, resolvePolicy } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulateDetailed } from '../simulate.js';
import { shownPath, useColor, type Io } from './io.js';
import { progressBar } from './progress.js';

export interface ScenarioArgs {
  file: string;
  seed?: number;
  policy?: string;
}

/** What `run` prints on stdout. */
export const FORMATS = ['table', 'json', 'csv', 'none'] as const;
export type Format = (typeof FORMATS)[number];

export interface RunArgs extends ScenarioArgs {
  format: Format;
  out?: string;
  /** Timeline interval, seconds. */
  interval?: number;
  jobs: boolean;
  quiet: boolean;
  /** Overrides the scenario's replications. */
  replications?: number;
  workers?: number;
}

/** Loads the scenario a command names, with `--policy` applied. */
export async function scenarioFromArgs(args: ScenarioArgs, io: Io): Promise<Scenario> {
  const file = resolve(io.cwd, args.file);
  const scenario = await loadScenario(file);
  return args.policy === undefined ? scenario : { ...scenario, policy: await resolvePolicy(args.policy, io.cwd) };
}

/** `poolsim run FILE`: simulate, print, write the report folder. */
export async function runCommand(args: RunArgs, io: Io): Promise<number> {
  const scenario = await scenarioFromArgs(args, io);
  const progress = progressBar(io, scenario.name, !args.quiet);
  const run = simulateDetailed(scenario, { seed: args.seed, interval: args.interval, jobs: args.jobs, onProgress: progress.update });
  progress.finish();
  const out = args.out ? resolve(io.cwd, args.out) : join(io.cwd, 'reports', reportFolderName(scenario.name));
  await writeReport(run, out);
  const replications = args.replications ?? scenario.replications;
  let range = '';
  if (replications > 1) {
    const results = await runMany(replicationTasks({ ...scenario, seed: args.seed ?? scenario.seed }, replications), { workers: args.workers });
    const figs = summariseRuns(results);
    writeFileSync(join(out, 'replications.json'), `${JSON.stringify({ replications, figures: figs }, null, 2)}\n`);
    const c = figs['cost.monthly'];
    range = [
      '',
      `Over ${replications} replications: ${formatUsdWhole(c.p10)}-${formatUsdWhole(c.p90)}/month (P10-P90); mean ${formatUsd(c.mean)} ±${formatUsd(c.halfWidth)} (95%)`,
      textTable(
        [{ header: 'figure' }, { header: 'mean ±95%', right: true }, { header: 'P10', right: true }, { header: 'P50', right: true }, { header: 'P90', right: true }],
        keyFigures(figs).map((k) => [k.label, withInterval(figs[k.path], k.format), k.format(figs[k.path].p10), k.format(figs[k.path].p50), k.format(figs[k.path].p90)]),
      ),
      'The report folder shows replication 0; replications.json has every figure across all.',
      '',
    ].join('\n');
  }
  if (args.quiet) return 0;
  switch (args.format) {
    case 'json':
      io.stdout(`${JSON.stringify(run.result, null, 2)}\n`);
      break;
    case 'csv':
      io.stdout(`${groupsCsv(run.result)}\n${workloadsCsv(run.result)}`);
      break;
    case 'table':
      io.stdout(summaryTable(run.result, { color: useColor(io) }));
      io.stdout(range);
      io.stdout(`report: ${shownPath(io.cwd, join(out, 'index.html'))} (and CSV, charts, summary.json beside it)\n`);
      break;
    case 'none':
      break;
  }
  return 0;
}
