import type { Result } from '../metrics/result.js';
import { perMonth, formatCount, formatDuration, formatFixed, formatPercent, formatSpan, formatUsd } from './format.js';
import { textTable } from './text-table.js';
import { wrap } from './wrap.js';

/** The run's summary for a terminal: headline figures, then a table per group and per workload (under 100 columns). */
export function summaryTable(result: Result, options: { color?: boolean } = {}): string {
  const bold = (text: string) => (options.color ? `\x1b[1m${text}\x1b[22m` : text);
  const warn = (text: string) => (options.color ? `\x1b[33m${text}\x1b[39m` : text);
  const monthly = (usd: number) => perMonth(usd, result.horizonHours);
  const w = result.wait;
  const j = result.jobs;
  const warm = result.warmupHours > 0 ? ` after ${formatSpan(result.warmupHours)} of warm-up` : '';
  const notes: string[] = [];
  const bound = result.groups.filter((g) => g.capacityBoundHours > 0);
  if (bound.length > 0) {
    notes.push(`${warn('Limits')}   jobs queued at a full pool or the account cap: ${bound.map((g) => `${g.machine} ${formatDuration(g.capacityBoundHours * 3600)}`).join(', ')}`);
  }
  const warmPools = result.groups.filter((g) => g.standbyNodes > 0);
  for (const g of warmPools) {
    notes.push(
      `Warm     ${g.machine}: pool of ${g.standbyNodes}, ${formatCount(g.standbyStarts)} fast starts saved about ${formatDuration(g.standbyBootHoursSaved * 3600)} of boot time for ${formatUsd(monthly(g.costByState.standby))}/month of storage`,
    );
  }
  const d = result.decisions;
  if (d.records > 0) {
    const reasons = Object.entries(d.byReason).map(([k, v]) => `${k} ${formatCount(v as number)}`).join(', ');
    const limits = Object.entries(d.byLimit).map(([k, v]) => `${k} ${formatCount(v as number)}`).join(', ');
    notes.push(`Scaling  ${formatCount(d.records)} decisions (${reasons})${limits ? `; cut short by ${limits}` : ''}; see decisions.csv`);
  }
  const lines = [
    `${result.scenario} · ${result.region} · ${formatSpan(result.horizonHours)} measured${warm} · seed ${result.seed} · policy ${policyLabel(result.policy)}`,
    '',
    `Cost     ${bold(`${formatUsd(result.cost.monthly)}/month`)}  (${formatUsd(result.cost.total)} over the span; cluster fee ${formatUsd(result.cost.clusterFee)}; idle machines ${formatUsd(result.cost.idle)})`,
    `Waiting  p50 ${formatDuration(w.p50)} · ${bold(`p95 ${formatDuration(w.p95)}`)} · p99 ${formatDuration(w.p99)} · max ${formatDuration(w.max)} · mean ${formatDuration(w.mean)} · ${formatPercent(w.probWait)} waited`,
    `Jobs     ${formatCount(j.submitted)} submitted · ${formatCount(j.completed)} completed${j.abandoned > 0 ? ` · ${warn(`${formatCount(j.abandoned)} gave up waiting (${formatPercent(j.abandonedShare)})`)}` : ''} · ${formatCount(j.unfinished)} unfinished${j.queuedAtEnd > 0 ? ` (${formatCount(j.queuedAtEnd)} never started: their waits are not counted)` : ''}`,
    ...notes,
    '',
    textTable(
      [
        { header: 'group' },
        { header: 'hot', right: true },
        { header: 'max', right: true },
        { header: 'peak', right: true },
        { header: 'util', right: true },
        { header: 'node-h', right: true },
        { header: 'idle-h', right: true },
        { header: 'boot-h', right: true },
        { header: 'ups', right: true },
        { header: 'downs', right: true },
        { header: 'blocked', right: true },
        { header: 'USD/month', right: true },
      ],
      result.groups.map((g) => [
        g.machine,
        String(g.hotNodes),
        String(g.maxPoolSize),
        String(g.peakNodes),
        formatPercent(g.utilisation),
        formatFixed(g.machineHours),
        formatFixed(g.idleHours + g.reservedHours),
        formatFixed(g.bootHours),
        formatCount(g.scaleUps),
        formatCount(g.scaleDowns),
        formatCount(g.blockedScaleUps),
        formatUsd(monthly(g.cost)),
      ]),
    ),
  ];
  if (result.workloads.length > 0) {
    lines.push(
      '',
      textTable(
        [
          { header: 'workload' },
          { header: 'kind' },
          { header: 'jobs', right: true },
          { header: 'gave up', right: true },
          { header: 'waited', right: true },
          { header: 'mean', right: true },
          { header: 'p50', right: true },
          { header: 'p95', right: true },
          { header: 'max', right: true },
        ],
        result.workloads.map((wl) => [
          wl.name,
          wl.kind,
          formatCount(wl.jobs.submitted),
          wl.jobs.abandoned > 0 ? `${formatCount(wl.jobs.abandoned)} (${formatPercent(wl.jobs.abandonedShare)})` : '0',
          formatPercent(wl.wait.probWait),
          formatDuration(wl.wait.mean),
          formatDuration(wl.wait.p50),
          formatDuration(wl.wait.p95),
          formatDuration(wl.wait.max),
        ]),
      ),
    );
    for (const wl of result.workloads) {
      const t = wl.trace;
      if (!t) continue;
      const left = [
        t.outsideSpan > 0 ? `${formatCount(t.outsideSpan)} outside the simulated span` : '',
        t.outsideWindow > 0 ? `${formatCount(t.outsideWindow)} outside the window` : '',
        t.excluded > 0 ? `${formatCount(t.excluded)} excluded by the format's rules` : '',
        t.skipped > 0 ? `${formatCount(t.skipped)} bad rows skipped` : '',
      ].filter(Boolean);
      if (left.length > 0) lines.push(`note: ${wl.name} (${t.file}): ${left.join(', ')}; not run`);
    }
  }
  if (result.deployments.length > 0) {
    lines.push(
      '',
      textTable(
        [
          { header: 'deployment' },
          { header: 'machine' },
          { header: 'replicas', right: true },
          { header: 'wanted', right: true },
          { header: 'peak', right: true },
          { header: 'pending replica-h', right: true },
          { header: 'under-provisioned', right: true },
        ],
        result.deployments.map((d) => [
          d.name,
          d.machines.join('/'),
          formatFixed(d.meanReplicas, 2),
          formatFixed(d.meanDesired, 2),
          String(d.peakReplicas),
          formatFixed(d.pendingReplicaHours),
          formatDuration(d.underProvisionedHours * 3600),
        ]),
      ),
    );
  }
  lines.push('', `${formatCount(result.engine.events)} events in ${result.engine.wallSeconds.toFixed(2)} s`);
  // Tables are built to fit; only long lines of prose are wrapped.
  return lines.map((block) => block.split('\n').map((line) => wrap(line)).join('\n')).join('\n') + '\n';
}

/** A policy name for a line: a module's file name, not its whole path. */
function policyLabel(policy: string): string {
  return policy.includes('/') ? policy.slice(policy.lastIndexOf('/') + 1) : policy;
}
