import type { DetailedRun } from '../../simulate.js';
import { WAIT_CDF_QUANTILES } from '../../simulate.js';
import { timelineRows, type TimelineRow } from '../timeline-csv.js';
import { coarsen } from './chart-data.js';
import { costChart } from './cost-chart.js';
import { nodesChart } from './nodes-chart.js';
import { queueChart } from './queue-chart.js';
import { utilisationChart } from './utilisation-chart.js';
import { waitCdfChart } from './wait-cdf-chart.js';

/** A report chart: its file name (without `.vl.json` / `.svg`), its heading, and its Vega-Lite spec. */
export interface Chart {
  name: string;
  heading: string;
  spec: object;
}

/** The charts of a run's report, in page order. */
export function reportCharts(run: DetailedRun, rows: readonly TimelineRow[] = timelineRows(run.timeline, run.scenario)): Chart[] {
  const coarse = coarsen(rows, run.scenario);
  const charts: Chart[] = [
    { name: 'nodes', heading: 'Nodes over time', spec: nodesChart(coarse, run.scenario) },
    { name: 'queue', heading: 'Queue', spec: queueChart(coarse, run.scenario) },
    { name: 'cost', heading: 'Cost', spec: costChart(run.result) },
    { name: 'utilisation', heading: 'Utilisation by hour of week', spec: utilisationChart(rows, run.scenario) },
  ];
  if (run.result.workloads.length > 0) {
    charts.splice(2, 0, { name: 'waits', heading: 'Waiting times', spec: waitCdfChart(run.waitCdf, WAIT_CDF_QUANTILES, run.result) });
  }
  return charts;
}
