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
