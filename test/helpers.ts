import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load-scenario.js';
import type { Scenario } from '../src/scenario/scenario.js';
import type { SimEvent } from '../src/model/sim-event.js';

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'poolsim-test-'));
}

/** Writes `files` (name -> content) into a fresh temporary directory and returns it. */
export function writeFiles(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/**
 * A scenario replaying `csv` (a trace in the project's format) with exact
 * settings for hand-computed cases: scans at every event, no fee, exact billing.
 */
export async function traceScenario(csv: string, overrides: Record<string, unknown>): Promise<Scenario> {
  const dir = writeFiles({ 'trace.csv': csv });
  return loadScenario(
    {
      name: 'hand',
      horizon: 10000,
      billing: { granularity: 0 },
      cluster: { monthlyFee: 0 },
      autoscaler: { scanInterval: 0, scaleDownUnneededTime: 480, scaleDownDelayAfterAdd: 120 },
      workloads: [{ name: 'jobs', trace: 'trace.csv' }],
      ...overrides,
    },
    { baseDir: dir },
  );
}

/** A run's events as readable [time, what] pairs. */
export function describeEvent(e: SimEvent): [number, string] {
  switch (e.type) {
    case 'arrive':
      return [e.time, `arrive ${e.group} x${e.nodes}`];
    case 'start':
      return [e.time, `start ${e.group} wait ${e.wait}`];
    case 'finish':
      return [e.time, `finish ${e.group}`];
    case 'scale-up':
      return [e.time, `scale-up ${e.group} +${e.count}`];
    case 'blocked':
      return [e.time, `blocked ${e.group} ${e.granted}/${e.wanted} by ${e.limit}`];
    case 'ready':
      return [e.time, `ready ${e.group}`];
    case 'scale-down':
      return [e.time, `scale-down ${e.group} -${e.count}`];
  }
}
