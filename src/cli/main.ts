import yargs from 'yargs';
import { ScenarioError } from '../scenario/scenario-error.js';
import type { Io } from './io.js';
import { runCommand } from './run-command.js';

/** Bad command-line usage: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

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
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
          .option('seed', { type: 'number', describe: "override the scenario's seed", coerce: wholeNumber('--seed') })
          .option('json', { type: 'boolean', default: false, describe: 'print only the Result JSON on stdout' })
          .option('out', { type: 'string', describe: 'report folder (default reports/<scenario name>)' }),
      async (args) => {
        exitCode = await runCommand({ file: args.file, seed: args.seed, json: args.json, out: args.out }, io);
      },
    )
    .demandCommand(1, 'name a command: run')
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

/** Coerces an option to a whole number >= 0, or fails with a usage error. */
function wholeNumber(option: string) {
  return (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new UsageError(`${option} must be a whole number of at least 0, got ${Number.isNaN(value) ? 'something that is not a number' : String(value)}`);
    }
    return value;
  };
}

function report(error: unknown, io: Io): number {
  if (error instanceof ScenarioError) {
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
