import type { Result } from './result.js';

/**
 * A Result's figures as a flat map from path to number: `cost.monthly`,
 * `wait.p95`, `jobs.abandonedShare`, `groups.P5000.utilisation`,
 * `workloads.notebooks.wait.p95`, `deployments.api.underProvisionedHours`,
 * ... The same paths name metrics in comparisons, sweeps and checks.
 */
export function figures(result: Result): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'number') out.set(prefix, value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    }
  };
  walk('jobs', result.jobs);
  walk('wait', result.wait);
  walk('cost', result.cost);
  out.set('meanQueue', result.meanQueue);
  walk('kinds', result.kinds);
  for (const g of result.groups) {
    const { machine, pricePerHour: _price, hotNodes: _hot, maxPoolSize: _max, standbyNodes: _standby, ...rest } = g;
    walk(`groups.${machine}`, rest);
  }
  for (const w of result.workloads) walk(`workloads.${w.name}`, { jobs: w.jobs, wait: w.wait, abandoned: w.jobs.abandonedShare });
  for (const d of result.deployments) {
    const { name, machines: _m, nodesPerReplica: _n, replicaWait, ...rest } = d;
    walk(`deployments.${name}`, { ...rest, replicaWait });
  }
  out.set('abandoned', result.jobs.abandonedShare);
  return out;
}
