import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import type { TraceWorkload } from '../../src/scenario/scenario.js';
import { simulate } from '../../src/simulate.js';
import { writeFiles } from '../helpers.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

function busyHours(w: TraceWorkload): number {
  return w.jobs.duration.reduce((sum, d, i) => sum + d * w.jobs.nodes[i], 0) / 3600;
}

async function trace(workload: Record<string, unknown>, groups: object[], extra: Record<string, unknown> = {}) {
  const s = await loadScenario({ name: 't', horizon: '200d', groups, workloads: [{ name: 'replay', ...workload }], ...extra }, { baseDir: FIXTURES });
  return s;
}

describe('trace import on slices of real traces', () => {
  test('SWF (NASA iPSC/860, 500 jobs): count, machine-hours, first and last submit as the file says', async () => {
    const s = await trace({ trace: 'nasa-ipsc-1993-first500.swf', machine: 'C10', procsPerNode: 32 }, [{ machine: 'C10', maxPoolSize: 4 }]);
    const w = s.workloads[0] as TraceWorkload;
    expect(w.format).toBe('swf');
    expect(w.jobs.submit.length).toBe(500);
    expect(w.rows).toEqual({ read: 500, used: 500, skipped: 0, excluded: 0, outsideWindow: 0 });
    // awk: sum of run time x ceil(processors / 32), in hours.
    expect(busyHours(w)).toBeCloseTo(145.384167, 5);
    expect(w.jobs.submit[0]).toBe(0);
    expect(w.jobs.submit[499]).toBe(380564);
    expect(new Set(w.jobs.nodes)).toEqual(new Set([1, 2, 4]));
    // Replayed, every job runs: the machine-hours busy equal the trace's.
    const r = simulate(s);
    expect(r.jobs.submitted).toBe(500);
    expect(r.jobs.completed).toBe(500);
    expect(r.groups[0].busyHours).toBeCloseTo(145.384167, 5);
    expect(r.workloads[0].trace).toMatchObject({ file: 'nasa-ipsc-1993-first500.swf', format: 'swf', read: 500, used: 500, outsideSpan: 0 });
  });

  test('SWF: a job wider than the pool is a bad row with its line number', async () => {
    await expect(trace({ trace: 'nasa-ipsc-1993-first500.swf', machine: 'C10', procsPerNode: 8 }, [{ machine: 'C10', maxPoolSize: 8 }])).rejects.toThrow(
      /nasa-ipsc-1993-first500\.swf:\d+: needs 16 nodes, more than maxPoolSize 8 of C10/,
    );
    const s = await trace({ trace: 'nasa-ipsc-1993-first500.swf', machine: 'C10', procsPerNode: 8, skipBadRows: true }, [{ machine: 'C10', maxPoolSize: 8 }]);
    const w = s.workloads[0] as TraceWorkload;
    // awk: the 23 jobs of 128 processors need 16 machines; the 40 of 64 need 8 and stay.
    expect(w.rows.skipped).toBe(23);
    expect(w.rows.used).toBe(477);
  });

  test('Alibaba GPU pods (every 20th of 8,152): never-scheduled pods excluded and counted', async () => {
    const s = await trace(
      { trace: 'alibaba-gpu-pods-sample.csv', format: 'alibaba-gpu', gpuModels: { '*': 'P5000' }, gpusPerNode: 1, cpuMachine: 'C7' },
      [{ machine: 'P5000' }, { machine: 'C7' }],
    );
    const w = s.workloads[0] as TraceWorkload;
    expect(w.rows).toEqual({ read: 408, used: 350, skipped: 0, excluded: 58, outsideWindow: 0 });
    // awk: duration = deletion - scheduled, x num_gpu (1 machine for CPU pods).
    expect(busyHours(w)).toBeCloseTo(4748.435278, 5);
    expect(w.jobs.submit[0]).toBe(0);
    expect(w.jobs.submit[w.jobs.submit.length - 1]).toBe(12892294);
    expect(w.jobs.machine.filter((m) => m === 'C7').length).toBe(45);
  });

  test('Alibaba: without cpuMachine, CPU-only pods are excluded too; a window replays a slice from t = 0', async () => {
    const s = await trace({ trace: 'alibaba-gpu-pods-sample.csv', format: 'alibaba-gpu', gpuModels: { '*': 'P5000' } }, [{ machine: 'P5000' }]);
    const w = s.workloads[0] as TraceWorkload;
    expect(w.rows.excluded).toBe(58 + 45);
    expect(w.rows.used).toBe(305);
    expect(busyHours(w)).toBeCloseTo(4713.023333, 5);

    const windowed = await trace(
      { trace: 'alibaba-gpu-pods-sample.csv', format: 'alibaba-gpu', gpuModels: { '*': 'P5000' }, window: { from: '100d', to: '130d' }, timeScale: 2, shift: '1h' },
      [{ machine: 'P5000' }],
    );
    const ww = windowed.workloads[0] as TraceWorkload;
    expect(ww.rows.outsideWindow + ww.rows.used).toBe(305);
    expect(Math.min(...ww.jobs.submit)).toBeGreaterThanOrEqual(3600);
    expect(Math.max(...ww.jobs.submit)).toBeLessThan((30 * 86400) / 2 + 3600);
  });

  test('machineMap replays a trace on other machine types', async () => {
    const s = await trace(
      { trace: 'alibaba-gpu-pods-sample.csv', format: 'alibaba-gpu', gpuModels: { '*': 'V100' }, cpuMachine: 'C7', machineMap: { V100: 'A100', C7: 'C9' } },
      [{ machine: 'A100' }, { machine: 'C9' }],
    );
    expect(new Set((s.workloads[0] as TraceWorkload).jobs.machine)).toEqual(new Set(['A100', 'C9']));
  });
});

describe('project CSV traces', () => {
  test('ISO submit times, a workload column splitting the trace, and skipped bad rows counted', async () => {
    const dir = writeFiles({
      't.csv': [
        'submit,duration,machine,workload,owner',
        '2026-01-05T00:10:00Z,600,P5000,notebooks,alice',
        '60,300,P5000,training,bob',
        'later,300,P5000,training,bob',
        '2026-01-05T00:00:00Z,100,P5000,,carol',
      ].join('\n'),
    });
    const s = await loadScenario(
      { name: 'x', horizon: '1d', start: '2026-01-05T00:00:00Z', groups: [{ machine: 'P5000' }], workloads: [{ name: 'team', trace: 't.csv', skipBadRows: true, kind: 'notebook' }] },
      { baseDir: dir },
    );
    // One workload per label, in order of first submission; unlabelled rows keep the workload's name.
    expect(s.workloads.map((w) => [w.name, w.kind, (w as TraceWorkload).jobs.submit])).toEqual([
      ['team', 'notebook', [0]],
      ['training', 'notebook', [60]],
      ['notebooks', 'notebook', [600]],
    ]);
    const r = simulate(s);
    expect(r.workloads.map((w) => w.trace?.skipped)).toEqual([1, 0, 0]);
    expect(r.workloads.map((w) => w.jobs.submitted)).toEqual([1, 1, 1]);
  });

  test('a workload column name that clashes with another workload is refused', async () => {
    const dir = writeFiles({ 't.csv': 'submit,duration,machine,workload\n0,1,P5000,train\n' });
    const err = await loadScenario(
      {
        name: 'x',
        horizon: '1d',
        groups: [{ machine: 'P5000' }],
        workloads: [
          { name: 'train', machine: 'P5000', arrivals: { process: 'fixed', interval: '1h' }, duration: '1m' },
          { name: 'replay', trace: 't.csv' },
        ],
      },
      { baseDir: dir },
    ).catch((e: ScenarioError) => e);
    expect((err as ScenarioError).issues).toEqual([{ path: 'workloads[1].trace', message: '"train" is already the name of workloads[0]; workload names must be unique' }]);
  });

  test('format-specific fields are refused on other formats', async () => {
    await expect(trace({ trace: 'alibaba-gpu-pods-sample.csv', format: 'alibaba-gpu', procsPerNode: 4 }, [{ machine: 'P5000' }])).rejects.toThrow(
      /workloads\[0\]\.procsPerNode: not allowed with format alibaba-gpu/,
    );
    await expect(trace({ trace: join('nasa-ipsc-1993-first500.swf') }, [{ machine: 'C10' }])).rejects.toThrow(/workloads\[0\]\.machine: is required for an SWF trace/);
  });
});
