import type { Result } from '../../metrics/result.js';
import { perMonth } from '../format.js';
import { CHART_CONFIG, SCHEMA, STATE_COLORS, round } from './chart-data.js';

const PARTS = ['busy', 'idle', 'booting', 'other', 'cluster fee'] as const;

/** Monthly cost by group, split into busy, idle (reserved included), booting, other (rounding, warm pool), and the cluster fee. */
export function costChart(result: Result): object {
  const monthly = (usd: number) => round(perMonth(usd, result.horizonHours), 2);
  const values = [
    ...result.groups.flatMap((g) => [
      { group: g.machine, part: 'busy', usd: monthly(g.costByState.busy) },
      { group: g.machine, part: 'idle', usd: monthly(g.costByState.idle + g.costByState.reserved) },
      { group: g.machine, part: 'booting', usd: monthly(g.costByState.boot) },
      { group: g.machine, part: 'other', usd: monthly(g.costByState.rounding + g.costByState.standby) },
    ]),
    { group: 'cluster fee', part: 'cluster fee', usd: monthly(result.cost.clusterFee) },
  ];
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: 'Where the money goes', subtitle: 'USD per month; other = billing granularity and warm-pool storage' },
    width: 560,
    height: { step: 22 },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'group', type: 'nominal', sort: [...result.groups.map((g) => g.machine), 'cluster fee'], axis: { title: null } },
      x: { field: 'usd', type: 'quantitative', stack: 'zero', axis: { title: 'USD per month', format: '$,.0f' } },
      color: { field: 'part', type: 'nominal', sort: [...PARTS], scale: { domain: [...PARTS], range: [STATE_COLORS.busy, STATE_COLORS.idle, STATE_COLORS.booting, '#b07aa1', '#6b7785'] }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'group' }, { field: 'part' }, { field: 'usd', format: '$,.2f' }],
    },
    transform: [{ calculate: `indexof(${JSON.stringify([...PARTS])}, datum.part)`, as: 'order' }],
  };
}
