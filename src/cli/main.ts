import yargs from 'yargs';
import type { Argv } from 'yargs';
import { PolicyError } from '../policies/policy-module.js';
import { BUILTIN_POLICY_NAMES } from '../policies/builtin-policies.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { checkCommand } from './check-command.js';
import { compareCommand } from './compare-command.js';
import { costCommand } from './cost-command.js';
import { optimizeCommand, sweepCommand } from './sweep-command.js';
import { explainCommand } from './explain-command.js';
import type { Io } from './io.js';
import { FORMATS, runCommand, type Format } from './run-command.js';
import { parseDuration } from '../scenario/units.js';
import { UsageError } from './usage-error.js';

export { UsageError };

/** --replications and --workers, as every experiment command takes them. */
function runOptions(replications: string) {
  return {
    replications: { type: 'number' as const, describe: replications, coerce: positive('--replications') },
    workers: { type: 'number' as const, describe: 'worker threads (default: every core)', coerce: positive('--workers') },
  };
}

/** The options every command that simulates a scenario file takes. */
function scenarioOptions<T>(y: Argv<T>) {
  return y
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
    .option('seed', { type: 'number', describe: "override the scenario's seed", coerce: wholeNumber('--seed') })
    .option('policy', { type: 'string', describe: `override the scenario's policy: ${BUILTIN_POLICY_NAMES.join(', ')}, or a module ./my-policy.js (.ts)` });
}

/** Exit codes: 0 ok, 1 a failure the run itself found, 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/**
 * The poolsim command line as a function: parses `argv` (without the node and
 * script names), runs the command, and resolves to the exit code. Writes only
 * through `io`; never exits the process.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const cli = yargs([...argv])
    .scriptName('poolsim')
    .usage('$0 <command> [options]\n\nSimulate autoscaling pools of cloud machines: cost and waiting time before you change a live cluster.')
    .command(
      'run <file>',
      'simulate a scenario, print its summary and write its report folder',
      (y) =>
        scenarioOptions(y)
          .option('format', { choices: FORMATS, default: 'table' as Format, describe: 'what to print on stdout' })
          .option('json', { type: 'boolean', default: false, describe: 'shorthand for --format json' })
          .option('out', { type: 'string', describe: 'report folder (default reports/<scenario name>)' })
          .option('interval', { type: 'string', describe: 'timeline interval, e.g. 5m (default: adapts to the horizon, under about 100,000 rows)' })
          .option('jobs', { type: 'boolean', default: false, describe: 'also write jobs.csv, one row per job (grows with the run)' })
          .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
          .options(runOptions("override the scenario's replications")),
      async (args) => {
        let interval: number | undefined;
        if (args.interval !== undefined) {
          const parsed = parseDuration(args.interval);
          if (typeof parsed !== 'number' || !(parsed > 0)) throw new UsageError(`--interval "${args.interval}" is not a positive duration like 5m or 1h`);
          interval = parsed;
        }
        exitCode = await runCommand(
          {
            file: args.file,
            seed: args.seed,
            policy: args.policy,
            format: args.json ? 'json' : (args.format as Format),
            out: args.out,
            interval,
            jobs: args.jobs,
            quiet: args.quiet,
            replications: args.replications,
            workers: args.workers,
          },
          io,
        );
      },
    )
    .command(
      'explain <file>',
      "the cluster's state at a moment, why idle nodes are kept, and the decisions around it",
      (y) =>
        scenarioOptions(y)
          .option('at', { type: 'string', demandOption: true, describe: 'the moment: an ISO date-time (2026-01-06T09:30Z) or a time since the start (36h)' })
          .option('group', { type: 'string', array: true, describe: 'machine types to show (default all)' })
          .option('window', { type: 'string', default: '30m', describe: 'show decisions this long before and after' }),
      async (args) => {
        exitCode = await explainCommand({ file: args.file, seed: args.seed, policy: args.policy, at: args.at, group: args.group, window: args.window }, io);
      },
    )
    .command(
      'compare <files..>',
      'run settings side by side with paired replications: differences with 95% intervals, and a verdict',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'scenario files; or one file with --set' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'variants of one file: PATH=VALUES, e.g. groups.P5000.hotNodes=0,2' })
          .options(runOptions('paired replications (default: the scenario\'s, at least 10)'))
          .option('out', { type: 'string', describe: 'report folder (default reports/compare-<first scenario>)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the comparison as JSON' }),
      async (args) => {
        exitCode = await compareCommand({ files: args.files as string[], set: args.set as string[], replications: args.replications, workers: args.workers, out: args.out, json: args.json }, io);
      },
    )
    .command(
      'cost <file>',
      'monthly cost per region as P10/P50/P90 across replications, with the waits beside it',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario file' })
          .option('regions', { type: 'string', describe: 'comma-separated regions (default NY2,CA1,AMS1)' })
          .options(runOptions('replications per region (default: the scenario\'s, at least 10)'))
          .option('json', { type: 'boolean', default: false, describe: 'print JSON' }),
      async (args) => {
        exitCode = await costCommand({ file: args.file, regions: args.regions, replications: args.replications, workers: args.workers, json: args.json }, io);
      },
    )
    .command(
      'sweep <file>',
      'every combination of --set values: sweep.csv and the Pareto frontier of two figures',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario file' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'PATH=VALUES: lists 0,1,2, ranges 0..4, durations 2m,8m' })
          .options(runOptions("per point (default: the scenario's, at least 5)"))
          .option('x', { type: 'string', default: 'cost.monthly', describe: 'figure on the x axis (minimised)' })
          .option('y', { type: 'string', default: 'wait.p95', describe: 'figure on the y axis (minimised)' })
          .option('out', { type: 'string', describe: 'report folder (default reports/sweep-<scenario>)' })
          .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' }),
      async (args) => {
        exitCode = await sweepCommand({ file: args.file, set: args.set as string[], replications: args.replications, workers: args.workers, x: args.x, y: args.y, out: args.out, quiet: args.quiet }, io);
      },
    )
    .command(
      'optimize <file>',
      'the cheapest setting that meets every SLO with confidence, as a YAML patch',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario file' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'PATH=VALUES to search' })
          .option('slo', { type: 'string', array: true, default: [] as string[], describe: 'METRIC<=VALUE, e.g. "wait.p95<=5m", "abandoned<=1%"' })
          .option('minimize', { type: 'string', default: 'cost.monthly', describe: 'the figure to minimise' })
          .options(runOptions("for the finalists (default: the scenario's, at least 10)"))
          .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' }),
      async (args) => {
        exitCode = await optimizeCommand({ file: args.file, set: args.set as string[], slo: args.slo as string[], minimize: args.minimize, replications: args.replications, workers: args.workers, quiet: args.quiet }, io);
      },
    )
    .command(
      'check [paths..]',
      'regression gates: run scenarios, check their budgets, compare with stored baselines (exit 1 on a regression)',
      (y) =>
        y
          .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'scenario files or directories (default scenarios/)' })
          .option('baseline', { type: 'string', demandOption: true, describe: 'directory of baselines, one JSON per scenario' })
          .option('update-baseline', { type: 'boolean', default: false, describe: 'write the baselines instead of checking' })
          .option('policy', { type: 'string', describe: "check with another policy than the files name (e.g. ./new-policy.js)" })
          .option('junit', { type: 'string', describe: 'also write JUnit XML to this file' })
          .option('json', { type: 'boolean', default: false, describe: 'print a machine-readable verdict' })
          .option('workers', { type: 'number', describe: 'worker threads (default: every core)', coerce: positive('--workers') }),
      async (args) => {
        exitCode = await checkCommand(
          { paths: args.paths as string[], baseline: args.baseline, updateBaseline: args['update-baseline'] as boolean, policy: args.policy, junit: args.junit, json: args.json, workers: args.workers },
          io,
        );
      },
    )
    .demandCommand(1, 'name a command: run, explain, compare, sweep, optimize, cost, check')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  let output = '';
  try {
    await cli.parseAsync([...argv], {}, (_error, _argv, text) => {
      output = text;
    });
  } catch (error) {
    return report(error, io);
  }
  if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
  return exitCode;
}

/** Coerces an option to a whole number of at least `min`, or fails with a usage error. */
function wholeNumber(option: string, min = 0) {
  return (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw new UsageError(`${option} must be a whole number of at least ${min}, got ${Number.isNaN(value) ? 'something that is not a number' : String(value)}`);
    }
    return value;
  };
}

const positive = (option: string) => wholeNumber(option, 1);

function report(error: unknown, io: Io): number {
  if (error instanceof ScenarioError || error instanceof PolicyError) {
    io.stderr(`poolsim: ${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof UsageError) {
    io.stderr(`poolsim: ${error.message}\nRun "poolsim --help" for usage.\n`);
    return EXIT.badInput;
  }
  if (error instanceof Error && error.name === 'YError') {
    io.stderr(`poolsim: ${error.message}\nRun "poolsim --help" for usage.\n`);
    return EXIT.badInput;
  }
  io.stderr(`poolsim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failed;
}
