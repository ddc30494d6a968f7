import type { Comparison } from '../../experiment/compare.js';
import { CHART_CONFIG, SCHEMA, round } from './chart-data.js';

const BARS = [
  { path: 'cost.monthly', title: 'cost per month (USD)' },
  { path: 'wait.p95', title: 'p95 wait (seconds)' },
  { path: 'wait.probWait', title: 'share that waited' },
  { path: 'jobs.abandonedShare', title: 'share that gave up' },
];

/** Key figures side by side, one panel each, bars at the mean with 95% intervals. */
export function comparisonBars(c: Comparison): object {
  // A figure that is zero everywhere (nobody gave up) has nothing to show.
  const bars = BARS.filter((b) => c.variants.some((v) => v.figures[b.path] && v.figures[b.path].mean !== 0));
  const values = bars.flatMap((b) =>
    c.variants.map((v) => {
      const s = v.figures[b.path];
      return { figure: b.title, variant: v.label, mean: round(s.mean, 4), low: round(s.ciLow, 4), high: round(s.ciHigh, 4) };
    }),
  );
  const order = c.variants.map((v) => v.label);
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: 'Side by side', subtitle: `means over ${c.replications} paired replications, with 95% intervals` },
    data: { values },
    facet: { column: { field: 'figure', type: 'nominal', sort: bars.map((b) => b.title), header: { title: null, labelFontSize: 12 } } },
    spec: {
      width: 170,
      height: 200,
      layer: [
        { mark: { type: 'bar', opacity: 0.85 }, encoding: { x: { field: 'variant', type: 'nominal', sort: order, axis: { title: null, labelAngle: -30 } }, y: { field: 'mean', type: 'quantitative', axis: { title: null } }, color: { field: 'variant', type: 'nominal', sort: order, legend: null } } },
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'variant', type: 'nominal', sort: order }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/** Wait distributions overlaid, from each variant's percentiles (mean over replications). */
export function comparisonWaits(c: Comparison): object {
  const shares = [
    { path: 'wait.p50', share: 0.5 },
    { path: 'wait.p90', share: 0.9 },
    { path: 'wait.p95', share: 0.95 },
    { path: 'wait.p99', share: 0.99 },
  ];
  const values = c.variants.flatMap((v) => [
    { variant: v.label, wait: 1, share: round(1 - v.figures['wait.probWait'].mean, 4) },
    ...shares.map((s) => ({ variant: v.label, wait: round(Math.max(1, v.figures[s.path].mean), 2), share: s.share })),
    { variant: v.label, wait: round(Math.max(1, v.figures['wait.max'].mean), 2), share: 1 },
  ]);
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: 'Waits overlaid', subtitle: 'share of started jobs that waited at most x (from the percentiles; waits under 1 s at 1 s)' },
    width: 560,
    height: 220,
    data: { values },
    mark: { type: 'line', point: true, interpolate: 'step-after' },
    encoding: {
      x: { field: 'wait', type: 'quantitative', scale: { type: 'log' }, axis: { title: 'wait (seconds, log scale)' } },
      y: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'share of jobs', format: '%' } },
      color: { field: 'variant', type: 'nominal', sort: c.variants.map((v) => v.label) },
    },
  };
}
