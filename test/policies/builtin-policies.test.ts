import { describe, expect, test } from 'vitest';
import type { DecisionRecord } from '../../src/metrics/decisions.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { poissonQuantile } from '../../src/policies/predictive.js';
import { simulate } from '../../src/simulate.js';
import { writeFiles } from '../helpers.js';

const EXACT = {
  start: '2026-01-05T00:00:00Z', // a Monday
  timezone: 'UTC',
  billing: { granularity: 0 },
  cluster: { monthlyFee: 0 },
  autoscaler: { scanInterval: 0, scaleDownUnneededTime: 480, scaleDownDelayAfterAdd: 120 },
};

/** Decision records as [time, "group action count reason[/limit]"]. */
async function decisions(scenario: object, files: Record<string, string> = {}): Promise<[number, string][]> {
  const s = await loadScenario({ name: 'p', ...EXACT, ...scenario }, { baseDir: writeFiles(files) });
  const out: DecisionRecord[] = [];
  simulate(s, { onDecision: (d) => out.push(d) });
  return out.map((d) => [d.time, `${d.group} ${d.action} ${d.count} ${d.reason}${d.limit ? `/${d.limit}` : ''}`]);
}

describe('built-in policies on exact cases', () => {
  test('reactive: scale up for pending jobs, scale down after the idle timeout', async () => {
    expect(
      await decisions(
        { horizon: 3000, groups: [{ machine: 'C5', maxPoolSize: 2, bootTime: 60 }], workloads: [{ name: 't', trace: 't.csv' }] },
        { 't.csv': 'submit,duration,machine\n100,200,C5\n' },
      ),
    ).toEqual([
      [100, 'C5 scale-up 1 pending-jobs'],
      [840, 'C5 scale-down 1 idle-timeout'],
    ]);
  });

  test('headroom: keeps a spare ready node beyond demand', async () => {
    expect(
      await decisions(
        { horizon: 3000, policy: { name: 'headroom', spare: 1 }, groups: [{ machine: 'C5', maxPoolSize: 3, bootTime: 60 }], workloads: [{ name: 't', trace: 't.csv' }] },
        { 't.csv': 'submit,duration,machine\n100,200,C5\n' },
      ),
    ).toEqual([
      [0, 'C5 scale-up 1 headroom'], // ready at 60, idle
      [100, 'C5 scale-up 1 headroom'], // the job took the spare: a new spare boots, idle from 160
      // At 300 the job's node frees: two idle, one kept as the spare (the newest); the older goes at 160 + 8m.
      [640, 'C5 scale-down 1 idle-timeout'],
    ]);
  });

  test('scheduled: hot nodes inside a weekly window, released when it ends', async () => {
    expect(
      await decisions({
        horizon: '1d',
        policy: { name: 'scheduled', windows: [{ days: 'Mon-Fri', from: '08:00', to: '10:00', nodes: { C5: 2 } }] },
        groups: [{ machine: 'C5', maxPoolSize: 3, bootTime: 60 }],
      }),
    ).toEqual([
      [8 * 3600, 'C5 scale-up 2 schedule'],
      [10 * 3600, 'C5 scale-down 2 idle-timeout'],
    ]);
  });

  test('predictive (profile): pre-warms for the arrivals expected during a boot', async () => {
    // 6 arrivals/h, 4-minute boots: 0.4 expected per boot; P(more than 1) = 6.2% <= 10%: keep 1 spare.
    const scenario = {
      horizon: '1d',
      groups: [{ machine: 'C5', maxPoolSize: 5, bootTime: 240 }],
      workloads: [{ name: 'w', machine: 'C5', arrivals: { process: 'fixed', interval: '10m' }, duration: '1m' }],
    };
    const records = await decisions({ ...scenario, policy: { name: 'predictive', method: 'profile', target: 0.1 } });
    // The first job arrives at 0: one node for it and one spare. Two nodes idle after it; the older times out
    // (8 minutes), the newer stays as the spare; when a job takes it, a new spare boots.
    expect(records.slice(0, 3)).toEqual([
      [0, 'C5 scale-up 2 pending-jobs'],
      [720, 'C5 scale-down 1 idle-timeout'],
      [1200, 'C5 scale-up 1 forecast'],
    ]);
    const predictive = simulate(await loadScenario({ name: 'p', ...EXACT, ...scenario, policy: { name: 'predictive', method: 'profile', target: 0.1 } }));
    const reactive = simulate(await loadScenario({ name: 'p', ...EXACT, ...scenario }));
    // Only the very first job waits with the forecast. Without it, every other job finds its node timed out
    // (idle 9 minutes, removed after 8) and waits a boot.
    expect(predictive.wait.probWait).toBeCloseTo(1 / predictive.wait.jobs, 12);
    expect(reactive.wait.probWait).toBeCloseTo(0.5, 2);
    expect(reactive.wait.max).toBe(240);
  });

  test('target-utilization: scales out at once to in-use / target, scales in one node per cooldown', async () => {
    expect(
      await decisions(
        {
          horizon: 5000,
          policy: { name: 'target-utilization', target: 0.5, scaleInCooldown: '10m' },
          groups: [{ machine: 'C5', maxPoolSize: 6, bootTime: 60 }],
          workloads: [{ name: 't', trace: 't.csv' }],
        },
        { 't.csv': 'submit,duration,machine\n0,1000,C5\n0,1000,C5\n' },
      ),
    ).toEqual([
      [0, 'C5 scale-up 4 utilization'], // 2 in use / 0.5: two nodes for the jobs, two idle from 60
      // The jobs end at 1060: nothing in use. One node every 10 minutes, once idle 8 minutes.
      [1060, 'C5 scale-down 1 utilization'],
      [1660, 'C5 scale-down 1 utilization'],
      [2260, 'C5 scale-down 1 utilization'],
      [2860, 'C5 scale-down 1 utilization'],
    ]);
  });

  test('poissonQuantile: the smallest k with P(N > k) <= tail', () => {
    expect(poissonQuantile(0.4, 0.1)).toBe(1);
    expect(poissonQuantile(0.4, 0.05)).toBe(2);
    expect(poissonQuantile(0, 0.1)).toBe(0);
    expect(poissonQuantile(10, 0.5)).toBe(10);
  });
});
