import { MACHINE_TYPES } from '../catalog/machines.js';
import type { Result } from '../metrics/result.js';
import { SKETCH_RELATIVE_ACCURACY, EXACT_LIMIT } from '../metrics/wait-stats.js';
import { distributionMean, type Distribution } from '../random/distributions.js';
import type { Scenario } from '../scenario/scenario.js';
import { escapeHtml as escape } from './escape-html.js';
import { perMonth, formatCount, formatDuration, formatFixed, formatPercent, formatSpan, formatUsd, formatUsdWhole } from './format.js';

/** One chart of the page: its heading and its rendered SVG. */
export interface PageChart {
  name: string;
  heading: string;
  svg: string;
}

/** A table: `right` marks columns of numbers (aligned right, tabular figures). */
function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const cell = (tag: string, text: string, i: number) => `<${tag}${right[i] ? ' class="num"' : ''}>${escape(text)}</${tag}>`;
  return `<table><thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function describeDistribution(d: Distribution): string {
  const mean = formatDuration(distributionMean(d));
  switch (d.dist) {
    case 'fixed':
      return formatDuration(d.value);
    case 'lognormal':
      return `lognormal, median ${formatDuration(Math.exp(d.mu))}, p95 ${formatDuration(Math.exp(d.mu + 1.6448536269514722 * d.sigma))}`;
    default:
      return `${d.dist}, mean ${mean}`;
  }
}

/** The median of a boot-time distribution where it has a closed form, else its mean. */
function medianOf(d: Distribution): number {
  if (d.dist === 'fixed') return d.value;
  if (d.dist === 'lognormal') return Math.exp(d.mu);
  if (d.dist === 'uniform') return (d.min + d.max) / 2;
  if (d.dist === 'exponential') return d.mean * Math.LN2;
  return distributionMean(d);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which defaults in force are facts (with their source) and which are assumptions. */
function assumptions(scenario: Scenario): { fact: boolean; text: string }[] {
  const out: { fact: boolean; text: string }[] = [];
  for (const g of scenario.groups) {
    const type = MACHINE_TYPES[g.machine];
    if (type && g.pricePerHour === type.pricePerHour) out.push({ fact: true, text: `${g.machine} at $${g.pricePerHour}/hour: ${type.priceSource}` });
    else out.push({ fact: true, text: `${g.machine} at $${g.pricePerHour}/hour: set in the scenario` });
    if (type && sameJson(g.bootTime, type.bootTime)) {
      out.push({ fact: false, text: `${g.machine} boots in ${describeDistribution(g.bootTime)}: the default for its type; boot times were never published` });
    }
    if (g.standbyNodes > 0) {
      out.push({ fact: false, text: `${g.machine} warm pool of ${g.standbyNodes}: storage at $${formatFixed(g.standbyPricePerHour, 4)}/hour and start-up in ${describeDistribution(g.standbyBootTime)} (defaults: 5% of the price, 40% of a cold boot)` });
    }
  }
  const a = scenario.autoscaler;
  if (a.scanInterval === 10 && a.scaleDownUnneededTime === 480 && a.scaleDownDelayAfterAdd === 120) {
    out.push({ fact: true, text: 'autoscaler timings (scan 10 s, idle 8 m, delay after add 2 m): Paperspace managed-cluster settings (gradient-terraform)' });
  }
  if (scenario.cluster.monthlyFee === 26) out.push({ fact: true, text: 'cluster fee $26/month: Gradient docs, Dec 2020 (from April 2021: $0.12/hour)' });
  if (scenario.billing.granularity === 1) out.push({ fact: true, text: 'per-second billing: Gradient-era docs' });
  if (scenario.billing.bootBilled) out.push({ fact: false, text: 'machines are billed from the moment they are requested, boot included' });
  if (scenario.cluster.machineCap === null) out.push({ fact: false, text: 'no account machine cap: set cluster.machineCap to your account limit' });
  out.push({ fact: false, text: 'a job takes the most recently freed machine; queues are first in, first out, without backfilling' });
  if (scenario.groups.length > 1) out.push({ fact: false, text: 'when groups compete for the account cap, they grow in file order (the real autoscaler picks at random)' });
  out.push({ fact: false, text: 'a machine always becomes ready (the real autoscaler gives up after 15 minutes)' });
  return out;
}

const CSS = `
:root { --ink: #1d2733; --muted: #5b6b7b; --rule: #dde3e9; --accent: #2f6db5; --bg: #fbfcfd; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; }
header { border-bottom: 1px solid var(--rule); padding-bottom: 16px; margin-bottom: 24px; }
h1 { font-size: 15px; font-weight: 600; color: var(--muted); margin: 0 0 6px; letter-spacing: .02em; }
.headline { font-size: 30px; font-weight: 650; margin: 0; line-height: 1.25; }
.sub { color: var(--muted); margin: 6px 0 0; }
h2 { font-size: 19px; margin: 36px 0 10px; }
section { margin-bottom: 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 14px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; border-bottom: 2px solid var(--rule); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 16px 0 0; }
.figure { background: #fff; border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; }
.figure .label { color: var(--muted); font-size: 12.5px; }
.figure .value { font-size: 21px; font-weight: 600; font-variant-numeric: tabular-nums; }
figure.chart { margin: 18px 0; background: #fff; border: 1px solid var(--rule); border-radius: 8px; padding: 14px; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
ul.assumptions { padding-left: 0; list-style: none; }
ul.assumptions li { margin: 4px 0; padding-left: 92px; text-indent: -92px; }
.tag { display: inline-block; width: 84px; text-indent: 0; font-size: 12px; font-weight: 600; border-radius: 4px; padding: 1px 6px; margin-right: 8px; text-align: center; }
.fact { background: #e3f1e6; color: #22632f; }
.guess { background: #fdf0dc; color: #8a5300; }
.wide { overflow-x: auto; }
footer { color: var(--muted); font-size: 13px; margin-top: 40px; border-top: 1px solid var(--rule); padding-top: 12px; }
`;

/** The report page: self-contained (inline CSS and SVG, no scripts, nothing from the network). */
export function htmlReport(scenario: Scenario, result: Result, charts: readonly PageChart[], interval: number): string {
  const monthly = (usd: number) => perMonth(usd, result.horizonHours);
  const w = result.wait;
  const gaveUp = result.jobs.abandoned > 0 ? `, ${formatPercent(result.jobs.abandonedShare)} gave up waiting` : '';
  const headline = `${formatUsdWhole(result.cost.monthly)}/month${result.wait.jobs > 0 ? `, p95 wait ${formatDuration(w.p95)}` : ''}${gaveUp}`;
  const cap = scenario.cluster.machineCap === null ? 'no account cap' : `account cap ${scenario.cluster.machineCap} machines`;
  const figures: [string, string][] = [
    ['cost per month', formatUsd(result.cost.monthly)],
    ['cost over the span', formatUsd(result.cost.total)],
    ['paid for idle machines', formatUsd(result.cost.idle)],
    ['jobs submitted', formatCount(result.jobs.submitted)],
    ['waited for a machine', formatPercent(w.probWait)],
    ['median wait', formatDuration(w.p50)],
    ['p95 wait', formatDuration(w.p95)],
    ['longest wait', formatDuration(w.max)],
  ];
  if (result.jobs.abandoned > 0) figures.push(['gave up waiting', `${formatCount(result.jobs.abandoned)} (${formatPercent(result.jobs.abandonedShare)})`]);

  const groups = table(
    ['group', 'hot', 'max', 'warm pool', 'boot (median)', 'peak', 'utilisation', 'node-hours', 'idle hours', 'capacity-bound', 'USD/month'],
    result.groups.map((g, i) => [
      g.machine,
      String(g.hotNodes),
      String(g.maxPoolSize),
      String(g.standbyNodes),
      formatDuration(medianOf(scenario.groups[i].bootTime)),
      String(g.peakNodes),
      formatPercent(g.utilisation),
      formatFixed(g.machineHours),
      formatFixed(g.idleHours + g.reservedHours),
      formatDuration(g.capacityBoundHours * 3600),
      formatUsd(monthly(g.cost)),
    ]),
    [false, true, true, true, true, true, true, true, true, true, true],
  );
  const workloads =
    result.workloads.length === 0
      ? ''
      : table(
          ['workload', 'kind', 'jobs', 'gave up', 'waited', 'mean wait', 'p50', 'p95', 'p99', 'max'],
          result.workloads.map((wl) => [
            wl.name,
            wl.kind,
            formatCount(wl.jobs.submitted),
            formatPercent(wl.jobs.abandonedShare),
            formatPercent(wl.wait.probWait),
            formatDuration(wl.wait.mean),
            formatDuration(wl.wait.p50),
            formatDuration(wl.wait.p95),
            formatDuration(wl.wait.p99),
            formatDuration(wl.wait.max),
          ]),
          [false, false, true, true, true, true, true, true, true, true],
        );
  const deployments =
    result.deployments.length === 0
      ? ''
      : table(
          ['deployment', 'machine', 'replicas (mean)', 'wanted (mean)', 'peak', 'pending replica-hours', 'under-provisioned'],
          result.deployments.map((d) => [d.name, d.machines.join(' / '), formatFixed(d.meanReplicas, 2), formatFixed(d.meanDesired, 2), String(d.peakReplicas), formatFixed(d.pendingReplicaHours), formatDuration(d.underProvisionedHours * 3600)]),
          [false, false, true, true, true, true, true],
        );
  const settings = table(
    ['setting', 'value'],
    [
      ['region and time zone', `${scenario.region}, ${scenario.timezone}`],
      ['measured span', `${formatSpan(result.horizonHours)} from ${scenario.start.replace('T', ' ').replace(/\.000Z$/, ' UTC')}${scenario.warmup > 0 ? `, after ${formatSpan(result.warmupHours)} of warm-up` : ''}`],
      ['scaling policy', result.policy],
      ['autoscaler', `scan every ${formatDuration(scenario.autoscaler.scanInterval)}, remove after ${formatDuration(scenario.autoscaler.scaleDownUnneededTime)} idle, no removals ${formatDuration(scenario.autoscaler.scaleDownDelayAfterAdd)} after a scale-up`],
      ['cluster', `${cap}; fee ${formatUsd(scenario.cluster.monthlyFee)}/month`],
      ['billing', `rounded up to ${formatDuration(scenario.billing.granularity)}, ${scenario.billing.bootBilled ? 'boot billed' : 'boot not billed'}`],
      ['seed', String(result.seed)],
    ],
    [false, false],
  );
  const list = assumptions(scenario)
    .map((a) => `<li><span class="tag ${a.fact ? 'fact' : 'guess'}">${a.fact ? 'fact' : 'assumption'}</span>${escape(a.text)}</li>`)
    .join('');
  const chartHtml = charts
    .map((c) => `<figure class="chart" id="chart-${c.name}" aria-label="${escape(c.heading)}">${c.svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>`)
    .join('\n');
  const eventsPerSecond = result.engine.wallSeconds > 0 ? result.engine.events / result.engine.wallSeconds : 0;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${result.scenario}: ${headline}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escape(result.scenario)} · ${escape(scenario.region)} · ${escape(formatSpan(result.horizonHours))} · policy ${escape(result.policy.split('/').pop() as string)}</h1>
<p class="headline">${escape(headline)}</p>
<p class="sub">${escape(`${formatCount(result.jobs.submitted)} jobs on ${scenario.groups.length} machine type${scenario.groups.length === 1 ? '' : 's'}; ${formatUsd(result.cost.total)} over the measured span, cluster fee ${formatUsd(result.cost.clusterFee)} included`)}</p>
<div class="figures">${figures.map(([label, value]) => `<div class="figure"><div class="label">${escape(label)}</div><div class="value">${escape(value)}</div></div>`).join('')}</div>
</header>
<section><h2>Settings</h2>${settings}</section>
<section><h2>Groups</h2><div class="wide">${groups}</div></section>
${workloads ? `<section><h2>Workloads</h2><div class="wide">${workloads}</div></section>` : ''}
${deployments ? `<section><h2>Deployments</h2><div class="wide">${deployments}</div></section>` : ''}
<section><h2>Charts</h2>
${chartHtml}
</section>
<section><h2>Facts and assumptions in force</h2><ul class="assumptions">${list}</ul></section>
<footer>
${escape(`Engine: ${formatCount(result.engine.events)} events in ${result.engine.wallSeconds.toFixed(2)} s (${formatCount(eventsPerSecond)} events/s); timeline at ${formatDuration(interval)} intervals; wait percentiles exact up to ${formatCount(EXACT_LIMIT)} jobs, then within ${SKETCH_RELATIVE_ACCURACY * 100}% (DDSketch). Every figure is in summary.json and the CSV files beside this page.`)}
</footer>
</main>
</body>
</html>
`;
}
