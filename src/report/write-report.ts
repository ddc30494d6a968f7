import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DetailedRun } from '../simulate.js';
import { reportCharts, type Chart } from './charts/charts.js';
import { decisionsCsv } from './decisions-csv.js';
import { htmlReport } from './html-report.js';
import { jobsCsv } from './jobs-csv.js';
import { renderSvg } from './render-svg.js';
import { specJson } from './spec-json.js';
import { groupsCsv, workloadsCsv } from './summary-csv.js';
import { timelineCsv, timelineRows, type TimelineRow } from './timeline-csv.js';

/** A scenario name made safe as a folder name. */
export function reportFolderName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'scenario';
}

/** Every file of a report folder but the page and the SVGs: deterministic for a scenario and seed. */
export function reportData(run: DetailedRun, rows: readonly TimelineRow[] = timelineRows(run.timeline, run.scenario), charts: readonly Chart[] = reportCharts(run, rows)): [string, string][] {
  const { result, scenario } = run;
  const files: [string, string][] = [
    ['summary.json', `${JSON.stringify(result, null, 2)}\n`],
    ['timeline.csv', timelineCsv(rows, scenario)],
    ['groups.csv', groupsCsv(result)],
    ['workloads.csv', workloadsCsv(result)],
    ['decisions.csv', decisionsCsv(run.decisions, result.start)],
  ];
  if (run.jobs) files.push(['jobs.csv', jobsCsv(run.jobs, scenario)]);
  for (const chart of charts) files.push([`${chart.name}.vl.json`, `${specJson(chart.spec)}\n`]);
  return files;
}

/**
 * Writes the report folder: summary.json, timeline.csv, groups.csv,
 * workloads.csv, decisions.csv, jobs.csv (when the run kept jobs), a
 * Vega-Lite spec and an SVG per chart, and index.html. Returns the files written.
 */
export async function writeReport(run: DetailedRun, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const rows = timelineRows(run.timeline, run.scenario);
  const charts = reportCharts(run, rows);
  const files = reportData(run, rows, charts);
  const svgs = await Promise.all(charts.map((c) => renderSvg(c.spec)));
  charts.forEach((c, i) => files.push([`${c.name}.svg`, svgs[i]]));
  files.push(['index.html', htmlReport(run.scenario, run.result, charts.map((c, i) => ({ name: c.name, heading: c.heading, svg: svgs[i] })), run.timeline.interval)]);
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}
