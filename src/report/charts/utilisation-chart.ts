import type { Scenario } from '../../scenario/scenario.js';
import { LocalClock, WEEKDAYS } from '../../time/local-clock.js';
import type { TimelineRow } from '../timeline-csv.js';
import { CHART_CONFIG, SCHEMA, round } from './chart-data.js';

/**
 * Utilisation by local hour of week, per group: busy node-hours / all node-hours
 * in each hour of day and weekday, over the whole run. Cells with no nodes are
 * left empty; pale cells with nodes are hot nodes (or spares) waiting.
 */
export function utilisationChart(rows: readonly TimelineRow[], scenario: Scenario): object {
  const clock = new LocalClock(scenario.timezone, scenario.start);
  const cells = new Map<string, { busy: number; all: number }>();
  for (const r of rows) {
    // An interval counts in the local hour of its middle.
    const how = clock.hourOfWeek(r.start + r.seconds / 2);
    const key = `${r.group}|${how}`;
    const cell = cells.get(key) ?? { busy: 0, all: 0 };
    cell.busy += r.busy * r.seconds;
    cell.all += (r.busy + r.idle + r.reserved + r.booting) * r.seconds;
    cells.set(key, cell);
  }
  const values = scenario.groups.flatMap((g) =>
    Array.from({ length: 168 }, (_, how) => {
      const cell = cells.get(`${g.machine}|${how}`);
      return {
        group: g.machine,
        day: WEEKDAYS[Math.floor(how / 24)],
        hour: how % 24,
        utilisation: cell && cell.all > 0 ? round(cell.busy / cell.all) : null,
      };
    }),
  );
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: `Utilisation by hour of week (${scenario.timezone})`, subtitle: 'busy / all node-hours; pale = machines paid for and waiting' },
    data: { values },
    facet: { row: { field: 'group', type: 'nominal', sort: scenario.groups.map((g) => g.machine), header: { title: null, labelAngle: 0, labelAlign: 'left' } } },
    spec: {
      width: 480,
      height: 120,
      mark: { type: 'rect' },
      encoding: {
        x: { field: 'hour', type: 'ordinal', axis: { title: 'hour of day', labelAngle: 0 } },
        y: { field: 'day', type: 'ordinal', sort: [...WEEKDAYS], axis: { title: null } },
        color: { field: 'utilisation', type: 'quantitative', scale: { domain: [0, 1], scheme: 'blues' }, legend: { title: 'utilisation', format: '%' } },
        tooltip: [{ field: 'day' }, { field: 'hour' }, { field: 'utilisation', format: '.0%' }],
      },
    },
  };
}
