import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baselineOf, evaluateChecks } from '../../src/experiment/check.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import type { Result } from '../../src/metrics/result.js';
import { writeFiles } from '../helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd });
  return { code, stdout, stderr };
}

const SCENARIO = [
  'name: gated',
  'seed: 3',
  'horizon: 3d',
  'replications: 4',
  'groups:',
  '  - {machine: P5000, maxPoolSize: 6}',
  'workloads:',
  '  - {name: nb, kind: notebook, machine: P5000, arrivals: {process: poisson, rate: 2/h}, duration: 40m, patience: 5m}',
  'checks:',
  '  - {metric: cost.monthly, tolerance: 3%}',
  '  - {metric: wait.p95, max: 1h}',
  '  - {metric: workloads.nb.abandoned, max: 60%}',
].join('\n');

describe('poolsim check', () => {
  test('an unchanged scenario passes; baselines are byte-stable; JUnit is valid XML with one test case per check', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO });
    expect((await cli(['check', 's.yaml', '--baseline', 'base', '--update-baseline', '--workers', '1'], dir)).code).toBe(0);
    const first = readFileSync(join(dir, 'base/gated.json'), 'utf8');
    await cli(['check', 's.yaml', '--baseline', 'base', '--update-baseline', '--workers', '2'], dir);
    expect(readFileSync(join(dir, 'base/gated.json'), 'utf8')).toBe(first);

    const { code, stdout } = await cli(['check', 's.yaml', '--baseline', 'base', '--junit', 'junit.xml', '--workers', '1'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('3 checks in 1 scenario: all pass');
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(junit);
    expect(parsed.testsuites.testsuite.testcase).toHaveLength(3);
    expect(parsed.testsuites['@_failures']).toBe('0');
  });

  test('a policy that adds cost beyond the tolerance fails with exit 1 and names the metric', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO });
    await cli(['check', 's.yaml', '--baseline', 'base', '--update-baseline', '--workers', '1'], dir);
    const { code, stdout } = await cli(['check', 's.yaml', '--baseline', 'base', '--policy', 'headroom', '--junit', 'j.xml', '--workers', '1'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/gated\s+cost\.monthly\s+tolerance 3%.*regression/);
    expect(stdout).toContain('1 failed (gated cost.monthly: worse than the tolerance, and beyond noise)');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(dir, 'j.xml'), 'utf8'));
    expect(parsed.testsuites['@_failures']).toBe('1');
    const json = JSON.parse((await cli(['check', 's.yaml', '--baseline', 'base', '--policy', 'headroom', '--json', '--workers', '1'], dir)).stdout);
    expect(json.passed).toBe(false);
    expect(json.checks.find((c: { verdict: string }) => c.verdict === 'regression').metric).toBe('cost.monthly');
  });

  test('budgets fail on their own, without a baseline comparison', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO.replace('max: 1h', 'max: 1s') });
    await cli(['check', 's.yaml', '--baseline', 'base', '--update-baseline', '--workers', '1'], dir);
    const { code, stdout } = await cli(['check', 's.yaml', '--baseline', 'base', '--workers', '1'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/wait\.p95\s+max 1\s.*fail/);
  });

  test('a missing baseline is a clear error that says how to create it (exit 2)', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO });
    const { code, stderr } = await cli(['check', 's.yaml', '--baseline', 'nowhere'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('no baseline for "gated"');
    expect(stderr).toContain('--update-baseline');
  });

  test('the project\'s own scenarios pass against the committed baselines', { timeout: 60_000 }, async () => {
    const { code, stdout } = await cli(['check', 'scenarios', '--baseline', 'reports/baselines'], ROOT);
    expect(stdout).toMatch(/checks in 6 scenarios: all pass/);
    expect(code).toBe(0);
  });
});

describe('evaluateChecks', () => {
  /** Results whose monthly cost is replaced by `costs`. */
  async function withCosts(costs: number[]): Promise<Result[]> {
    const s = await loadScenario(join(ROOT, 'scenarios/p5000-hot-nodes.yaml'));
    const r = simulate({ ...s, horizon: 86400 });
    return costs.map((c) => ({ ...r, cost: { ...r.cost, monthly: c } }));
  }
  const scenario = async (tolerance: number) => ({ ...(await loadScenario(join(ROOT, 'scenarios/p5000-hot-nodes.yaml'))), checks: [{ metric: 'cost.monthly', tolerance, worse: 'higher' as const }] });

  test('worse than the tolerance but inside the noise: "within noise"; beyond both: "regression"; better: pass', async () => {
    const s = await scenario(0.02);
    const baseline = baselineOf(s, 'reactive', await withCosts([100, 110, 90]));
    expect(evaluateChecks(s, await withCosts([101, 130, 80]), baseline)[0].verdict).toBe('within noise');
    expect(evaluateChecks(s, await withCosts([104, 114, 94]), baseline)[0].verdict).toBe('regression');
    expect(evaluateChecks(s, await withCosts([101, 111, 91]), baseline)[0]).toMatchObject({ verdict: 'pass', reason: 'worse, but within the tolerance' });
    expect(evaluateChecks(s, await withCosts([50, 60, 40]), baseline)[0]).toMatchObject({ verdict: 'pass', reason: 'no worse' });
  });

  test('an unknown metric is bad input, with a suggestion', async () => {
    const s = { ...(await scenario(0.02)), checks: [{ metric: 'cost.montly', tolerance: 0.02, worse: 'higher' as const }] };
    expect(() => evaluateChecks(s, [simulate({ ...s, horizon: 3600 })], null)).toThrow(/"cost\.montly" is not a figure; did you mean "cost\.monthly"\?/);
  });
});
