import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/simulate.js';
import type { SimEvent } from '../../src/model/sim-event.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { describeEvent, traceScenario } from '../helpers.js';

function traced(scenario: Scenario) {
  const events: SimEvent[] = [];
  const result = simulate(scenario, { onEvent: (e) => events.push(e) });
  return { result, trace: events.map(describeEvent) };
}

const P5000 = 0.78 / 3600; // USD per second

describe('simulate() on exact cases computed by hand (scan at every event)', () => {
  const scaleFromZero = () =>
    traceScenario('submit,duration,machine\n0,600,P5000\n60,300,P5000\n1000,100,P5000\n', {
      horizon: 2000,
      groups: [{ machine: 'P5000', hotNodes: 0, maxPoolSize: 2, bootTime: '4m' }],
    });

  test('scales up from zero, runs each job on the first node to become ready, removes idle nodes after 8m', async () => {
    const { result, trace } = traced(await scaleFromZero());
    expect(trace).toEqual([
      [0, 'arrive P5000 x1'],
      [0, 'scale-up P5000 +1'],
      [60, 'arrive P5000 x1'],
      [60, 'scale-up P5000 +1'],
      [240, 'ready P5000'],
      [240, 'start P5000 wait 240'],
      [300, 'ready P5000'],
      [300, 'start P5000 wait 240'],
      [600, 'finish P5000'],
      [840, 'finish P5000'],
      // Takes the most recently freed node; the one idle since 600 times out at 1080.
      [1000, 'arrive P5000 x1'],
      [1000, 'start P5000 wait 0'],
      [1080, 'scale-down P5000 -1'],
      [1100, 'finish P5000'],
      [1580, 'scale-down P5000 -1'],
    ]);
    expect(result.wait).toEqual({ jobs: 3, mean: 160, p50: 240, p90: 240, p95: 240, p99: 240, max: 240, probWait: 2 / 3 });
    expect(result.jobs).toEqual({ submitted: 3, started: 3, completed: 3, abandoned: 0, abandonedShare: 0, unfinished: 0, queuedAtEnd: 0 });
    const g = result.groups[0];
    // Node A: 0-1580 (boot 240, busy 600 + 100, idle 160 + 480); node B: 60-1080 (boot 240, busy 300, idle 480).
    expect(g.bootHours * 3600).toBeCloseTo(480, 9);
    expect(g.busyHours * 3600).toBeCloseTo(1000, 9);
    expect(g.idleHours * 3600).toBeCloseTo(1120, 9);
    expect(g.machineHours * 3600).toBeCloseTo(2600, 9);
    expect(g.cost).toBeCloseTo(2600 * P5000, 12);
    expect(result.cost.total).toBeCloseTo(0.56, 2);
    expect(result.cost.total).toBeCloseTo(2600 * P5000, 12);
    expect(result.cost.monthly).toBeCloseTo(((2600 * P5000) / (2000 / 3600)) * 730, 9);
    expect(g).toMatchObject({ peakNodes: 2, scaleUps: 2, nodesAdded: 2, scaleDowns: 2, nodesRemoved: 2, blockedScaleUps: 0 });
  });

  test('bills lifetimes rounded up to the granularity, inside the measured span', async () => {
    const s = await scaleFromZero();
    const hourly = simulate({ ...s, horizon: 10000, billing: { granularity: 3600, bootBilled: true } });
    // Both nodes' lifetimes (1580 s and 1020 s) round up to one hour each.
    expect(hourly.groups[0].cost).toBeCloseTo(2 * 0.78, 12);
    expect(hourly.groups[0].costByState.rounding).toBeCloseTo((3600 - 1580 + 3600 - 1020) * P5000, 12);
    // A short horizon cuts the rounding at its end: node A's extra hour runs 1580-3600, but the span ends at 2000.
    const cut = simulate({ ...s, horizon: 2000, billing: { granularity: 3600, bootBilled: true } });
    expect(cut.groups[0].costByState.rounding).toBeCloseTo((2000 - 1580 + 2000 - 1080) * P5000, 12);
  });

  test('with bootBilled false, boot time is not billed', async () => {
    const s = await scaleFromZero();
    const r = simulate({ ...s, billing: { granularity: 0, bootBilled: false } });
    expect(r.groups[0].bootHours * 3600).toBeCloseTo(480, 9);
    expect(r.groups[0].cost).toBeCloseTo((2600 - 480) * P5000, 12);
  });

  test('a gang job reserves nodes as they come and starts when it holds all of them', async () => {
    const s = await traceScenario('submit,duration,machine,nodes\n0,50,P5000,3\n', {
      horizon: 1000,
      groups: [{ machine: 'P5000', hotNodes: 1, maxPoolSize: 3, bootTime: 100 }],
    });
    const { result, trace } = traced(s);
    expect(trace).toEqual([
      [0, 'arrive P5000 x3'],
      [0, 'scale-up P5000 +2'],
      [100, 'ready P5000'],
      [100, 'ready P5000'],
      [100, 'start P5000 wait 100'],
      [150, 'finish P5000'],
      // Two of three idle since 150 removed at 630; the hot node stays.
      [630, 'scale-down P5000 -2'],
    ]);
    const g = result.groups[0];
    expect(g.reservedHours * 3600).toBeCloseTo(100, 9); // the hot node, held 0-100
    expect(g.busyHours * 3600).toBeCloseTo(150, 9);
    expect(g.bootHours * 3600).toBeCloseTo(200, 9);
    expect(g.machineHours * 3600).toBeCloseTo(1000 + 630 + 630, 9);
    expect(g.cost).toBeCloseTo((1000 + 630 + 630) * P5000, 12);
    expect(g.costByState.reserved).toBeCloseTo(100 * P5000, 12);
    expect(result.cost.idle).toBeCloseTo((100 + (1000 - 150) + 2 * (630 - 150)) * P5000, 12);
  });

  test('a scale-up cut short by the max pool size is recorded as blocked, and the job waits for a node to free', async () => {
    const s = await traceScenario('submit,duration,machine\n0,100,P5000\n0,100,P5000\n', {
      horizon: 1000,
      groups: [{ machine: 'P5000', hotNodes: 0, maxPoolSize: 1, bootTime: 10 }],
    });
    const { result, trace } = traced(s);
    expect(trace.slice(0, 9)).toEqual([
      [0, 'arrive P5000 x1'],
      [0, 'arrive P5000 x1'],
      [0, 'scale-up P5000 +1'],
      [0, 'blocked P5000 1/2 by max-pool'],
      [10, 'ready P5000'],
      [10, 'start P5000 wait 10'],
      // Every scan that is cut short says so; the episode is counted once.
      [10, 'blocked P5000 0/1 by max-pool'],
      [110, 'finish P5000'],
      [110, 'start P5000 wait 110'],
    ]);
    expect(result.groups[0]).toMatchObject({ blockedScaleUps: 1, blockedBy: { maxPool: 1, accountCap: 0 }, peakNodes: 1, peakQueue: 2 });
    expect(result.wait.mean).toBe(60);
  });

  test('the account cap binds across groups in file order, and a removal elsewhere frees it', async () => {
    const s = await traceScenario('submit,duration,machine,nodes\n0,100,C5,2\n0,100,P4000,1\n', {
      horizon: 1000,
      cluster: { machineCap: 2, monthlyFee: 0 },
      groups: [
        { machine: 'C5', hotNodes: 0, maxPoolSize: 5, bootTime: 10 },
        { machine: 'P4000', hotNodes: 0, maxPoolSize: 5, bootTime: 10 },
      ],
    });
    const { result, trace } = traced(s);
    expect(trace.filter(([, what]) => !what.startsWith('blocked') || what.includes('0/1'))).toEqual([
      [0, 'arrive C5 x2'],
      [0, 'arrive P4000 x1'],
      [0, 'scale-up C5 +2'],
      [0, 'blocked P4000 0/1 by account-cap'],
      [10, 'ready C5'],
      [10, 'ready C5'],
      [10, 'start C5 wait 10'],
      [10, 'blocked P4000 0/1 by account-cap'],
      [110, 'finish C5'],
      [110, 'blocked P4000 0/1 by account-cap'],
      [590, 'blocked P4000 0/1 by account-cap'],
      [590, 'scale-down C5 -2'],
      [590, 'scale-up P4000 +1'],
      [600, 'ready P4000'],
      [600, 'start P4000 wait 600'],
      [700, 'finish P4000'],
    ]);
    const p4000 = result.groups[1];
    // One episode: blocked from 0 until the scan that could grow the group.
    expect(p4000).toMatchObject({ blockedScaleUps: 1, blockedBy: { maxPool: 0, accountCap: 1 }, peakNodes: 1 });
    expect(result.workloads[0].wait.max).toBe(600);
  });

  test('no node is removed less than scaleDownDelayAfterAdd after a scale-up in any group', async () => {
    const s = await traceScenario('submit,duration,machine\n0,10,C5\n460,100,P5000\n', {
      horizon: 3000,
      groups: [
        { machine: 'C5', hotNodes: 0, maxPoolSize: 3, bootTime: 10 },
        { machine: 'P5000', hotNodes: 0, maxPoolSize: 3, bootTime: 10 },
      ],
    });
    const { trace } = traced(s);
    // Idle since 20, the C5 node would go at 500; the P5000 scale-up at 460 holds removals until 580.
    expect(trace.filter(([, what]) => what.startsWith('scale'))).toEqual([
      [0, 'scale-up C5 +1'],
      [460, 'scale-up P5000 +1'],
      [580, 'scale-down C5 -1'],
      [1050, 'scale-down P5000 -1'],
    ]);
  });

  test('with a scan interval, decisions wait for the next scan', async () => {
    const s = await traceScenario('submit,duration,machine\n3,100,P5000\n', {
      horizon: 2000,
      autoscaler: { scanInterval: '10s', scaleDownUnneededTime: '8m', scaleDownDelayAfterAdd: '2m' },
      groups: [{ machine: 'P5000', hotNodes: 0, maxPoolSize: 2, bootTime: 5 }],
    });
    const { trace } = traced(s);
    expect(trace).toEqual([
      [3, 'arrive P5000 x1'],
      [10, 'scale-up P5000 +1'],
      [15, 'ready P5000'],
      [15, 'start P5000 wait 12'],
      [115, 'finish P5000'],
      // Idle since 115: removable from 595, removed at the scan at 600.
      [600, 'scale-down P5000 -1'],
    ]);
  });

  test('jobs queued or running at the end are unfinished, never dropped; warm-up jobs are not counted', async () => {
    const s = await traceScenario('submit,duration,machine\n-500,100,P5000\n100,5000,P5000\n200,10,P5000\n', {
      horizon: 1000,
      warmup: 1000,
      groups: [{ machine: 'P5000', hotNodes: 1, maxPoolSize: 1, bootTime: 10 }],
    });
    const r = simulate(s);
    expect(r.jobs).toEqual({ submitted: 2, started: 1, completed: 0, abandoned: 0, abandonedShare: 0, unfinished: 2, queuedAtEnd: 1 });
    expect(r.wait.jobs).toBe(1);
    expect(r.workloads[0].trace?.outsideSpan).toBe(0);
    expect(r.groups[0].busyHours * 3600).toBeCloseTo(900, 9);
    expect(r.groups[0].meanQueue).toBeCloseTo(800 / 1000, 12);
  });

  test('trace rows outside the simulated span are counted, not run', async () => {
    const s = await traceScenario('submit,duration,machine\n-2000,10,P5000\n5,10,P5000\n1000,10,P5000\n5000,10,P5000\n', {
      horizon: 1000,
      warmup: 100,
      groups: [{ machine: 'P5000', hotNodes: 1, maxPoolSize: 1 }],
    });
    const r = simulate(s);
    expect(r.workloads[0].trace?.outsideSpan).toBe(3);
    expect(r.jobs.submitted).toBe(1);
  });
});
