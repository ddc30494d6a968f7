import { isAbsolute, join, resolve } from 'node:path';
import type { DecisionRecord } from '../metrics/decisions.js';
import { summaryTable } from '../report/summary-table.js';
import { reportFolderName, writeReport } from '../report/write-report.js';
import { loadScenario, resolvePolicy } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulate } from '../simulate.js';
import type { Io } from './io.js';

export interface ScenarioArgs {
  file: string;
  seed?: number;
  policy?: string;
}

export interface RunArgs extends ScenarioArgs {
  json: boolean;
  out?: string;
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
  const decisions: DecisionRecord[] = [];
  const result = simulate(scenario, { seed: args.seed, onDecision: (d) => decisions.push(d) });
  const out = args.out ? resolve(io.cwd, args.out) : join(io.cwd, 'reports', reportFolderName(scenario.name));
  const written = writeReport({ result, decisions }, out);
  if (args.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout(summaryTable(result));
    io.stdout(`report: ${written.map((f) => relativeTo(io.cwd, f)).join(', ')}\n`);
  }
  return 0;
}

function relativeTo(cwd: string, path: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}
