import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { DecisionRecord } from '../../src/metrics/decisions.js';
import { PolicyError } from '../../src/policies/policy-module.js';
import type { PolicyDecision, PolicyView, ScalingPolicy } from '../../src/policies/policy.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { simulate } from '../../src/simulate.js';
import { writeFiles } from '../helpers.js';

const EXACT = {
  name: 'limits',
  horizon: 1000,
  billing: { granularity: 0 },
  cluster: { monthlyFee: 0 },
  autoscaler: { scanInterval: 0, scaleDownUnneededTime: 480, scaleDownDelayAfterAdd: 120 },
};

/** A policy that plays back decisions by scan time. */
function scripted(script: (view: PolicyView) => PolicyDecision | undefined): ScalingPolicy {
  return { name: 'scripted', decide: (view) => script(view) ?? {} };
}

function run(scenario: Scenario, policy: ScalingPolicy): { records: string[]; error?: unknown } {
  const out: DecisionRecord[] = [];
  try {
    simulate(scenario, { policy, onDecision: (d) => out.push(d) });
  } catch (error) {
    return { records: out.map(show), error };
  }
  return { records: out.map(show) };
}

function show(d: DecisionRecord): string {
  return `${d.time} ${d.group} ${d.action} ${d.count} ${d.reason}${d.limit ? ` [${d.limit}]` : ''}${d.note ? ` (${d.note})` : ''}`;
}

describe('the engine enforces the limits, whatever a policy asks, and says which limit bound it', () => {
  test('max-pool and account-cap cut scale-ups short', async () => {
    const s = await loadScenario({ ...EXACT, cluster: { machineCap: 3, monthlyFee: 0 }, groups: [{ machine: 'C5', maxPoolSize: 2 }, { machine: 'C7', maxPoolSize: 5 }] });
    const policy = scripted((v) => (v.now === 0 ? { groups: { C5: { add: 5, reason: 'headroom' }, C7: { add: 4, reason: 'headroom', note: 'test' } } } : undefined));
    expect(run(s, policy).records).toEqual([
      '0 C5 scale-up 2 headroom',
      '0 C5 scale-up-blocked 3 headroom [max-pool]',
      '0 C7 scale-up 1 headroom (test)',
      '0 C7 scale-up-blocked 3 headroom [account-cap] (test)',
    ]);
  });

  test('delay-after-add declines removals, then lets them through', async () => {
    const s = await loadScenario({ ...EXACT, groups: [{ machine: 'C5', maxPoolSize: 3, bootTime: 10 }] });
    const policy = scripted((v) => {
      if (v.now === 0) return { groups: { C5: { add: 2, reason: 'headroom' } }, wakeAt: 100 };
      const idle = v.groups[0].idleNodes;
      if (v.now >= 100 && idle.length > 0) return { groups: { C5: { remove: [idle[0].id], removeReason: 'custom' } } };
      // Each decision replaces the last one's wakeAt: ask again.
      return v.now < 100 ? { wakeAt: 100 } : undefined;
    });
    expect(run(s, policy).records).toEqual([
      '0 C5 scale-up 2 headroom',
      // The scale-up at 0 holds removals until 120; the engine asks again then.
      '100 C5 scale-down-blocked 1 custom [delay-after-add]',
      '120 C5 scale-down 1 custom',
    ]);
  });

  test('hot-nodes-floor keeps hot nodes; not-idle refuses busy, booting or unknown nodes', async () => {
    const dir = writeFiles({ 't.csv': 'submit,duration,machine\n0,500,C5\n' });
    const s = await loadScenario({ ...EXACT, groups: [{ machine: 'C5', hotNodes: 2, maxPoolSize: 3 }], workloads: [{ name: 't', trace: 't.csv' }] }, { baseDir: dir });
    const policy = scripted((v) => {
      if (v.now !== 0) return undefined;
      // Node 0 or 1 is busy with the job (the other is idle and hot); 99 does not exist.
      return { groups: { C5: { remove: [0, 1, 99], removeReason: 'custom' } } };
    });
    const { records } = run(s, policy);
    expect(records).toEqual(['0 C5 scale-down-blocked 2 custom [not-idle]', '0 C5 scale-down-blocked 1 custom [hot-nodes-floor]']);
  });

  test('standby-empty: a scale-up beyond the warm pool boots cold', async () => {
    const s = await loadScenario({ ...EXACT, groups: [{ machine: 'C5', maxPoolSize: 3, standbyNodes: 1 }] });
    const policy = scripted((v) => (v.now === 0 ? { groups: { C5: { add: 2, reason: 'forecast' } } } : undefined));
    expect(run(s, policy).records).toEqual(['0 C5 wake-standby 1 forecast', '0 C5 scale-up 1 forecast [standby-empty]']);
  });
});

describe('a broken policy stops the run with a clear error, never a corrupted simulation', () => {
  const cases: [string, (v: PolicyView) => unknown, RegExp][] = [
    ['throws', () => {
      throw new Error('boom');
    }, /policy scripted: decide\(\) threw at t = 0 s: boom/],
    ['asks for -5 nodes', () => ({ groups: { C5: { add: -5 } } }), /at t = 0 s, decision\.groups\.C5\.add: -5 is not a whole number of at least 0/],
    ['returns NaN', () => ({ groups: { C5: { add: NaN } } }), /decision\.groups\.C5\.add: NaN is not a whole number/],
    ['names no group', () => ({ groups: { P9000: { add: 1 } } }), /decision\.groups\.P9000: "P9000" is not a group; groups: C5/],
    ['gives a bad reason', () => ({ groups: { C5: { add: 1, reason: 'because' } } }), /decision\.groups\.C5\.reason: "because" is not a reason; valid: pending-jobs/],
    ['removes garbage', () => ({ groups: { C5: { remove: ['x'] } } }), /decision\.groups\.C5\.remove: expected a list of node ids/],
    ['returns a number', () => 7, /decision: expected an object/],
    ['wakes at NaN', () => ({ wakeAt: NaN }), /decision\.wakeAt: NaN is not a time/],
  ];
  test.each(cases)('a policy that %s', async (_, decide, message) => {
    const s = await loadScenario({ ...EXACT, groups: [{ machine: 'C5' }] });
    const { error } = run(s, { name: 'scripted', decide: decide as ScalingPolicy['decide'] });
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('policy modules', () => {
  const JS = `
export default function factory(params) {
  const spare = params.spare ?? 0;
  return {
    name: 'js-spare',
    eventDriven: true,
    decide(view) {
      const groups = {};
      for (const g of view.groups) {
        const add = Math.max(0, g.queue.nodesWanted + spare - g.nodes.idle - g.nodes.booting);
        if (add > 0) groups[g.machine] = { add, reason: 'headroom', note: 'from js' };
      }
      return { groups };
    },
  };
}
`;
  const TS = `
import type { PolicyView, PolicyDecision } from '${join(import.meta.dirname, '../../src/policies/policy.ts')}';
interface Params { extra?: number }
export const policy = (params: Params) => ({
  name: 'ts-extra',
  eventDriven: true,
  decide(view: PolicyView): PolicyDecision {
    const g = view.groups[0];
    const add: number = Math.max(0, g.queue.nodesWanted + (params.extra ?? 3) - g.nodes.idle - g.nodes.booting);
    return add > 0 ? { groups: { [g.machine]: { add, reason: 'custom' } } } : {};
  },
});
`;

  test('a JavaScript module exporting a factory, with parameters from the scenario', async () => {
    const dir = writeFiles({ 'p.mjs': JS });
    const s = await loadScenario({ ...EXACT, policy: { module: './p.mjs', spare: 2 }, groups: [{ machine: 'C5' }] }, { baseDir: dir });
    const out: DecisionRecord[] = [];
    const r = simulate(s, { onDecision: (d) => out.push(d) });
    expect(r.policy).toBe(join(dir, 'p.mjs'));
    expect(out.map(show)).toEqual(['0 C5 scale-up 2 headroom (from js)']);
  });

  test('a TypeScript module exporting `policy`, chosen by --policy on the command line', async () => {
    // Parameters come from the scenario's policy only: a --policy module gets {}, and this one defaults to 3.
    const dir = writeFiles({ 'p.ts': TS, 's.yaml': 'name: s\nhorizon: 1h\ngroups:\n  - machine: C5\n' });
    const file = join(dir, 'p.ts');
    let stdout = '';
    let stderr = '';
    const code = await main(['run', join(dir, 's.yaml'), '--policy', './p.ts', '--json', '--out', 'r'], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd: dir,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.policy).toBe(file);
    expect(result.decisions.byReason).toEqual({ custom: 1 });
    expect(result.groups[0].nodesAdded).toBe(3);
  });

  test.each([
    ['does not parse', 'export default {', /p\.mjs: cannot be loaded/],
    ['exports nothing', 'export const x = 1;', /exports no policy/],
    ['exports an object without decide', "export default { name: 'half' };", /policy\.decide: must be a function/],
    ['has a factory that throws', "export default () => { throw new Error('no'); };", /the factory threw: no/],
  ])('a module that %s is refused at load or start, exit 2, naming the module', async (_, source, message) => {
    const dir = writeFiles({ 'p.mjs': source, 's.yaml': 'name: s\nhorizon: 1h\npolicy: ./p.mjs\ngroups:\n  - machine: C5\n' });
    let stderr = '';
    const code = await main(['run', join(dir, 's.yaml')], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('p.mjs');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('warm pools', () => {
  test('a scale-up starts standby nodes first, fast; a scale-down returns them; storage is billed', async () => {
    const dir = writeFiles({ 't.csv': 'submit,duration,machine\n0,100,C5\n0,100,C5\n' });
    const s = await loadScenario(
      { ...EXACT, horizon: 3600, groups: [{ machine: 'C5', maxPoolSize: 3, bootTime: 300, standbyNodes: 1, standbyBootTime: 30, standbyPricePerHour: 0.01 }], workloads: [{ name: 't', trace: 't.csv' }] },
      { baseDir: dir },
    );
    const out: DecisionRecord[] = [];
    const r = simulate(s, { onDecision: (d) => out.push(d) });
    expect(out.map(show)).toEqual([
      '0 C5 wake-standby 1 pending-jobs',
      '0 C5 scale-up 1 pending-jobs [standby-empty]',
      // The warm node is ready at 30 and runs both jobs in turn (30-130, 130-230); the cold one is ready at 300.
      // Idle since 230, the warm node goes back to the pool; the pool being full, the cold one is terminated.
      '710 C5 to-standby 1 idle-timeout',
      '780 C5 scale-down 1 idle-timeout',
    ]);
    expect(r.workloads[0].wait.max).toBe(130);
    expect(r.workloads[0].wait.p50).toBe(30);
    const g = r.groups[0];
    expect(g.standbyStarts).toBe(1);
    expect(g.standbyBootHoursSaved * 3600).toBeCloseTo(300 - 30, 9);
    // In the pool from 710 to the end.
    expect(g.standbyHours * 3600).toBeCloseTo(3600 - 710, 9);
    expect(g.costByState.standby).toBeCloseTo(((3600 - 710) / 3600) * 0.01, 12);
  });
});
