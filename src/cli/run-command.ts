import { isAbsolute, join, resolve } from 'node:path';
import { summaryTable } from '../report/summary-table.js';
import { groupsCsv, workloadsCsv } from '../report/summary-csv.js';
import { reportFolderName, writeReport } from '../report/write-report.js';
import { loadScenario, resolvePolicy } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulateDetailed } from '../simulate.js';
import { useColor, type Io } from './io.js';
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
}

/** Loads the scenario a command names, with `--policy` applied. */
export async function scenarioFromArgs(args: ScenarioArgs, io: Io): Promise<Scenario> {
  const file = isAbsolute(args.file) ? args.file : resolve(io.cwd, args.file);
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
      io.stdout(`report: ${relativeTo(io.cwd, join(out, 'index.html'))} (and CSV, charts, summary.json beside it)\n`);
      break;
    case 'none':
      break;
  }
  return 0;
}

function relativeTo(cwd: string, path: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}
