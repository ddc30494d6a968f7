import { stringify } from 'csv-stringify/sync';
import type { Timeline } from '../metrics/timeline.js';
import type { Scenario } from '../scenario/scenario.js';
import { csvNumber, isoTime } from './csv-number.js';

/** Columns of timeline.csv, in order: node counts and queue are time averages over the interval. */
export const TIMELINE_COLUMNS = ['time', 'group', 'booting', 'idle', 'reserved', 'busy', 'standby', 'queue', 'started', 'cost'] as const;

/** One row of the timeline: per group per interval, the averages, the jobs started and the USD accrued. */
export interface TimelineRow {
  start: number;
  seconds: number;
  group: string;
  booting: number;
  idle: number;
  reserved: number;
  busy: number;
  standby: number;
  queue: number;
  started: number;
  cost: number;
}

/** The timeline as rows, intervals in order, groups in scenario order within each. */
export function timelineRows(timeline: Timeline, scenario: Scenario): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (let bin = 0; bin < timeline.bins; bin++) {
    const start = bin * timeline.interval;
    const seconds = Math.min(timeline.interval, scenario.horizon - start);
    scenario.groups.forEach((g, i) => {
      const get = (f: Parameters<Timeline['get']>[2]) => timeline.get(i, bin, f);
      const price = g.pricePerHour / 3600;
      const billed = get('busy') + get('idle') + get('reserved') + (scenario.billing.bootBilled ? get('booting') : 0) + get('rounding');
      rows.push({
        start,
        seconds,
        group: g.machine,
        booting: get('booting') / seconds,
        idle: get('idle') / seconds,
        reserved: get('reserved') / seconds,
        busy: get('busy') / seconds,
        standby: get('standby') / seconds,
        queue: get('queue') / seconds,
        started: get('started'),
        cost: billed * price + get('standby') * (g.standbyPricePerHour / 3600),
      });
    });
  }
  return rows;
}

/** timeline.csv: ISO 8601 UTC interval starts; nodes and queue as time averages; USD accrued in the interval. */
export function timelineCsv(rows: readonly TimelineRow[], scenario: Scenario): string {
  return stringify(
    rows.map((r) => [
      isoTime(scenario.start, r.start),
      r.group,
      csvNumber(r.booting, 4),
      csvNumber(r.idle, 4),
      csvNumber(r.reserved, 4),
      csvNumber(r.busy, 4),
      csvNumber(r.standby, 4),
      csvNumber(r.queue, 4),
      String(r.started),
      csvNumber(r.cost, 4),
    ]),
    { header: true, columns: [...TIMELINE_COLUMNS] },
  );
}
