import { isAbsolute, join, resolve } from 'node:path';
import { summaryTable } from '../report/summary-table.js';
import { reportFolderName, writeReport } from '../report/write-report.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { simulate } from '../simulate.js';
import type { Io } from './io.js';

export interface RunArgs {
  file: string;
  seed?: number;
  json: boolean;
  out?: string;
}

/** `poolsim run FILE`: simulate, print, write the report folder. */
export async function runCommand(args: RunArgs, io: Io): Promise<number> {
  const file = isAbsolute(args.file) ? args.file : resolve(io.cwd, args.file);
  const scenario = await loadScenario(file);
  const result = simulate(scenario, { seed: args.seed });
  const out = args.out ? resolve(io.cwd, args.out) : join(io.cwd, 'reports', reportFolderName(scenario.name));
  const written = writeReport(result, out);
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
