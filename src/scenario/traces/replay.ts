import type { TraceJobs } from '../scenario.js';
import type { TraceRow } from './trace-read.js';

export interface ReplayOptions {
  /** Rows submitted in [from, to) of the trace's own time; `from` becomes t = 0. */
  window?: { from: number; to?: number };
  /** k > 1 replays arrivals k times as dense (submit times divided by k); durations unchanged. */
  timeScale?: number;
  /** Seconds added to every submit time, after the window and the scale. */
  shift?: number;
  /** Machine type renames, applied after the format's own mapping. */
  machineMap?: Record<string, string>;
}

/**
 * Turns a trace's rows into jobs on the simulated clock: window, scale, shift,
 * machine remapping, then a check that each job can run (`check` returns why
 * not). Jobs are split by their `label` (undefined: no label) and sorted by
 * submit time, ties in file order.
 */
export function replayRows(
  rows: readonly TraceRow[],
  options: ReplayOptions,
  check: (machine: string, nodes: number) => string | undefined,
): { jobs: Map<string | undefined, TraceJobs>; bad: { line: number; message: string }[]; outsideWindow: number; used: number } {
  const from = options.window?.from ?? 0;
  const to = options.window?.to ?? Infinity;
  const scale = options.timeScale ?? 1;
  const shift = options.shift ?? 0;
  const map = options.machineMap ?? {};
  const bad: { line: number; message: string }[] = [];
  let outsideWindow = 0;
  const kept: { row: TraceRow; submit: number; machine: string; order: number }[] = [];
  for (const row of rows) {
    if (options.window && (row.submit < from || row.submit >= to)) {
      outsideWindow++;
      continue;
    }
    const machine = map[row.machine] ?? row.machine;
    const problem = check(machine, row.nodes);
    if (problem) {
      bad.push({ line: row.line, message: problem });
      continue;
    }
    kept.push({ row, submit: (row.submit - from) / scale + shift, machine, order: kept.length });
  }
  kept.sort((a, b) => a.submit - b.submit || a.order - b.order);
  const jobs = new Map<string | undefined, TraceJobs>();
  for (const k of kept) {
    let j = jobs.get(k.row.label);
    if (!j) jobs.set(k.row.label, (j = { submit: [], duration: [], machine: [], nodes: [] }));
    j.submit.push(k.submit);
    j.duration.push(k.row.duration);
    j.machine.push(k.machine);
    j.nodes.push(k.row.nodes);
  }
  return { jobs, bad, outsideWindow, used: kept.length };
}
