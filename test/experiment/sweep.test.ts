import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { optimize } from '../../src/experiment/optimize.js';
import { paretoFrontier } from '../../src/experiment/pareto.js';
import { parseSetting } from '../../src/experiment/set-path.js';
import { meets, parseSlo } from '../../src/experiment/slo.js';
import { evaluate, gridPoints } from '../../src/experiment/sweep.js';
import { yamlPatch } from '../../src/experiment/yaml-patch.js';
import { stats } from '../../src/experiment/statistics.js';
import { writeFiles } from '../helpers.js';

describe('paretoFrontier', () => {
  test('keeps exactly the points no other beats on both coordinates', () => {
    const points = [
      { x: 1, y: 9 }, // frontier
      { x: 2, y: 7 }, // frontier
      { x: 3, y: 8 }, // dominated by (2, 7)
      { x: 4, y: 3 }, // frontier
      { x: 5, y: 3 }, // dominated by (4, 3): equal y, worse x
      { x: 6, y: 1 }, // frontier
      { x: 7, y: 2 }, // dominated by (6, 1)
      { x: 2, y: 7 }, // a duplicate of a frontier point: the first one stands
    ];
    expect(paretoFrontier(points)).toEqual([0, 1, 3, 5]);
    expect(paretoFrontier([])).toEqual([]);
  });
});

describe('SLOs', () => {
  test('values in the figure\'s unit; met only when the whole interval is within the limit', () => {
    expect(parseSlo('wait.p95<=5m')).toEqual({ text: 'wait.p95<=5m', metric: 'wait.p95', op: '<=', value: 300 });
    expect(parseSlo('abandoned <= 1%').value).toBeCloseTo(0.01, 12);
    expect(parseSlo('cost.monthly<=4000').value).toBe(4000);
    expect(() => parseSlo('wait.p95 < 5m')).toThrow(/METRIC<=VALUE/);
    const slo = parseSlo('wait.p95<=10');
    expect(meets(slo, stats([8, 9, 10]))).toBe(false); // mean 9, but the interval reaches past 10
    expect(meets(slo, stats([8, 8.1, 8.2]))).toBe(true);
  });
});

describe('optimize', () => {
  const scenario = [
    'name: opt',
    'horizon: 2d',
    'groups:',
    '  - {machine: P5000, hotNodes: 0, maxPoolSize: 10, bootTime: 30m}',
    'workloads:',
    '  - {name: w, machine: P5000, arrivals: {process: poisson, rate: 2/h}, duration: {dist: exponential, mean: 1h}}',
  ].join('\n');

  test('finds the known optimum of a small grid: the cheapest setting whose interval meets the SLO', async () => {
    const dir = writeFiles({ 's.yaml': scenario });
    const { points } = await gridPoints(join(dir, 's.yaml'), [parseSetting('groups.P5000.hotNodes=0..6')]);
    const slos = [parseSlo('wait.probWait<=30%')];
    const result = await optimize(points, { slos, minimize: 'cost.monthly', replications: 8, workers: 1 });
    expect(result.method).toBe('exhaustive');
    // The optimum by brute force: every point, the same replications.
    const all = await evaluate(points, 8, { workers: 1 });
    const feasible = all.map((f, i) => ({ i, f })).filter(({ f }) => meets(slos[0], f['wait.probWait'])).sort((a, b) => a.f['cost.monthly'].mean - b.f['cost.monthly'].mean);
    expect(result.best).toBe(feasible[0].i);
    expect(result.runnerUp).toBe(feasible[1].i);
    expect(points[result.best].settings['groups.P5000.hotNodes']).toBeGreaterThan(0);
  });

  test('racing on a larger grid reaches the same optimum as an exhaustive search, with fewer replications', async () => {
    const dir = writeFiles({ 's.yaml': scenario });
    const { points, skipped } = await gridPoints(join(dir, 's.yaml'), [parseSetting('groups.P5000.hotNodes=0..6'), parseSetting('groups.P5000.maxPoolSize=6..8')]);
    expect(skipped.length).toBe(0);
    expect(points.length).toBe(21);
    const options = { slos: [parseSlo('wait.probWait<=30%')], minimize: 'cost.monthly', replications: 8, workers: 1 };
    const racing = await optimize(points, { ...options, exhaustiveUpTo: 4 });
    const full = await optimize(points, { ...options, exhaustiveUpTo: 100 });
    expect(racing.method).toBe('racing');
    expect(racing.best).toBe(full.best);
    expect(racing.best).toBeGreaterThanOrEqual(0);
    expect(racing.replicationsOf.reduce((a, b) => a + b, 0)).toBeLessThan(full.replicationsOf.reduce((a, b) => a + b, 0));
  });

  test('invalid combinations are skipped and listed, not fatal', async () => {
    const dir = writeFiles({ 's.yaml': scenario });
    const { points, skipped } = await gridPoints(join(dir, 's.yaml'), [parseSetting('groups.P5000.hotNodes=0,5'), parseSetting('groups.P5000.maxPoolSize=2,10')]);
    expect(points.map((p) => p.settings)).toEqual([
      { 'groups.P5000.hotNodes': 0, 'groups.P5000.maxPoolSize': 2 },
      { 'groups.P5000.hotNodes': 0, 'groups.P5000.maxPoolSize': 10 },
      { 'groups.P5000.hotNodes': 5, 'groups.P5000.maxPoolSize': 10 },
    ]);
    expect(skipped).toEqual([{ settings: { 'groups.P5000.hotNodes': 5, 'groups.P5000.maxPoolSize': 2 }, why: 'groups[0].hotNodes: 5 is more than maxPoolSize 2' }]);
  });

  test('the recommendation as a YAML patch to the scenario', () => {
    expect(yamlPatch({ 'groups.P5000.hotNodes': 2, 'groups.P5000.maxPoolSize': 8, 'autoscaler.scaleDownUnneededTime': '2m' })).toBe(
      'groups:\n  - machine: P5000\n    hotNodes: 2\n    maxPoolSize: 8\nautoscaler:\n  scaleDownUnneededTime: 2m\n',
    );
  });
});

describe('the example scenarios sweep', () => {
  test('sweep writes sweep.csv with every figure and its interval, and marks the frontier', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { readFileSync } = await import('node:fs');
    const dir = writeFiles({});
    let stdout = '';
    const code = await main(['sweep', resolve(import.meta.dirname, '../../scenarios/p5000-hot-nodes.yaml'), '--set', 'groups.P5000.hotNodes=0..2', '--replications', '3', '--workers', '1'], {
      stdout: (t) => void (stdout += t),
      stderr: () => {},
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/of 3 settings on the frontier/);
    const csv = readFileSync(join(dir, 'reports/sweep-p5000-hot-nodes/sweep.csv'), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^groups\.P5000\.hotNodes,frontier,replications,jobs\.submitted\.mean,jobs\.submitted\.low,jobs\.submitted\.high,/);
    expect(csv[0]).toContain('cost.monthly.mean,cost.monthly.low,cost.monthly.high');
    expect(csv.length - 2).toBe(3);
  });
});

describe('comparison report', () => {
  test('compare writes a page with the verdict, and chart specs that validate and render', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { readFileSync, existsSync } = await import('node:fs');
    const dir = writeFiles({});
    const code = await main(['compare', resolve(import.meta.dirname, '../../scenarios/p5000-hot-nodes.yaml'), '--set', 'groups.P5000.hotNodes=0,2', '--replications', '4', '--workers', '1', '--out', 'c'], {
      stdout: () => {},
      stderr: () => {},
      cwd: dir,
    });
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'c/index.html'), 'utf8');
    expect(html).toContain('class="verdict">hotNodes=2 costs');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    for (const name of ['comparison', 'comparison-waits']) {
      expect(existsSync(join(dir, `c/${name}.svg`))).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, `c/${name}.vl.json`), 'utf8')).$schema).toContain('vega-lite');
    }
  });
});
