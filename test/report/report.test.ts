import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, test } from 'vitest';
import { reportCharts } from '../../src/report/charts/charts.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { timelineRows } from '../../src/report/timeline-csv.js';
import { formatDuration } from '../../src/report/format.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { wrap } from '../../src/report/wrap.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulateDetailed, type DetailedRun } from '../../src/simulate.js';
import { timelineInterval } from '../../src/metrics/timeline.js';
import { compareVariants } from '../../src/experiment/compare.js';
import { comparisonBars, comparisonWaits } from '../../src/report/charts/comparison-charts.js';
import { paretoChart } from '../../src/report/charts/pareto-chart.js';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

describe('the timeline', () => {
  let run: DetailedRun;
  beforeAll(async () => {
    run = simulateDetailed(await loadScenario(join(ROOT, 'scenarios/account-cap.yaml')), { interval: 600 });
  });

  test('node-hours by state summed over the intervals equal each group\'s hours', () => {
    const rows = timelineRows(run.timeline, run.scenario);
    for (const g of run.result.groups) {
      const mine = rows.filter((r) => r.group === g.machine);
      const hours = (state: 'busy' | 'idle' | 'reserved' | 'booting' | 'standby') => mine.reduce((sum, r) => sum + r[state] * r.seconds, 0) / 3600;
      expect(hours('busy')).toBeCloseTo(g.busyHours, 6);
      expect(hours('idle')).toBeCloseTo(g.idleHours, 6);
      expect(hours('reserved')).toBeCloseTo(g.reservedHours, 6);
      expect(hours('booting')).toBeCloseTo(g.bootHours, 6);
      expect(hours('standby')).toBeCloseTo(g.standbyHours, 6);
      expect(mine.reduce((sum, r) => sum + r.cost, 0)).toBeCloseTo(g.cost, 6);
      expect(mine.reduce((sum, r) => sum + r.queue * r.seconds, 0) / run.scenario.horizon).toBeCloseTo(g.meanQueue, 9);
    }
    const started = rows.reduce((sum, r) => sum + r.started, 0);
    expect(started).toBe(run.result.jobs.started);
  });

  test('the rounded CSV agrees too, to its rounding', () => {
    const csv = readFileSync(join(ROOT, 'reports/examples/account-cap/timeline.csv'), 'utf8').trim().split('\n').slice(1);
    const busy = csv.filter((l) => l.split(',')[1] === 'V100').reduce((sum, l) => sum + Number(l.split(',')[5]), 0);
    expect(busy).toBeCloseTo(run.result.groups[1].busyHours, 0);
  });

  test('the interval adapts to the horizon: a week at one minute, a year at one hour', () => {
    expect(timelineInterval(7 * 86400, 1)).toBe(60);
    expect(timelineInterval(365 * 86400, 6)).toBe(3600);
    expect(timelineInterval(30 * 86400, 6)).toBe(300);
    expect(timelineInterval(100 * 365 * 86400, 6)).toBe(86400 * 7);
  });
});

describe('charts', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The schema ships in the package, outside its exports: read it from the package's folder.
  const schemaFile = join(resolve(require.resolve('vega-lite'), '..'), 'vega-lite-schema.json');
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  test.each(['default.yaml', 'office-hours-hot-nodes.yaml', 'nasa-quarter-replay.yaml'])('every chart of %s is a valid Vega-Lite spec and renders to SVG', async (file) => {
    const run = simulateDetailed(await loadScenario(join(ROOT, 'scenarios', file)));
    const charts = reportCharts(run);
    expect(charts.map((c) => c.name)).toEqual(['nodes', 'queue', 'waits', 'cost', 'utilisation']);
    for (const chart of charts) {
      const ok = validate(chart.spec);
      expect(ok, `${chart.name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      const svg = await renderSvg(chart.spec);
      expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
      expect(svg.length).toBeGreaterThan(2000);
    }
  });
});

describe('experiment charts', () => {
  test('the comparison and Pareto charts are valid Vega-Lite and render', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(resolve(require.resolve('vega-lite'), '..'), 'vega-lite-schema.json'), 'utf8')));
    const base = await loadScenario(join(ROOT, 'scenarios/p5000-hot-nodes.yaml'));
    const c = await compareVariants(
      [
        { label: 'a', scenario: { ...base, horizon: 7 * 86400 } },
        { label: 'b', scenario: { ...base, horizon: 7 * 86400, groups: base.groups.map((g) => ({ ...g, hotNodes: 0 })) } },
      ],
      3,
      { workers: 1 },
    );
    const specs = [comparisonBars(c), comparisonWaits(c), paretoChart([{ label: 'a', x: 1, y: 2, frontier: true }, { label: 'b', x: 2, y: 3, frontier: false }], 'cost.monthly', 'wait.p95')];
    for (const spec of specs) {
      expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
      expect(await renderSvg(spec)).toMatch(/^<svg /);
    }
  });
});

describe('terminal output', () => {
  test('colour only when asked (a terminal without NO_COLOR), and never in plain output', async () => {
    const run = simulateDetailed(await loadScenario(join(ROOT, 'scenarios/office-hours-hot-nodes.yaml')));
    expect(summaryTable(run.result, { color: true })).toContain('\x1b[1m');
    expect(summaryTable(run.result)).not.toContain('\x1b[');
  });

  test('wrap keeps lines within 100 columns with a hanging indent', () => {
    const long = `Scaling  ${'word '.repeat(40)}end`;
    for (const line of wrap(long).split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(wrap(long).split('\n')[1]).toMatch(/^ {9}word/);
  });

  test('durations read naturally', () => {
    expect([0, 0.4, 45, 370, 480, 7500, 7200, 90000, 172800].map(formatDuration)).toEqual(['0s', '0.4s', '45s', '6m 10s', '8m', '2h 05m', '2h', '1d 01h', '2d']);
  });
});
