import { CHART_CONFIG, SCHEMA } from './chart-data.js';

/** A sweep's points on two figures, the Pareto frontier highlighted and joined. */
export function paretoChart(points: readonly { label: string; x: number; y: number; frontier: boolean }[], x: string, y: string): object {
  const values = points.map((p) => ({ setting: p.label, x: Number(p.x.toFixed(4)), y: Number(p.y.toFixed(4)), frontier: p.frontier ? 'on the frontier' : 'dominated' }));
  const enc = {
    x: { field: 'x', type: 'quantitative', scale: { zero: false }, axis: { title: x } },
    y: { field: 'y', type: 'quantitative', scale: { zero: false }, axis: { title: y } },
  };
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: `Sweep: ${y} against ${x}`, subtitle: 'means over replications; lower is better on both; the frontier is what no other setting beats on both' },
    width: 560,
    height: 320,
    data: { values },
    layer: [
      { transform: [{ filter: "datum.frontier === 'on the frontier'" }], mark: { type: 'line', color: '#c0392b', strokeWidth: 1.5 }, encoding: { ...enc, order: { field: 'x', type: 'quantitative' } } },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          ...enc,
          color: { field: 'frontier', type: 'nominal', scale: { domain: ['on the frontier', 'dominated'], range: ['#c0392b', '#9aa5b1'] }, legend: { title: null, orient: 'bottom' } },
          tooltip: [{ field: 'setting' }, { field: 'x', title: x }, { field: 'y', title: y }],
        },
      },
    ],
  };
}
