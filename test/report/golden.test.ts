import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reportData } from '../../src/report/write-report.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulateDetailed } from '../../src/simulate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const GOLDEN = join(ROOT, 'reports/examples');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

/**
 * The example scenarios; each report's data files (all but summary.json, which
 * holds wall time) are golden, with an hourly timeline to keep them small.
 */
const EXAMPLES = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

describe('golden reports of the example scenarios (UPDATE_GOLDENS=1 npm run golden rewrites them)', () => {
  test.each(EXAMPLES)('%s', async (file) => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', file));
    const files = reportData(simulateDetailed(scenario, { interval: 3600 })).filter(([name]) => name !== 'summary.json');
    const dir = join(GOLDEN, file.replace(/\.yaml$/, ''));
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of files) writeFileSync(join(dir, name), text);
    }
    expect(existsSync(dir), `no golden files for ${file}: run UPDATE_GOLDENS=1 npm run golden`).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(files.map(([name]) => name).sort());
    for (const [name, text] of files) {
      // Compared as strings, byte for byte; a failure names the file.
      expect(text === readFileSync(join(dir, name), 'utf8'), `${file}: ${name} differs from reports/examples`).toBe(true);
    }
  });
});
