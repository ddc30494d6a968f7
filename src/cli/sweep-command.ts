import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FigureStats } from '../experiment/compare.js';
import { optimize } from '../experiment/optimize.js';
import { paretoFrontier } from '../experiment/pareto.js';
import { parseSetting, settingsLabel } from '../experiment/set-path.js';
import { parseSlo } from '../experiment/slo.js';
import { evaluate, gridPoints } from '../experiment/sweep.js';
import { yamlPatch } from '../experiment/yaml-patch.js';
import { paretoChart } from '../report/charts/pareto-chart.js';
import { csvNumber } from '../report/csv-number.js';
import { formatCount } from '../report/format.js';
import { renderSvg } from '../report/render-svg.js';
import { specJson } from '../report/spec-json.js';
import { KEY_FIGURES, withInterval } from '../report/stats-table.js';
import { textTable } from '../report/text-table.js';
import { reportFolderName } from '../report/write-report.js';
import { shownPath, type Io } from './io.js';
import { UsageError } from './usage-error.js';

export interface SweepArgs {
  file: string;
  set: string[];
  replications?: number;
  workers?: number;
  x: string;
  y: string;
  out?: string;
  quiet: boolean;
}

/** How a figure reads in a table: a known unit, or a plain number. */
function formatOf(path: string): (x: number) => string {
  return KEY_FIGURES.find((k) => k.path === path)?.format ?? ((x: number) => csvNumber(x, 3));
}

/** A progress line on a terminal stderr: points done (of `replications` runs each) and the time left. */
function pointProgress(io: Io, quiet: boolean, replications: number) {
  const started = performance.now();
  return (done: number, total: number) => {
    if (quiet || !io.stderrIsTTY) return;
    const elapsed = (performance.now() - started) / 1000;
    const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
    const points = Math.floor(done / replications);
    io.stderr(done === total ? '\r\x1b[K' : `\r${points}/${Math.round(total / replications)} points · about ${Math.ceil(eta)} s left `);
  };
}

async function setUp(args: { file: string; set: string[] }, io: Io) {
  if (args.set.length === 0) throw new UsageError('name the settings to vary with --set PATH=VALUES, e.g. --set groups.P5000.hotNodes=0..4');
  const file = resolve(io.cwd, args.file);
  const { points, skipped } = await gridPoints(file, args.set.map(parseSetting));
  if (points.length === 0) throw new UsageError(`no valid combination of the --set values: ${skipped[0]?.why ?? ''}`);
  return { points, skipped };
}

function skippedLines(skipped: { settings: Record<string, string | number>; why: string }[]): string {
  return skipped.map((s) => `skipped ${settingsLabel(s.settings)}: ${s.why}\n`).join('');
}

/** `poolsim sweep FILE --set PATH=VALUES ...`: every combination, sweep.csv, and the Pareto frontier of two figures. */
export async function sweepCommand(args: SweepArgs, io: Io): Promise<number> {
  const { points, skipped } = await setUp(args, io);
  const replications = args.replications ?? Math.max(points[0].scenario.replications, 5);
  const figs = await evaluate(points, replications, { workers: args.workers, onProgress: pointProgress(io, args.quiet, replications) });
  for (const axis of [args.x, args.y]) if (figs[0][axis] === undefined) throw new UsageError(`--x/--y: no figure "${axis}"; e.g. cost.monthly, wait.p95, jobs.abandonedShare, groups.P5000.utilisation`);
  const xy = figs.map((f) => ({ x: f[args.x].mean, y: f[args.y].mean }));
  const front = new Set(paretoFrontier(xy));

  const out = args.out ? resolve(io.cwd, args.out) : join(io.cwd, 'reports', `sweep-${reportFolderName(points[0].scenario.name)}`);
  mkdirSync(out, { recursive: true });
  const paths = Object.keys(points[0].settings);
  const metricPaths = Object.keys(figs[0]);
  writeFileSync(
    join(out, 'sweep.csv'),
    stringify(
      points.map((p, i) => [
        ...paths.map((k) => p.settings[k]),
        front.has(i) ? 'yes' : 'no',
        replications,
        ...metricPaths.flatMap((m) => [figs[i][m].mean, figs[i][m].ciLow, figs[i][m].ciHigh].map((v) => csvNumber(v))),
      ]),
      { header: true, columns: [...paths, 'frontier', 'replications', ...metricPaths.flatMap((m) => [`${m}.mean`, `${m}.low`, `${m}.high`])] },
    ),
  );
  const chart = paretoChart(points.map((p, i) => ({ label: settingsLabel(p.settings), ...xy[i], frontier: front.has(i) })), args.x, args.y);
  writeFileSync(join(out, 'pareto.vl.json'), `${specJson(chart)}\n`);
  writeFileSync(join(out, 'pareto.svg'), await renderSvg(chart));
  if (args.quiet) return 0;
  const fx = formatOf(args.x);
  const fy = formatOf(args.y);
  const table = textTable(
    [{ header: 'setting' }, { header: args.x, right: true }, { header: args.y, right: true }, { header: 'frontier' }],
    [...points.keys()].sort((a, b) => xy[a].x - xy[b].x).map((i) => [settingsLabel(points[i].settings), withInterval(figs[i][args.x], fx), withInterval(figs[i][args.y], fy), front.has(i) ? '*' : '']),
  );
  io.stdout(`${skippedLines(skipped)}${table}\n\n${formatCount(front.size)} of ${points.length} settings on the frontier (*), ${replications} replications each; report: ${shownPath(io.cwd, out)}/sweep.csv, pareto.svg\n`);
  return 0;
}

export interface OptimizeArgs {
  file: string;
  set: string[];
  slo: string[];
  minimize: string;
  replications?: number;
  workers?: number;
  quiet: boolean;
}

/** `poolsim optimize FILE --set ... --slo ...`: the cheapest setting that meets every SLO with confidence. */
export async function optimizeCommand(args: OptimizeArgs, io: Io): Promise<number> {
  const slos = args.slo.map(parseSlo);
  if (slos.length === 0) throw new UsageError('give at least one --slo, e.g. --slo "wait.p95<=5m"');
  const { points, skipped } = await setUp(args, io);
  const replications = args.replications ?? Math.max(points[0].scenario.replications, 10);
  let result;
  try {
    result = await optimize(points, { slos, minimize: args.minimize, replications, workers: args.workers, onProgress: pointProgress(io, args.quiet, replications) });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  if (args.quiet) return result.best >= 0 ? 0 : 1;
  const describe = (i: number, title: string) => {
    const f = result.figures[i] as FigureStats;
    const shown = [args.minimize, ...slos.map((s) => s.metric)].filter((m, k, all) => all.indexOf(m) === k);
    return `${title}: ${settingsLabel(points[i].settings)}\n${shown.map((m) => `  ${m} ${withInterval(f[m], formatOf(m))}`).join('\n')}\n`;
  };
  let text = `${skippedLines(skipped)}${points.length} settings searched (${result.method}), ${replications} replications for the finalists; SLOs: ${slos.map((s) => s.text).join(', ')}\n\n`;
  if (result.best < 0) {
    io.stdout(`${text}No setting meets every SLO with confidence (the upper end of its 95% interval within the limit).\n`);
    return 1;
  }
  text += describe(result.best, 'Recommended');
  if (result.runnerUp >= 0) text += `\n${describe(result.runnerUp, 'Runner-up')}`;
  text += `\nAs a patch to ${args.file}:\n\n${yamlPatch(points[result.best].settings)
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n')}`;
  io.stdout(text);
  return 0;
}

