import type { Scenario } from '../../scenario/scenario.js';
import type { TimelineRow } from '../timeline-csv.js';
import { CHART_CONFIG, SCHEMA, STATE_COLORS, chartTime, round } from './chart-data.js';

const STATES = ['busy', 'reserved', 'idle', 'booting', 'standby'] as const;

/** Nodes over time per group, stacked by state, with hot nodes and max pool size as lines. */
export function nodesChart(rows: readonly TimelineRow[], scenario: Scenario): object {
  const charts = scenario.groups.map((g) => {
    const mine = rows.filter((r) => r.group === g.machine);
    const states = STATES.filter((s) => s !== 'standby' || g.standbyNodes > 0);
    const values = mine.flatMap((r) => states.map((state) => ({ time: chartTime(scenario.start, r.start), state, nodes: round(r[state]) })));
    const limits = [
      { limit: `max pool (${g.maxPoolSize})`, nodes: g.maxPoolSize },
      { limit: `hot nodes (${g.hotNodes})`, nodes: g.hotNodes },
    ];
    return {
      title: { text: `${g.machine}: nodes by state`, subtitle: 'time average per interval' },
      width: 640,
      height: 140,
      layer: [
        {
          data: { values },
          mark: { type: 'area', interpolate: 'step-after' },
          encoding: {
            x: { field: 'time', type: 'temporal', scale: { type: 'utc' }, axis: { title: null, format: '%b %d' } },
            y: { field: 'nodes', type: 'quantitative', stack: 'zero', axis: { title: 'nodes', tickMinStep: 1 } },
            color: { field: 'state', type: 'nominal', sort: [...states], scale: { domain: [...states], range: states.map((s) => STATE_COLORS[s]) }, legend: { title: 'state', orient: 'right' } },
            order: { field: 'order', type: 'quantitative' },
          },
          transform: [{ calculate: `indexof(${JSON.stringify([...states])}, datum.state)`, as: 'order' }],
        },
        {
          data: { values: limits },
          mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1.5 },
          encoding: {
            y: { field: 'nodes', type: 'quantitative' },
            stroke: { field: 'limit', type: 'nominal', sort: limits.map((l) => l.limit), scale: { domain: limits.map((l) => l.limit), range: ['#c0392b', '#2e7d32'] }, legend: { title: 'limit', orient: 'right' } },
          },
        },
      ],
      resolve: { scale: { color: 'independent' } },
    };
  });
  return { $schema: SCHEMA, config: CHART_CONFIG, vconcat: charts, spacing: 24 };
}
