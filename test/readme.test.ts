import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../src/scenario/load-scenario.js';
import { simulate } from '../src/simulate.js';
import { tempDir } from './helpers.js';

const README = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8');

/** The first fenced block of `lang` after `heading`. */
function block(heading: string, lang: string): string {
  const from = README.indexOf(heading);
  expect(from, `README has "${heading}"`).toBeGreaterThanOrEqual(0);
  const open = README.indexOf('```' + lang + '\n', from);
  const close = README.indexOf('\n```', open + 4);
  return README.slice(open + lang.length + 4, close + 1);
}

describe('README', () => {
  test('the scenario format example, every field in it, loads and runs', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'example.yaml'), block('## Scenario format', 'yaml'));
    mkdirSync(join(dir, 'traces'));
    writeFileSync(join(dir, 'traces/team.csv'), 'submit,duration,machine\n0,600,P5000\n');
    const scenario = await loadScenario(join(dir, 'example.yaml'));
    const result = simulate(scenario);
    expect(result.workloads.map((w) => w.name)).toEqual(['notebooks', 'replay']);
    expect(result.deployments.map((d) => d.name)).toEqual(['api']);
  });
});

describe('README: the example policy', () => {
  test('runs as written, keeps spares in working hours only, and says why', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'my-policy.mjs'), block('### Writing a policy', 'js'));
    writeFileSync(
      join(dir, 's.yaml'),
      [
        'name: example-policy',
        'horizon: 1w',
        'start: 2026-01-05T00:00:00Z',
        'policy: {module: ./my-policy.mjs, spare: 2}',
        'groups:',
        '  - machine: P5000',
        'workloads:',
        '  - {name: w, machine: P5000, arrivals: {process: poisson, rate: 1/h, profile: office-hours}, duration: 30m}',
      ].join('\n'),
    );
    const scenario = await loadScenario(join(dir, 's.yaml'));
    const records: { time: number; action: string; reason: string }[] = [];
    const result = simulate(scenario, { onDecision: (d) => records.push(d) });
    expect(result.policy).toBe(join(dir, 'my-policy.mjs'));
    const headroom = records.filter((r) => r.action === 'scale-up' && r.reason === 'headroom');
    expect(headroom.length).toBeGreaterThan(0);
    for (const r of headroom) {
      const local = new Date(Date.parse('2026-01-05T00:00:00Z') + r.time * 1000 - 5 * 3600 * 1000); // New York, winter
      expect(local.getUTCDay()).toBeGreaterThanOrEqual(1);
      expect(local.getUTCDay()).toBeLessThanOrEqual(5);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(local.getUTCHours()).toBeLessThan(18);
    }
  });
});
