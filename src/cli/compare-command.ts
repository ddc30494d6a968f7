import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { compareVariants, type Variant } from '../experiment/compare.js';
import { combinations, parseSetting, setPath, settingsLabel } from '../experiment/set-path.js';
import { comparisonBars, comparisonWaits } from '../report/charts/comparison-charts.js';
import { comparisonHtml } from '../report/comparison-html.js';
import { csvNumber } from '../report/csv-number.js';
import { renderSvg } from '../report/render-svg.js';
import { specJson } from '../report/spec-json.js';
import { keyFigures, signedWithInterval, withInterval } from '../report/stats-table.js';
import { textTable } from '../report/text-table.js';
import { verdicts } from '../report/verdict.js';
import { wrap } from '../report/wrap.js';
import { reportFolderName } from '../report/write-report.js';
import { loadScenario, readScenarioSource } from '../scenario/load-scenario.js';
import { shownPath, type Io } from './io.js';
import { UsageError } from './usage-error.js';

export interface CompareArgs {
  files: string[];
  set: string[];
  replications?: number;
  workers?: number;
  out?: string;
  json: boolean;
}

/** The variants to compare: the files as given, or one file under every combination of --set values. */
export async function variantsFromArgs(args: { files: string[]; set: string[] }, io: Io): Promise<Variant[]> {
  const paths = args.files.map((f) => resolve(io.cwd, f));
  if (args.set.length === 0) {
    const scenarios = await Promise.all(paths.map((p) => loadScenario(p)));
    const names = scenarios.map((s) => s.name);
    return scenarios.map((scenario, i) => ({ label: new Set(names).size === names.length ? scenario.name : basename(paths[i]), scenario }));
  }
  if (paths.length !== 1) throw new UsageError('--set makes variants of one scenario file: give exactly one file with --set');
  const settings = args.set.map(parseSetting);
  const base = readScenarioSource(paths[0]);
  const variants: Variant[] = [];
  for (const combo of combinations(settings)) {
    const raw = structuredClone(base) as Record<string, unknown>;
    for (const [path, value] of Object.entries(combo)) setPath(raw, path, value);
    variants.push({ label: settingsLabel(combo), scenario: await loadScenario(raw, { baseDir: dirname(paths[0]) }) });
  }
  return variants;
}

/** `poolsim compare A.yaml B.yaml ...` or `poolsim compare FILE --set PATH=V1,V2`. */
export async function compareCommand(args: CompareArgs, io: Io): Promise<number> {
  const variants = await variantsFromArgs(args, io);
  if (variants.length < 2) throw new UsageError('compare needs at least two variants: two files, or --set with two values');
  const replications = args.replications ?? Math.max(variants[0].scenario.replications, 10);
  if (replications < 2) throw new UsageError('--replications must be at least 2 to give intervals');
  const comparison = await compareVariants(variants, replications, { workers: args.workers });
  const lines = verdicts(comparison);

  const out = args.out ? resolve(io.cwd, args.out) : join(io.cwd, 'reports', `compare-${reportFolderName(variants[0].scenario.name)}`);
  mkdirSync(out, { recursive: true });
  const { runs: _runs, ...summary } = comparison;
  writeFileSync(join(out, 'comparison.json'), `${JSON.stringify({ ...summary, verdicts: lines }, null, 2)}\n`);
  const rows = comparison.variants.flatMap((v, i) =>
    Object.entries(v.figures).map(([path, s]) => {
      const d = i === 0 ? undefined : comparison.differences[i - 1].figures[path];
      return [v.label, path, s.mean, s.ciLow, s.ciHigh, s.p10, s.p50, s.p90, d?.mean ?? NaN, d?.ciLow ?? NaN, d?.ciHigh ?? NaN].map((x) => (typeof x === 'number' ? csvNumber(x) : x));
    }),
  );
  writeFileSync(join(out, 'comparison.csv'), stringify(rows, { header: true, columns: ['variant', 'figure', 'mean', 'ciLow', 'ciHigh', 'p10', 'p50', 'p90', 'diffMean', 'diffLow', 'diffHigh'] }));
  const charts = [
    { name: 'comparison', spec: comparisonBars(comparison) },
    { name: 'comparison-waits', spec: comparisonWaits(comparison) },
  ];
  const svgs = await Promise.all(charts.map((ch) => renderSvg(ch.spec)));
  charts.forEach((ch, i) => {
    writeFileSync(join(out, `${ch.name}.vl.json`), `${specJson(ch.spec)}\n`);
    writeFileSync(join(out, `${ch.name}.svg`), svgs[i]);
  });
  writeFileSync(join(out, 'index.html'), comparisonHtml(comparison, lines, charts.map((ch, i) => ({ name: ch.name, svg: svgs[i] }))));

  if (args.json) {
    io.stdout(`${JSON.stringify({ ...summary, verdicts: lines }, null, 2)}\n`);
    return 0;
  }
  const keys = keyFigures(comparison.variants[0].figures);
  const table = textTable(
    [{ header: 'figure' }, ...comparison.variants.map((v, i) => ({ header: i === 0 ? v.label : `${v.label} (change)`, right: true }))],
    keys.map((k) => [
      k.label,
      ...comparison.variants.map((v, i) =>
        i === 0 ? withInterval(v.figures[k.path], k.format) : `${k.format(v.figures[k.path].mean)} (${signedWithInterval(comparison.differences[i - 1].figures[k.path], k.format)})`,
      ),
    ]),
  );
  io.stdout(`${table}\n\n${lines.map((l) => wrap(l, 100, 2)).join('\n')}\n\nreport: ${shownPath(io.cwd, out)}/index.html (and comparison.csv, comparison.json, charts)\n`);
  return 0;
}
