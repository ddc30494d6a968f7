/** Where the CLI writes, and what it knows of its surroundings; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Whether stderr is a terminal (for the progress bar) and stdout too (for colour). */
  stderrIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  /** Environment variables the CLI reads (NO_COLOR). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
};

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function useColor(io: Io): boolean {
  return io.stdoutIsTTY === true && !(io.env?.NO_COLOR ?? '');
}

/** A path as the user would type it: relative to `cwd` when it lies inside it. */
export function shownPath(cwd: string, path: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}
