import type { Result } from '../../metrics/result.js';
import { CHART_CONFIG, SCHEMA, round } from './chart-data.js';

/** Waits below this show at it on the log axis (a log scale has no zero). */
const FLOOR_SECONDS = 1;

/** Waiting time distribution per workload: the share of jobs that waited at most x (log x), p50 and p95 marked. */
export function waitCdfChart(waitCdf: readonly { workload: string; waits: number[] }[], quantiles: readonly number[], result: Result): object {
  const values = waitCdf.flatMap(({ workload, waits }) => waits.map((w, i) => ({ workload, wait: round(Math.max(w, FLOOR_SECONDS), 2), share: quantiles[i] })));
  const marks = result.workloads.flatMap((w) => [
    { workload: w.name, wait: round(Math.max(w.wait.p50, FLOOR_SECONDS), 2), share: 0.5, label: 'p50' },
    { workload: w.name, wait: round(Math.max(w.wait.p95, FLOOR_SECONDS), 2), share: 0.95, label: 'p95' },
  ]);
  const x = {
    field: 'wait',
    type: 'quantitative',
    scale: { type: 'log', domainMin: FLOOR_SECONDS },
    axis: { title: `wait (seconds, log scale; under ${FLOOR_SECONDS} s shown at ${FLOOR_SECONDS} s)`, values: [1, 10, 60, 600, 3600, 36000, 86400] },
  };
  const color = { field: 'workload', type: 'nominal', sort: result.workloads.map((w) => w.name), legend: { title: 'workload', labelLimit: 240 } };
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: 'How long jobs waited', subtitle: 'share of started jobs that waited at most x; dots mark p50 and p95' },
    width: 640,
    height: 220,
    layer: [
      { data: { values }, mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 }, encoding: { x, y: { field: 'share', type: 'quantitative', axis: { title: 'share of jobs', format: '%' } }, color } },
      { data: { values: marks }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y: { field: 'share', type: 'quantitative' }, color, shape: { field: 'label', type: 'nominal', legend: { title: 'mark' } } } },
    ],
  };
}
