import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
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
    expect(stdout).toContain('report: reports/default/summary.json');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
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
