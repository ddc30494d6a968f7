import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { writeFiles } from '../helpers.js';
import { join } from 'node:path';

const minimal = { name: 'x', horizon: '1d', groups: [{ machine: 'P5000' }] };

async function issues(input: object): Promise<string[]> {
  try {
    await loadScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a ScenarioError');
}

describe('loadScenario', () => {
  test('fills every default in plain units (seconds, USD/hour)', async () => {
    const s = await loadScenario(minimal);
    expect(s).toEqual({
      name: 'x',
      seed: 1,
      replications: 1,
      checks: [],
      horizon: 86400,
      warmup: 0,
      region: 'NY2',
      timezone: 'America/New_York',
      start: '2024-01-01T00:00:00.000Z',
      billing: { granularity: 1, bootBilled: true },
      cluster: { machineCap: null, monthlyFee: 26 },
      autoscaler: { scanInterval: 10, scaleDownUnneededTime: 480, scaleDownDelayAfterAdd: 120 },
      policy: { builtin: 'reactive', params: {} },
      groups: [
        {
          machine: 'P5000',
          hotNodes: 0,
          maxPoolSize: 10,
          pricePerHour: 0.78,
          bootTime: { dist: 'lognormal', mu: Math.log(240), sigma: expect.closeTo(Math.log(540 / 240) / 1.6448536269514722, 12) },
          standbyNodes: 0,
          standbyPricePerHour: expect.closeTo(0.05 * 0.78, 12),
          // A warm start takes 40% of a cold boot: the lognormal's median scales, its shape does not.
          standbyBootTime: { dist: 'lognormal', mu: expect.closeTo(Math.log(0.4 * 240), 12), sigma: expect.closeTo(Math.log(540 / 240) / 1.6448536269514722, 12) },
        },
      ],
      workloads: [],
    });
  });

  test('reads YAML and JSON files, with trace paths relative to the file', async () => {
    const dir = writeFiles({
      'a.yaml': 'name: a\nhorizon: 2h\nregion: AMS1\ngroups:\n  - machine: C5\nworkloads:\n  - name: t\n    trace: t.csv\n',
      'b.json': JSON.stringify({ ...minimal, name: 'b', catalog: { P5000: { pricePerHour: 0.7 } } }),
      't.csv': 'duration,submit,machine,extra\n# a comment line\n30,5,C5,ignored\n\n10,1,C5,x\n',
    });
    const a = await loadScenario(join(dir, 'a.yaml'));
    expect(a.region).toBe('AMS1');
    expect(a.timezone).toBe('Europe/Amsterdam');
    expect(a.workloads[0]).toEqual({
      type: 'trace',
      name: 't',
      kind: 'job',
      patience: null,
      trace: 't.csv',
      format: 'csv',
      jobs: { submit: [1, 5], duration: [10, 30], machine: ['C5', 'C5'], nodes: [1, 1] },
      rows: { read: 2, used: 2, skipped: 0, excluded: 0, outsideWindow: 0 },
    });
    const b = await loadScenario(join(dir, 'b.json'));
    expect(b.groups[0].pricePerHour).toBe(0.7);
  });

  test('converts distributions: bare durations are fixed, gamma by mean and cv, lognormal by mu and sigma', async () => {
    const s = await loadScenario({
      ...minimal,
      groups: [{ machine: 'P5000', bootTime: '3m' }, { machine: 'C5', bootTime: { dist: 'lognormal', mu: 5, sigma: 0.5 } }],
      workloads: [{ name: 'w', machine: 'P5000', arrivals: { process: 'poisson', rate: '6/h' }, duration: { dist: 'gamma', mean: '2h', cv: 0.5 } }],
    });
    expect(s.groups[0].bootTime).toEqual({ dist: 'fixed', value: 180 });
    expect(s.groups[1].bootTime).toEqual({ dist: 'lognormal', mu: 5, sigma: 0.5 });
    expect(s.workloads[0]).toMatchObject({ nodes: 1, machines: ['P5000'], arrivals: { process: 'poisson', rate: 6 / 3600, profile: null, bursts: [] }, duration: { dist: 'gamma', shape: 4, scale: 1800 } });
  });

  test('lists every problem at once, each with its path', async () => {
    expect(
      await issues({
        name: 'x',
        horizon: 0,
        autoscaler: { scanIntervl: '10s' },
        groups: [{ machine: 'P5000', hotNodes: 2.5 }],
        workloads: [{ name: 'w', machine: 'P5000', arrivals: { process: 'poisson', rate: '3' }, duration: '1x' }],
      }),
    ).toEqual([
      'horizon: 0 must be more than 0s; the measured span must be positive',
      'autoscaler.scanIntervl: unknown field; did you mean "scanInterval"?',
      'groups[0].hotNodes: 2.5 is not a whole number',
      'workloads[0].arrivals.rate: "3" is not a rate; write a count per unit, e.g. "3/h" or "0.5/m"',
      'workloads[0].duration: "1x" has an unknown unit "x"; valid units: s, m, h, d, w',
    ]);
  });

  test('checks the cluster: machine types, regions, limits, workloads without a group', async () => {
    expect(
      await issues({
        name: 'x',
        horizon: '1d',
        region: 'CA1',
        cluster: { machineCap: 3 },
        catalog: { P500: { pricePerHour: 1 } },
        groups: [
          { machine: 'P9000' },
          { machine: 'V100' },
          { machine: 'P5000', hotNodes: 3, maxPoolSize: 2 },
          { machine: 'C5', hotNodes: 1 },
          { machine: 'C5' },
        ],
        workloads: [
          { name: 'a', machine: 'P4000', arrivals: { process: 'poisson', rate: '1/h' }, duration: '1h' },
          { name: 'b', machine: 'P5000', nodes: 3, arrivals: { process: 'poisson', rate: '1/h' }, duration: '1h' },
          { name: 'c', machine: 'C5', nodes: 4, arrivals: { process: 'poisson', rate: '1/h' }, duration: '1h' },
          { name: 'c', machine: 'C5', arrivals: { process: 'fixed', interval: '1h' } },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^catalog\.P500: "P500" is not a machine type \(did you mean "P5000"\?\); valid: C3, C4, .*A100-80G$/),
      expect.stringMatching(/^groups\[0\]\.machine: "P9000" is not a machine type/),
      'groups[1].machine: "V100" is not offered in CA1; it is offered in NY2, AMS1',
      'groups[2].hotNodes: 3 is more than maxPoolSize 2',
      'groups[4].machine: "C5" already has a group (groups[3]); one group per machine type',
      'cluster.machineCap: 3 is less than the hot nodes of all groups together (4)',
      'workloads[0].machine: machine "P4000" has no group; add a group for it under groups',
      'workloads[1].nodes: needs 3 nodes, more than maxPoolSize 2 of P5000',
      'workloads[2].nodes: needs 4 nodes, more than cluster.machineCap 3',
      'workloads[3].name: "c" is already the name of workloads[2]; workload names must be unique',
      'workloads[3].duration: is required (or give a trace)',
    ]);
  });

  test('reports every unreadable trace row with its line number', async () => {
    const dir = writeFiles({
      't.csv': [
        'submit,duration,machine,nodes',
        '0,60,P5000,1',
        'soon,60,P5000,1',
        '5,-3,P5000,1',
        '',
        '7,60,P9000,1',
        '8,60,P5000,20',
        '9,60,,0',
        '10,60,C5',
      ].join('\n'),
    });
    const problems = await (async () => {
      try {
        await loadScenario({ ...minimal, workloads: [{ name: 't', trace: 't.csv' }] }, { baseDir: dir });
      } catch (error) {
        return (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      return [];
    })();
    expect(problems).toEqual([
      't.csv:3: submit "soon" is neither seconds nor an ISO 8601 date-time',
      't.csv:4: duration "-3" is not a non-negative number of seconds',
      expect.stringMatching(/^t\.csv:6: machine "P9000" is not a machine type/),
      't.csv:7: needs 20 nodes, more than maxPoolSize 10 of P5000',
      't.csv:8: machine is empty; nodes "0" is not a whole number of at least 1',
      't.csv:9: machine "C5" has no group; add a group for it under groups',
      'workloads[0].trace: 6 bad rows in "t.csv"; fix them, or set skipBadRows: true to skip and count them',
    ]);
  });

  test('refuses trace and synthetic fields together, a missing trace file, and a trace without the needed columns', async () => {
    const dir = writeFiles({ 'bad.csv': 'when,how long\n1,2\n' });
    const list = async (w: object) => {
      try {
        await loadScenario({ ...minimal, workloads: [w] }, { baseDir: dir });
      } catch (error) {
        return (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      return [];
    };
    expect(await list({ name: 't', trace: 'nope.csv' })).toEqual(['workloads[0].trace: cannot read "nope.csv": no such file; the path is relative to the scenario file']);
    expect(await list({ name: 't', trace: 'bad.csv', nodes: 2 })).toEqual([
      'workloads[0].nodes: not allowed with trace: each trace row gives its own submit time, duration and nodes',
      'bad.csv:1: header lacks submit, duration, machine; expected columns submit,duration,machine,[nodes],[workload]',
    ]);
  });

  test('reports malformed YAML with its line, and unknown file types', async () => {
    const dir = writeFiles({ 'bad.yaml': 'name: x\ngroups:\n  - machine: [C5\n', 'x.toml': '' });
    await expect(loadScenario(join(dir, 'bad.yaml'))).rejects.toThrow(/line \d+, column \d+: not valid YAML/);
    await expect(loadScenario(join(dir, 'x.toml'))).rejects.toThrow(/unknown file type ".toml"/);
  });
});

describe('loadScenario: checks', () => {
  test('values in the figure\'s unit: durations, percentages, numbers; a check needs a limit', async () => {
    const s = await loadScenario({ ...minimal, checks: [{ metric: 'wait.p95', max: '5m' }, { metric: 'cost.monthly', max: 4000, tolerance: '3%' }, { metric: 'abandoned', max: '1%', worse: 'higher' }, { metric: 'groups.P5000.utilisation', min: 0.5, worse: 'lower', tolerance: 2 }] });
    expect(s.checks).toEqual([
      { metric: 'wait.p95', max: 300, worse: 'higher' },
      { metric: 'cost.monthly', max: 4000, tolerance: 0.03, worse: 'higher' },
      { metric: 'abandoned', max: 0.01, worse: 'higher' },
      { metric: 'groups.P5000.utilisation', min: 0.5, tolerance: 0.02, worse: 'lower' },
    ]);
    expect(await issues({ ...minimal, checks: [{ metric: 'wait.p95' }, { metric: 'wait.p95', max: 'soon' }] })).toEqual([
      'checks[0]: a check needs max, min or tolerance',
      'checks[1].max: "soon" is not a number, a percentage (1%) or a duration (5m)',
    ]);
  });
});

describe('loadScenario: workloads', () => {
  const base = { name: 'x', horizon: '1w', start: '2026-01-05T00:00:00Z', groups: [{ machine: 'P5000' }, { machine: 'P4000' }] };

  test('profiles, bursts, fallback machines, patience, caps and the time zone', async () => {
    const dir = writeFiles({ 'd.csv': 'minutes,seconds\n1,60\n2,120\n3,3m\n' });
    const s = await loadScenario(
      {
        ...base,
        timezone: 'Europe/Amsterdam',
        workloads: [
          {
            name: 'nb',
            kind: 'notebook',
            machine: ['P5000', 'P4000'],
            patience: { dist: 'exponential', mean: '10m' },
            arrivals: {
              process: 'poisson',
              rate: '2/h',
              profile: 'office-hours',
              bursts: [{ at: 'Mon-Wed 09:30', count: 10, over: '1h' }, { at: '2026-01-07T12:00:00Z', count: 5 }],
            },
            duration: { dist: 'weibull', shape: 2, mean: '1h', max: '6h' },
          },
          { name: 'e', machine: 'P5000', arrivals: { process: 'bursts', bursts: [{ at: 'daily 02:00', count: 1 }] }, duration: { dist: 'empirical', file: 'd.csv', column: 'seconds' } },
        ],
      },
      { baseDir: dir },
    );
    expect(s.timezone).toBe('Europe/Amsterdam');
    const nb = s.workloads[0];
    expect(nb).toMatchObject({
      kind: 'notebook',
      machines: ['P5000', 'P4000'],
      patience: { dist: 'exponential', mean: 600 },
      arrivals: {
        process: 'poisson',
        profile: { name: 'office-hours' },
        bursts: [
          { at: { weekly: { days: [0, 1, 2], minuteOfDay: 570 } }, count: 10, over: 3600 },
          { at: { once: 2 * 86400 + 12 * 3600 }, count: 5, over: 0 },
        ],
      },
      duration: { dist: 'weibull', shape: 2, scale: expect.closeTo(3600 / 0.886226925452758, 9), max: 21600 },
    });
    expect(s.workloads[1]).toMatchObject({ arrivals: { process: 'bursts' }, duration: { dist: 'empirical', values: [60, 120, 180] } });
  });

  test('refuses what cannot be simulated, with the place', async () => {
    expect(
      await issues({
        ...base,
        timezone: 'Mars/Olympus',
        workloads: [
          { name: 'a', machine: 'P5000', arrivals: { process: 'poisson', rate: '1/h', profile: 'lunch-rush' }, duration: '1h' },
          { name: 'b', machine: 'P5000', arrivals: { process: 'bursts', bursts: [{ at: 'Someday 9:00', count: 3 }] }, duration: '1h' },
          { name: 'c', machine: ['P5000', 'V100'], arrivals: { process: 'fixed', interval: '1h' }, duration: '1h', format: 'swf' },
          { name: 'd', machine: 'P5000', replicas: 2 },
          { name: 'e', kind: 'deployment', machine: 'P5000', replicas: { requestRate: '10/s', targetPerReplica: '1/s', minReplicas: 5, maxReplicas: 3 } },
          { name: 'f', kind: 'deployment', machine: 'P5000', replicas: 1, duration: '1h' },
        ],
      }),
    ).toEqual([
      'workloads[0].arrivals.profile: "lunch-rush" is not a profile; valid: flat, office-hours, nightly-batch, or {hourly: [24 weights], daily: [7 weights]}',
      'workloads[1].arrivals.bursts[0].at: "Someday 9:00" is neither an ISO date-time nor a weekly slot like "Mon 09:00", "Mon-Fri 08:30" or "daily 02:00"',
    ]);
    expect(
      await issues({
        ...base,
        timezone: 'Mars/Olympus',
        workloads: [
          { name: 'c', machine: ['P5000', 'V100'], arrivals: { process: 'fixed', interval: '1h' }, duration: '1h', format: 'swf' },
          { name: 'd', machine: 'P5000', replicas: 2 },
          { name: 'e', kind: 'deployment', machine: 'P5000', replicas: { requestRate: '10/s', targetPerReplica: '1/s', minReplicas: 5, maxReplicas: 3 } },
          { name: 'f', kind: 'deployment', machine: 'P5000', replicas: 1, duration: '1h' },
        ],
      }),
    ).toEqual([
      'timezone: "Mars/Olympus" is not an IANA time zone, e.g. "Europe/Amsterdam"',
      'workloads[0].format: not allowed without trace',
      'workloads[0].machine[1]: machine "V100" has no group; add a group for it under groups',
      'workloads[1].replicas: only a workload of kind: deployment has replicas',
      'workloads[2].replicas.minReplicas: 5 is more than maxReplicas 3',
      'workloads[3].duration: not allowed for a deployment: replicas run until scaled down',
    ]);
  });
});
