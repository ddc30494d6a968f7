import type { Scenario } from '../../scenario/scenario.js';
import type { TimelineRow } from '../timeline-csv.js';
import { CHART_CONFIG, SCHEMA, chartTime, round } from './chart-data.js';

/** Queue length over time, one line per group. */
export function queueChart(rows: readonly TimelineRow[], scenario: Scenario): object {
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: 'Jobs waiting in the queue', subtitle: 'time average per interval' },
    width: 640,
    height: 180,
    data: { values: rows.map((r) => ({ time: chartTime(scenario.start, r.start), group: r.group, queue: round(r.queue) })) },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'time', type: 'temporal', scale: { type: 'utc' }, axis: { title: null, format: '%b %d' } },
      y: { field: 'queue', type: 'quantitative', axis: { title: 'jobs queued' } },
      color: { field: 'group', type: 'nominal', sort: scenario.groups.map((g) => g.machine), legend: { title: 'group' } },
    },
  };
}
