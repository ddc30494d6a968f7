import type { Scenario } from '../../scenario/scenario.js';
import type { TimelineRow } from '../timeline-csv.js';

/** Charts draw at most about this many points per series; finer timelines are averaged down. */
export const CHART_POINTS = 240;

/** Timeline rows averaged over runs of `factor` intervals, so a chart stays light; groups kept apart. */
export function coarsen(rows: readonly TimelineRow[], scenario: Scenario): TimelineRow[] {
  const groups = scenario.groups.length;
  const bins = rows.length / groups;
  const factor = Math.max(1, Math.ceil(bins / CHART_POINTS));
  if (factor === 1) return [...rows];
  const out: TimelineRow[] = [];
  for (let start = 0; start < bins; start += factor) {
    for (let g = 0; g < groups; g++) {
      let seconds = 0;
      const sum = { booting: 0, idle: 0, reserved: 0, busy: 0, standby: 0, queue: 0, started: 0, cost: 0 };
      for (let b = start; b < Math.min(bins, start + factor); b++) {
        const r = rows[b * groups + g];
        seconds += r.seconds;
        for (const k of ['booting', 'idle', 'reserved', 'busy', 'standby', 'queue'] as const) sum[k] += r[k] * r.seconds;
        sum.started += r.started;
        sum.cost += r.cost;
      }
      const first = rows[start * groups + g];
      out.push({
        start: first.start,
        seconds,
        group: first.group,
        booting: sum.booting / seconds,
        idle: sum.idle / seconds,
        reserved: sum.reserved / seconds,
        busy: sum.busy / seconds,
        standby: sum.standby / seconds,
        queue: sum.queue / seconds,
        started: sum.started,
        cost: sum.cost,
      });
    }
  }
  return out;
}

/** A number rounded for chart data (keeps specs small and stable). */
export function round(value: number, decimals = 3): number {
  return Number(value.toFixed(decimals));
}

/** An ISO time for chart data. */
export function chartTime(start: string, t: number): string {
  return new Date(Date.parse(start) + Math.round(t * 1000)).toISOString();
}

/** Common look: readable type, no chart border. */
export const CHART_CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
  title: { fontSize: 14, fontWeight: 600, anchor: 'start' },
} as const;

/** Colours of node states, the same in every chart. */
export const STATE_COLORS = { busy: '#2f6db5', reserved: '#8e6cc2', idle: '#f0a03c', booting: '#9aa5b1', standby: '#cdd5de' } as const;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
