import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import type { SimEvent } from '../../src/model/sim-event.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { describeEvent, writeFiles } from '../helpers.js';

const EXACT = {
  billing: { granularity: 0 },
  cluster: { monthlyFee: 0 },
  autoscaler: { scanInterval: 0, scaleDownUnneededTime: 480, scaleDownDelayAfterAdd: 120 },
};

function traced(scenario: Scenario) {
  const events: SimEvent[] = [];
  const result = simulate(scenario, { onEvent: (e) => events.push(e) });
  const trace = events.map((e) => (e.type === 'abandon' ? ([e.time, `abandon ${e.group} after ${e.waited}`] as [number, string]) : e.type === 'replicas' ? ([e.time, `replicas ${e.workload} ${e.from}->${e.to}`] as [number, string]) : describeEvent(e)));
  return { result, trace };
}

describe('impatient jobs', () => {
  test('a job still queued after its patience leaves, never starts, and is counted once', async () => {
    const dir = writeFiles({ 'a.csv': 'submit,duration,machine\n0,100,P5000\n20,10,P5000\n', 'b.csv': 'submit,duration,machine\n10,50,P5000\n' });
    const s = await loadScenario(
      {
        name: 'x',
        horizon: 1000,
        ...EXACT,
        groups: [{ machine: 'P5000', hotNodes: 1, maxPoolSize: 1 }],
        workloads: [
          { name: 'a', trace: 'a.csv' },
          { name: 'b', trace: 'b.csv', kind: 'notebook', patience: '30s' },
        ],
      },
      { baseDir: dir },
    );
    const { result, trace } = traced(s);
    expect(trace.filter(([, w]) => !w.startsWith('blocked'))).toEqual([
      [0, 'arrive P5000 x1'],
      [0, 'start P5000 wait 0'],
      [10, 'arrive P5000 x1'],
      [20, 'arrive P5000 x1'],
      [40, 'abandon P5000 after 30'],
      [100, 'finish P5000'],
      [100, 'start P5000 wait 80'],
      [110, 'finish P5000'],
    ]);
    expect(result.workloads[1].jobs).toEqual({ submitted: 1, started: 0, completed: 0, abandoned: 1, abandonedShare: 1, unfinished: 0, queuedAtEnd: 0 });
    expect(result.jobs).toMatchObject({ submitted: 3, started: 2, completed: 2, abandoned: 1, unfinished: 0 });
    expect(result.jobs.abandonedShare).toBeCloseTo(1 / 3, 12);
    expect(result.kinds.notebook?.jobs.abandoned).toBe(1);
    expect(result.kinds.job?.jobs.abandoned).toBe(0);
    expect(result.wait.jobs).toBe(2);
  });

  test('a gang job that gives up hands its reserved nodes to the next in line', async () => {
    const dir = writeFiles({ 'g.csv': 'submit,duration,machine,nodes\n0,100,P5000,2\n', 'j.csv': 'submit,duration,machine\n10,20,P5000\n' });
    const s = await loadScenario(
      {
        name: 'x',
        horizon: 1000,
        ...EXACT,
        groups: [{ machine: 'P5000', hotNodes: 1, maxPoolSize: 2, bootTime: 100 }],
        workloads: [
          { name: 'gang', trace: 'g.csv', patience: 50 },
          { name: 'single', trace: 'j.csv' },
        ],
      },
      { baseDir: dir },
    );
    const { result, trace } = traced(s);
    expect(trace.filter(([, w]) => !w.startsWith('blocked')).slice(0, 7)).toEqual([
      [0, 'arrive P5000 x2'],
      [0, 'scale-up P5000 +1'],
      [10, 'arrive P5000 x1'],
      [50, 'abandon P5000 after 50'],
      [50, 'start P5000 wait 40'],
      [70, 'finish P5000'],
      [100, 'ready P5000'],
    ]);
    expect(result.groups[0].reservedHours * 3600).toBeCloseTo(50, 9);
  });
});

describe('machine fallback', () => {
  test('takes an idle node of the first type that has one, else grows the first type that can', async () => {
    const s = await loadScenario({
      name: 'x',
      horizon: 25,
      ...EXACT,
      groups: [
        { machine: 'P5000', hotNodes: 1, maxPoolSize: 1 },
        { machine: 'P4000', hotNodes: 0, maxPoolSize: 2, bootTime: 100 },
      ],
      workloads: [{ name: 'w', machine: ['P5000', 'P4000'], arrivals: { process: 'fixed', interval: 10 }, duration: 1000 }],
    });
    const { result, trace } = traced({ ...s, horizon: 200 } as Scenario);
    expect(trace.filter(([, w]) => w.startsWith('start') || w.startsWith('scale-up')).slice(0, 5)).toEqual([
      [0, 'start P5000 wait 0'],
      [10, 'scale-up P4000 +1'],
      [20, 'scale-up P4000 +1'],
      [110, 'start P4000 wait 100'],
      [120, 'start P4000 wait 100'],
    ]);
    // At 30 both types are full and cannot grow: the job queues for the preferred P5000.
    expect(result.workloads[0].ranOn).toEqual({ P5000: 1, P4000: 2 });
    expect(result.workloads[0].jobs.queuedAtEnd).toBeGreaterThan(0);
  });
});

describe('deployments', () => {
  test('fixed replicas beyond the pool stay pending; the shortfall is reported', async () => {
    const s = await loadScenario({
      name: 'x',
      horizon: '10h',
      ...EXACT,
      groups: [{ machine: 'C5', hotNodes: 2, maxPoolSize: 2 }],
      workloads: [{ name: 'api', kind: 'deployment', machine: 'C5', replicas: 3 }],
    });
    const r = simulate(s);
    expect(r.deployments).toEqual([
      {
        name: 'api',
        machines: ['C5'],
        nodesPerReplica: 1,
        meanReplicas: 2,
        meanDesired: 3,
        peakReplicas: 2,
        replicaHours: 20,
        desiredReplicaHours: 30,
        pendingReplicaHours: 10,
        underProvisionedHours: 10,
        targetChanges: 0,
        // Two replicas started at once on the hot nodes; the third never did.
        replicaWait: expect.objectContaining({ jobs: 2, max: 0 }),
      },
    ]);
    // Replicas are not jobs: the job figures stay empty.
    expect(r.jobs.submitted).toBe(0);
    expect(r.groups[0].utilisation).toBe(1);
  });

  test('replicas follow the request rate through the day, capped at maxReplicas', async () => {
    const hourly = [...new Array<number>(12).fill(0.5), ...new Array<number>(12).fill(1.5)];
    const s = await loadScenario({
      name: 'x',
      horizon: '2d',
      timezone: 'UTC',
      start: '2026-01-05T00:00:00Z',
      ...EXACT,
      groups: [{ machine: 'C5', maxPoolSize: 10, bootTime: 60 }],
      workloads: [
        {
          name: 'api',
          kind: 'deployment',
          machine: 'C5',
          replicas: { requestRate: '100/s', profile: { hourly }, targetPerReplica: '30/s', minReplicas: 1, maxReplicas: 4 },
        },
      ],
    });
    const { result, trace } = traced(s);
    // 50/s at night wants 2 replicas; 150/s wants 5, capped at 4.
    expect(trace.filter(([, w]) => w.startsWith('replicas'))).toEqual([
      [0, 'replicas api 0->2'],
      [12 * 3600, 'replicas api 2->4'],
      [24 * 3600, 'replicas api 4->2'],
      [36 * 3600, 'replicas api 2->4'],
    ]);
    const d = result.deployments[0];
    expect(d.meanDesired).toBeCloseTo(3, 12);
    expect(d.peakReplicas).toBe(4);
    expect(d.targetChanges).toBe(3);
    // Each scale-up waits one 60 s boot: 2 replicas at 0, 2 at 12h and 2 at 36h (the nodes freed at 24h were removed by then).
    expect(d.pendingReplicaHours * 3600).toBeCloseTo(6 * 60, 6);
    expect(d.underProvisionedHours * 3600).toBeCloseTo(3 * 60, 6);
    expect(d.replicaWait).toMatchObject({ jobs: 6, max: 60 });
  });

  test('the cooldown delays a change of the replica target', async () => {
    const hourly = new Array<number>(24).fill(1);
    hourly[1] = 3;
    hourly[2] = 3;
    const s = await loadScenario({
      name: 'x',
      horizon: '3h',
      timezone: 'UTC',
      start: '2026-01-05T00:00:00Z',
      ...EXACT,
      groups: [{ machine: 'C5', maxPoolSize: 10, bootTime: 0 }],
      workloads: [
        { name: 'api', kind: 'deployment', machine: 'C5', replicas: { requestRate: '10/s', profile: { hourly }, targetPerReplica: '10/s', maxReplicas: 10, cooldown: '2h' } },
      ],
    });
    const { trace } = traced(s);
    expect(trace.filter(([, w]) => w.startsWith('replicas'))).toEqual([
      [0, 'replicas api 0->1'],
      // Wanted at 01:00, allowed two hours after the last change.
      [7200, 'replicas api 1->3'],
    ]);
  });
});

describe('workload kinds', () => {
  test('notebooks and jobs are reported apart and together', async () => {
    const s = await loadScenario({
      name: 'x',
      horizon: '2d',
      groups: [{ machine: 'C5', hotNodes: 2, maxPoolSize: 4 }],
      workloads: [
        { name: 'nb', kind: 'notebook', machine: 'C5', arrivals: { process: 'poisson', rate: '2/h' }, duration: '30m' },
        { name: 'jobs', machine: 'C5', arrivals: { process: 'poisson', rate: '1/h' }, duration: '1h' },
      ],
    });
    const r = simulate(s);
    expect(r.kinds.notebook?.jobs.submitted).toBe(r.workloads[0].jobs.submitted);
    expect(r.kinds.job?.jobs.submitted).toBe(r.workloads[1].jobs.submitted);
    expect(r.jobs.submitted).toBe(r.workloads[0].jobs.submitted + r.workloads[1].jobs.submitted);
    expect(r.workloads.map((w) => w.kind)).toEqual(['notebook', 'job']);
  });
});
