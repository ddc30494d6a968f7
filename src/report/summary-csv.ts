import { stringify } from 'csv-stringify/sync';
import type { Result } from '../metrics/result.js';
import { csvNumber } from './csv-number.js';
import { perMonth } from './format.js';

const GROUP_COLUMNS = [
  'machine', 'hotNodes', 'maxPoolSize', 'standbyNodes', 'pricePerHour', 'machineHours', 'busyHours', 'idleHours', 'reservedHours', 'bootHours',
  'standbyHours', 'utilisation', 'peakNodes', 'meanQueue', 'peakQueue', 'scaleUps', 'nodesAdded', 'scaleDowns', 'nodesRemoved',
  'blockedScaleUps', 'blockedByMaxPool', 'blockedByAccountCap', 'capacityBoundHours', 'standbyStarts', 'standbyBootHoursSaved',
  'costBusy', 'costIdle', 'costReserved', 'costBoot', 'costRounding', 'costStandby', 'cost', 'costPerMonth',
] as const;

/** groups.csv: one row per group, the summary figures (hours, USD). */
export function groupsCsv(result: Result): string {
  return stringify(
    result.groups.map((g) => [
      g.machine, g.hotNodes, g.maxPoolSize, g.standbyNodes, g.pricePerHour, g.machineHours, g.busyHours, g.idleHours, g.reservedHours, g.bootHours,
      g.standbyHours, g.utilisation, g.peakNodes, g.meanQueue, g.peakQueue, g.scaleUps, g.nodesAdded, g.scaleDowns, g.nodesRemoved,
      g.blockedScaleUps, g.blockedBy.maxPool, g.blockedBy.accountCap, g.capacityBoundHours, g.standbyStarts, g.standbyBootHoursSaved,
      g.costByState.busy, g.costByState.idle, g.costByState.reserved, g.costByState.boot, g.costByState.rounding, g.costByState.standby, g.cost, perMonth(g.cost, result.horizonHours),
    ].map((v) => (typeof v === 'number' ? csvNumber(v) : v))),
    { header: true, columns: [...GROUP_COLUMNS] },
  );
}

const WORKLOAD_COLUMNS = [
  'name', 'kind', 'submitted', 'started', 'completed', 'abandoned', 'abandonedShare', 'unfinished', 'queuedAtEnd',
  'waitMean', 'waitP50', 'waitP90', 'waitP95', 'waitP99', 'waitMax', 'probWait', 'ranOn',
] as const;

/** workloads.csv: one row per job workload; waits in seconds; ranOn as "P5000:12 P4000:3". */
export function workloadsCsv(result: Result): string {
  return stringify(
    result.workloads.map((w) => [
      w.name, w.kind, w.jobs.submitted, w.jobs.started, w.jobs.completed, w.jobs.abandoned, w.jobs.abandonedShare, w.jobs.unfinished, w.jobs.queuedAtEnd,
      w.wait.mean, w.wait.p50, w.wait.p90, w.wait.p95, w.wait.p99, w.wait.max, w.wait.probWait,
      Object.entries(w.ranOn).map(([m, n]) => `${m}:${n}`).join(' '),
    ].map((v) => (typeof v === 'number' ? csvNumber(v) : v))),
    { header: true, columns: [...WORKLOAD_COLUMNS] },
  );
}
