import { describe, expect, test } from 'vitest';
import { compareVariants, pairedDifferences, summariseRuns } from '../../src/experiment/compare.js';
import { replicationTasks, runMany } from '../../src/experiment/replications.js';
import { combinations, parseSetting, setPath } from '../../src/experiment/set-path.js';
import { significant, stats } from '../../src/experiment/statistics.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import type { Result } from '../../src/metrics/result.js';

const small = {
  name: 'small',
  horizon: '3d',
  groups: [{ machine: 'P5000', hotNodes: 0, maxPoolSize: 6 }],
  workloads: [{ name: 'w', machine: 'P5000', arrivals: { process: 'poisson', rate: '2/h' }, duration: { dist: 'exponential', mean: '1h' } }],
};

function withoutWall(r: Result) {
  return JSON.stringify({ ...r, engine: { ...r.engine, wallSeconds: 0 } });
}

describe('statistics', () => {
  test('mean, 95% Student-t interval and P10/P50/P90', () => {
    const s = stats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.mean).toBe(5.5);
    // sd = 3.02765, t(0.975, 9) = 2.26216
    expect(s.halfWidth).toBeCloseTo((2.262157 * 3.0276504) / Math.sqrt(10), 5);
    expect([s.p10, s.p50, s.p90]).toEqual([1.9, 5.5, 9.1]);
    expect(stats([4]).halfWidth).toBe(0);
    expect(significant(stats([10, 11, 12]))).toBe(true);
    expect(significant(stats([-1, 1, -2, 2]))).toBe(false);
  });
});

describe('replications', () => {
  test('replication 0 is the plain run; others differ; each is reproducible', async () => {
    const s = await loadScenario(small);
    expect(withoutWall(simulate(s, { replication: 0 }))).toBe(withoutWall({ ...simulate(s), replication: 0 }));
    expect(simulate(s, { replication: 1 }).cost.total).not.toBe(simulate(s, { replication: 0 }).cost.total);
    expect(withoutWall(simulate(s, { replication: 3 }))).toBe(withoutWall(simulate(s, { replication: 3 })));
  });

  test('common random numbers: settings that touch no workload see the same arrivals and durations', async () => {
    const a = await loadScenario(small);
    const b = await loadScenario({ ...small, groups: [{ machine: 'P5000', hotNodes: 3, maxPoolSize: 6 }], autoscaler: { scaleDownUnneededTime: '30m' } });
    const arrivals = (s: typeof a) => {
      const out: number[] = [];
      simulate(s, { replication: 2, onEvent: (e) => e.type === 'arrive' && out.push(e.time) });
      return out;
    };
    expect(arrivals(b)).toEqual(arrivals(a));
    expect(arrivals(a).length).toBeGreaterThan(100);
  });

  test('parallel (2 workers) and serial runs give identical results', async () => {
    const s = await loadScenario(small);
    const tasks = replicationTasks(s, 6);
    const serial = await runMany(tasks, { workers: 1 });
    const parallel = await runMany(tasks, { workers: 2 });
    expect(parallel.map(withoutWall)).toEqual(serial.map(withoutWall));
    expect(parallel.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('paired comparisons', () => {
  test('a known difference is detected: two hot nodes cost more and cut the share who wait', async () => {
    const c = await compareVariants(
      [
        { label: 'none', scenario: await loadScenario(small) },
        { label: 'two', scenario: await loadScenario({ ...small, groups: [{ machine: 'P5000', hotNodes: 2, maxPoolSize: 6 }] }) },
      ],
      10,
      { workers: 1 },
    );
    const d = c.differences[0];
    expect(d.figures['cost.monthly'].ciLow).toBeGreaterThan(0);
    expect(d.figures['wait.probWait'].ciHigh).toBeLessThan(0);
    expect(d.significant).toContain('cost.monthly');
  });

  test('a null difference is not: over 200 comparisons of identical settings, about 5% come out significant', async () => {
    // Two copies of one setting on independent streams (seeds 1 and 2): every difference is noise.
    const a = await loadScenario({ ...small, horizon: '1d' });
    const b = { ...a, seed: 2 };
    let falsePositives = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const runsA = Array.from({ length: 8 }, (_, i) => simulate(a, { replication: t * 8 + i }));
      const runsB = Array.from({ length: 8 }, (_, i) => simulate(b, { replication: t * 8 + i }));
      if (significant(pairedDifferences(runsA, runsB)['cost.monthly'])) falsePositives++;
    }
    // 5% of 200 is 10; the 99.9% binomial range is 1 to 22.
    expect(falsePositives).toBeGreaterThanOrEqual(1);
    expect(falsePositives).toBeLessThanOrEqual(22);
  });

  test('summaries have every figure by path', async () => {
    const s = await loadScenario(small);
    const figs = summariseRuns(await runMany(replicationTasks(s, 3), { workers: 1 }));
    expect(Object.keys(figs)).toEqual(expect.arrayContaining(['cost.monthly', 'wait.p95', 'groups.P5000.utilisation', 'workloads.w.wait.p95', 'abandoned']));
    expect(figs['cost.monthly'].n).toBe(3);
  });
});

describe('--set', () => {
  test('values as lists, integer ranges and durations; paths into groups by machine and workloads by name', () => {
    expect(parseSetting('groups.P5000.hotNodes=0,2')).toEqual({ path: 'groups.P5000.hotNodes', values: [0, 2] });
    expect(parseSetting('groups.P5000.maxPoolSize=2..4')).toEqual({ path: 'groups.P5000.maxPoolSize', values: [2, 3, 4] });
    expect(parseSetting('autoscaler.scaleDownUnneededTime=2m,8m,30m').values).toEqual(['2m', '8m', '30m']);
    const raw = structuredClone(small) as Record<string, unknown>;
    setPath(raw, 'groups.P5000.hotNodes', 3);
    setPath(raw, 'workloads.w.nodes', 2);
    setPath(raw, 'autoscaler.scanInterval', '30s');
    expect((raw.groups as { hotNodes: number }[])[0].hotNodes).toBe(3);
    expect((raw.workloads as { nodes: number }[])[0].nodes).toBe(2);
    expect(raw.autoscaler).toEqual({ scanInterval: '30s' });
    expect(() => setPath(raw, 'groups.V100.hotNodes', 1)).toThrow(/no element "V100" in groups/);
    expect(combinations([parseSetting('a=1,2'), parseSetting('b=x,y')])).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });
});

describe('replications with a policy module', () => {
  test('worker threads load the module (TypeScript too) and match a serial run', async () => {
    const { writeFiles } = await import('../helpers.js');
    const dir = writeFiles({
      'p.ts': "export default (params: { spare?: number }) => ({ name: 'ts-spare', eventDriven: true, decide(view: any) { const g = view.groups[0]; const add: number = Math.max(0, g.queue.nodesWanted + (params.spare ?? 1) - g.nodes.idle - g.nodes.booting); return add > 0 ? { groups: { [g.machine]: { add, reason: 'headroom' } } } : {}; } });\n",
    });
    const s = await loadScenario({ ...small, policy: { module: './p.ts', spare: 1 } }, { baseDir: dir });
    const tasks = replicationTasks(s, 4);
    const serial = await runMany(tasks, { workers: 1 });
    const parallel = await runMany(tasks, { workers: 2 });
    expect(parallel.map(withoutWall)).toEqual(serial.map(withoutWall));
    expect(serial[0].decisions.byReason.headroom).toBeGreaterThan(0);
  });
});
