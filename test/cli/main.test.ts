import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import { tempDir, writeFiles } from '../helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');

async function cli(argv: string[], cwd = tempDir()) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr, cwd };
}

function withoutWall(json: string) {
  const r = JSON.parse(json);
  delete r.engine.wallSeconds;
  return r;
}

describe('poolsim run', () => {
  test('prints a summary and writes reports/<name>/summary.json', async () => {
    const { code, stdout, stderr, cwd } = await cli(['run', join(ROOT, 'scenarios/default.yaml')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^default · NY2 · 30 days measured after 1 day of warm-up · seed 42/);
    expect(stdout).toMatch(/Cost +\$[\d,]+\.\d\d\/month/);
    expect(stdout).toContain('report: reports/default/index.html');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    // Table rows stay whole: each group on one line, from its name to its monthly cost.
    for (const machine of ['C5', 'C7', 'C10', 'P4000', 'P5000', 'V100']) expect(stdout).toMatch(new RegExp(`^${machine} +\\d+ +10 .*\\$[\\d,.]+$`, 'm'));
    expect(stdout).toMatch(/^distributed-training +job +\d+ .* \d+m \d+s$/m);
    const summary = JSON.parse(readFileSync(join(cwd, 'reports/default/summary.json'), 'utf8'));
    expect(summary.scenario).toBe('default');
  });

  test('--json prints only the Result, the same as the library API gives', async () => {
    const { code, stdout } = await cli(['run', join(ROOT, 'scenarios/default.yaml'), '--json', '--out', 'here']);
    expect(code).toBe(0);
    const viaApi = simulate(await loadScenario(join(ROOT, 'scenarios/default.yaml')));
    expect(withoutWall(stdout)).toEqual(withoutWall(JSON.stringify(viaApi)));
  });

  test('the same seed gives identical JSON (but wall time); --seed changes the run', async () => {
    const file = join(ROOT, 'scenarios/default.yaml');
    const a = await cli(['run', file, '--json']);
    const b = await cli(['run', file, '--json']);
    const c = await cli(['run', file, '--json', '--seed', '7']);
    expect(withoutWall(a.stdout)).toEqual(withoutWall(b.stdout));
    expect(JSON.stringify(withoutWall(a.stdout))).toBe(JSON.stringify(withoutWall(b.stdout)));
    expect(withoutWall(c.stdout).seed).toBe(7);
    expect(withoutWall(c.stdout).cost.total).not.toBe(withoutWall(a.stdout).cost.total);
  });

  test('--out chooses the report folder', async () => {
    const { cwd } = await cli(['run', join(ROOT, 'scenarios/default.yaml'), '--out', 'elsewhere/x']);
    expect(existsSync(join(cwd, 'elsewhere/x/summary.json'))).toBe(true);
  });
});

describe('poolsim run on bad input: exit 2, the place in the message, no stack trace', () => {
  const group = '  - machine: P5000\n    maxPoolSize: 4\n';
  const cases: [string, string, RegExp][] = [
    ['unknown machine type', `name: x\nhorizon: 1d\ngroups:\n  - machine: P9000\n`, /groups\[0\]\.machine: "P9000" is not a machine type/],
    ['machine not offered in the region', `name: x\nhorizon: 1d\nregion: CA1\ngroups:\n  - machine: A100\n`, /groups\[0\]\.machine: "A100" is not offered in CA1/],
    ['hotNodes > maxPoolSize', `name: x\nhorizon: 1d\ngroups:\n  - machine: P5000\n    hotNodes: 5\n    maxPoolSize: 4\n`, /groups\[0\]\.hotNodes: 5 is more than maxPoolSize 4/],
    ['hot nodes over the cap', `name: x\nhorizon: 1d\ncluster: {machineCap: 1}\ngroups:\n  - machine: P5000\n    hotNodes: 2\n`, /cluster\.machineCap: 1 is less than the hot nodes/],
    ['workload without a group', `name: x\nhorizon: 1d\ngroups:\n${group}workloads:\n  - {name: w, machine: C5, arrivals: {process: poisson, rate: 1/h}, duration: 1h}\n`, /workloads\[0\]\.machine: machine "C5" has no group/],
    ['nodes > maxPoolSize', `name: x\nhorizon: 1d\ngroups:\n${group}workloads:\n  - {name: w, machine: P5000, nodes: 5, arrivals: {process: poisson, rate: 1/h}, duration: 1h}\n`, /workloads\[0\]\.nodes: needs 5 nodes, more than maxPoolSize 4/],
    ['nodes > machineCap', `name: x\nhorizon: 1d\ncluster: {machineCap: 3}\ngroups:\n${group}workloads:\n  - {name: w, machine: P5000, nodes: 4, arrivals: {process: poisson, rate: 1/h}, duration: 1h}\n`, /workloads\[0\]\.nodes: needs 4 nodes, more than cluster\.machineCap 3/],
    ['zero horizon', `name: x\nhorizon: 0s\ngroups:\n${group}`, /horizon: "0s" must be more than 0s/],
    ['negative horizon', `name: x\nhorizon: -5\ngroups:\n${group}`, /horizon: -5 must be more than 0s/],
    ['bad unit', `name: x\nhorizon: 3 days\ngroups:\n${group}`, /horizon: "3 days" has an unknown unit "days"/],
    ['unknown field', `name: x\nhorizon: 1d\ngroups:\n  - machine: P5000\n    hotnodes: 1\n`, /groups\[0\]\.hotnodes: unknown field; did you mean "hotNodes"\?/],
    ['unreadable trace row', `name: x\nhorizon: 1d\ngroups:\n${group}workloads:\n  - {name: t, trace: t.csv}\n`, /t\.csv:3: duration "abc" is not a non-negative number of seconds/],
    ['malformed YAML', `name: x\nhorizon: [1d\n`, /line \d+, column \d+: not valid YAML/],
    ['missing name', `horizon: 1d\ngroups:\n${group}`, /name: is required/],
  ];

  test.each(cases)('%s', async (_, yaml, message) => {
    const dir = writeFiles({ 's.yaml': yaml, 't.csv': 'submit,duration,machine\n0,10,P5000\n1,abc,P5000\n' });
    const { code, stdout, stderr } = await cli(['run', join(dir, 's.yaml')], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing file', async () => {
    const { code, stderr } = await cli(['run', 'nowhere.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nowhere\.yaml: 1 problem\n {2}cannot read the file: no such file/);
  });
});

describe('poolsim usage', () => {
  test('--help lists the commands and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('poolsim run <file>');
  });

  test.each([[[]], [['run']], [['walk', 'x.yaml']], [['run', 'x.yaml', '--bogus']], [['run', 'x.yaml', '--seed', 'abc']]])(
    'bad usage %j exits 2 with a hint',
    async (argv) => {
      const { code, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('poolsim --help');
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );
});

describe('poolsim explain', () => {
  test('shows the state at a moment, why idle nodes are kept, and the decisions around it', async () => {
    const dir = writeFiles({
      's.yaml': [
        'name: e',
        'horizon: 2h',
        'start: 2026-01-05T00:00:00Z',
        'timezone: UTC',
        'autoscaler: {scanInterval: 0s}',
        'groups:',
        '  - {machine: C5, hotNodes: 1, maxPoolSize: 2, bootTime: 60s}',
        'workloads:',
        '  - {name: t, trace: t.csv}',
      ].join('\n'),
      't.csv': 'submit,duration,machine\n0,600,C5\n60,300,C5\n',
    });
    const { code, stdout } = await cli(['explain', join(dir, 's.yaml'), '--at', '2026-01-05T00:08:00Z', '--window', '10m'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('e at 2026-01-05 00:08:00 UTC (Mon 00:08 UTC), policy reactive');
    expect(stdout).toContain('C5: 2 of max 2 (hot 1): 1 busy, 1 idle, 0 reserved, 0 booting');
    // The second job ran 120-420 on the added node, idle since: 60 s at 08:00, removable in 7 minutes.
    expect(stdout).toMatch(/idle node #\d+: idle 1m; kept because idle less than scaleDownUnneededTime 8m: removable in 7m/);
    expect(stdout).toContain('00:01:00  C5       scale-up');
  });

  test('a moment outside the run, or an unknown group, is bad input', async () => {
    const file = join(ROOT, 'scenarios/default.yaml');
    const late = await cli(['explain', file, '--at', '2030-01-01T00:00Z']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('outside the simulated span');
    const group = await cli(['explain', file, '--at', '36h', '--group', 'P9000']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('"P9000" is not a group of default');
  });
});

describe('poolsim run writes decisions.csv', () => {
  test('one row per decision, ISO times, fixed columns', async () => {
    const { cwd } = await cli(['run', join(ROOT, 'scenarios/account-cap.yaml')]);
    const csv = readFileSync(join(cwd, 'reports/account-cap/decisions.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('time,seconds,group,action,count,reason,limit,note');
    expect(csv[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,-?[\d.]+,(P4000|V100),[a-z-]+,\d+,[a-z-]+,[a-z-]*,/);
    expect(csv.some((line) => line.includes(',scale-up-blocked,') && line.includes(',account-cap,'))).toBe(true);
  });
});

describe('poolsim run: output options', () => {
  const file = join(ROOT, 'scenarios/office-hours-hot-nodes.yaml');

  test('--format csv prints groups.csv and workloads.csv; none prints nothing; --quiet nothing at all', async () => {
    const csv = await cli(['run', file, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^machine,hotNodes,maxPoolSize,/);
    expect(csv.stdout).toContain('\nname,kind,submitted,');
    const none = await cli(['run', file, '--format', 'none']);
    expect(none.stdout).toBe('');
    const quiet = await cli(['run', file, '--quiet']);
    expect(quiet.stdout + quiet.stderr).toBe('');
    expect(existsSync(join(quiet.cwd, 'reports/office-hours-hot-nodes/index.html'))).toBe(true);
  });

  test('--jobs writes jobs.csv, one row per job; --interval sets the timeline', async () => {
    const { cwd } = await cli(['run', file, '--jobs', '--interval', '1h', '--quiet']);
    const dir = join(cwd, 'reports/office-hours-hot-nodes');
    const jobs = readFileSync(join(dir, 'jobs.csv'), 'utf8').trim().split('\n');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(jobs[0]).toBe('submit,start,end,wait,workload,machine,nodes,outcome');
    expect(jobs.length - 1).toBe(summary.jobs.submitted);
    expect(jobs.filter((l) => l.endsWith(',abandoned')).length).toBe(summary.jobs.abandoned);
    const timeline = readFileSync(join(dir, 'timeline.csv'), 'utf8').trim().split('\n');
    expect(timeline.length - 1).toBe(56 * 24);
    const bad = await cli(['run', file, '--interval', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--interval "soon" is not a positive duration');
  });

  test('a progress bar on a terminal stderr only, once a run takes more than a second', async () => {
    const { progressBar } = await import('../../src/cli/progress.js');
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      let out = '';
      const io = { stdout: () => {}, stderr: (t: string) => void (out += t), cwd: '.', stderrIsTTY: true };
      const bar = progressBar(io, 'x', true);
      clock = 500;
      bar.update(0.25, 1000);
      expect(out).toBe(''); // under a second
      clock = 2000;
      bar.update(0.5, 4000);
      bar.finish();
      expect(out).toBe(`\rx [${'#'.repeat(15)}${'.'.repeat(15)}] 50% of simulated time · 2,000 events/s \r\x1b[K`);
      let silent = '';
      const off = progressBar({ ...io, stderrIsTTY: false, stderr: (t: string) => void (silent += t) }, 'x', true);
      clock = 5000;
      off.update(0.5, 1000);
      expect(silent).toBe('');
    } finally {
      now.mockRestore();
    }
  });
});

describe('poolsim compare and cost', () => {
  test('compare FILE --set: paired differences and a verdict in words', async () => {
    const { code, stdout, cwd } = await cli(['compare', join(ROOT, 'scenarios/p5000-hot-nodes.yaml'), '--set', 'groups.P5000.hotNodes=0,2', '--replications', '6', '--workers', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/hotNodes=2 costs \$[\d,.]+\/month more \(±\$[\d,.]+\) and cuts p95 wait from \S+( \S+)? to /);
    expect(readFileSync(join(cwd, 'reports/compare-p5000-hot-nodes/comparison.csv'), 'utf8').split('\n')[0]).toBe('variant,figure,mean,ciLow,ciHigh,p10,p50,p90,diffMean,diffLow,diffHigh');
  });

  test('compare needs two variants; --set needs one file', async () => {
    const one = await cli(['compare', join(ROOT, 'scenarios/default.yaml')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('at least two variants');
    const two = await cli(['compare', join(ROOT, 'scenarios/default.yaml'), join(ROOT, 'scenarios/account-cap.yaml'), '--set', 'seed=1,2']);
    expect(two.code).toBe(2);
  });

  test('cost: P10/P50/P90 per region; a type a region does not offer is named, not priced', async () => {
    const { code, stdout } = await cli(['cost', join(ROOT, 'scenarios/default.yaml'), '--replications', '3', '--workers', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^region\s+P10\/month\s+P50\/month\s+P90\/month/);
    expect(stdout).toMatch(/NY2\s+\$[\d,.]+\s+\$[\d,.]+\s+\$[\d,.]+/);
    expect(stdout).toContain('V100: not offered in CA1');
  });

  test('run --replications gives the monthly cost as a range', async () => {
    const { code, stdout, cwd } = await cli(['run', join(ROOT, 'scenarios/office-hours-hot-nodes.yaml'), '--replications', '4', '--workers', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Over 4 replications: \$[\d,]+-\$[\d,]+\/month \(P10-P90\); mean \$[\d,.]+ ±\$[\d,.]+ \(95%\)/);
    expect(JSON.parse(readFileSync(join(cwd, 'reports/office-hours-hot-nodes/replications.json'), 'utf8')).figures['cost.monthly'].n).toBe(4);
  });
});
