import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { baselineJson, baselineOf, evaluateChecks, type Baseline, type CheckOutcome } from '../experiment/check.js';
import { replicationTasks, runMany } from '../experiment/replications.js';
import { policyName } from '../policies/policy-module.js';
import { csvNumber } from '../report/csv-number.js';
import { textTable } from '../report/text-table.js';
import { junitXml } from '../report/junit.js';
import { reportFolderName } from '../report/write-report.js';
import { loadScenario, resolvePolicy } from '../scenario/load-scenario.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { shownPath, type Io } from './io.js';

export interface CheckArgs {
  paths: string[];
  baseline: string;
  updateBaseline: boolean;
  policy?: string;
  junit?: string;
  json: boolean;
  workers?: number;
}

/** The scenario files named: files as given, directories by their .yaml, .yml and .json files, sorted. */
function scenarioFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    if (existsSync(full) && statSync(full).isDirectory()) {
      out.push(...readdirSync(full).filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f))).sort().map((f) => join(full, f)));
    } else {
      out.push(full);
    }
  }
  return out;
}

/** The name a policy is recorded under in a baseline: a module by its file name, so baselines travel. */
function recordedPolicy(name: string): string {
  return name.includes('/') ? basename(name) : name;
}

/**
 * `poolsim check [FILES|DIRS] --baseline DIR`: runs every scenario with its
 * replications and fixed seeds, checks its budgets, and compares each
 * figure that has a tolerance with the stored baseline. Exit 0 when all
 * pass, 1 on a regression or a broken budget, 2 on bad input.
 */
export async function checkCommand(args: CheckArgs, io: Io): Promise<number> {
  const files = scenarioFiles(args.paths.length > 0 ? args.paths : ['scenarios'], io.cwd);
  const dir = resolve(io.cwd, args.baseline);
  const outcomes: CheckOutcome[] = [];
  const written: string[] = [];
  for (const file of files) {
    let scenario = await loadScenario(file);
    if (args.policy !== undefined) scenario = { ...scenario, policy: await resolvePolicy(args.policy, io.cwd) };
    const baselineFile = join(dir, `${reportFolderName(scenario.name)}.json`);
    if (!args.updateBaseline && !existsSync(baselineFile)) {
      throw new ScenarioError(file, [{ path: '--baseline', message: `no baseline for "${scenario.name}" at ${baselineFile}; create it with: poolsim check ${args.paths.join(' ') || 'scenarios'} --baseline ${args.baseline} --update-baseline` }]);
    }
    const results = await runMany(replicationTasks(scenario, scenario.replications), { workers: args.workers });
    const policy = recordedPolicy(policyName(scenario.policy));
    if (args.updateBaseline) {
      mkdirSync(dir, { recursive: true });
      // The baseline records the policy the file names, even when --policy tries another.
      writeFileSync(baselineFile, baselineJson(baselineOf(scenario, policy, results)));
      written.push(baselineFile);
      continue;
    }
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Baseline;
    outcomes.push(...evaluateChecks(scenario, results, baseline));
  }
  if (args.updateBaseline) {
    io.stdout(`wrote ${written.length} baseline${written.length === 1 ? '' : 's'}:\n${written.map((f) => `  ${shownPath(io.cwd, f)}\n`).join('')}`);
    return 0;
  }
  if (args.junit) writeFileSync(resolve(io.cwd, args.junit), junitXml(outcomes));
  const failed = outcomes.filter((o) => o.verdict === 'fail' || o.verdict === 'regression');
  if (args.json) {
    io.stdout(`${JSON.stringify({ passed: failed.length === 0, checks: outcomes }, null, 2)}\n`);
  } else {
    const n = (x: number | null) => (x === null ? '-' : csvNumber(x, 4));
    io.stdout(
      `${textTable(
        [{ header: 'scenario' }, { header: 'metric' }, { header: 'check' }, { header: 'baseline', right: true }, { header: 'now', right: true }, { header: 'change', right: true }, { header: 'interval', right: true }, { header: 'verdict' }],
        outcomes.map((o) => [
          o.scenario,
          o.metric,
          o.check,
          n(o.baseline),
          n(o.now),
          o.change === null ? '-' : `${o.change >= 0 ? '+' : ''}${(o.change * 100).toFixed(1)}%`,
          o.interval ? `[${n(o.interval[0])}, ${n(o.interval[1])}]` : '-',
          o.verdict,
        ]),
      )}\n\n${outcomes.length} checks in ${files.length} scenario${files.length === 1 ? '' : 's'}: ${failed.length === 0 ? 'all pass' : `${failed.length} failed (${failed.map((f) => `${f.scenario} ${f.metric}: ${f.reason}`).join('; ')})`}\n`,
    );
  }
  return failed.length === 0 ? 0 : 1;
}
