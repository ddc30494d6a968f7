import { loadPolicyModule } from '../policies/policy-module.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulate } from '../simulate.js';
import type { Result } from '../metrics/result.js';

/** One task of the worker pool: a scenario (plain data) and a replication. */
export interface ReplicationTask {
  scenario: Scenario;
  replication: number;
}

/** Runs one replication in a worker thread; loads the policy module first when there is one. */
export default async function runTask(task: ReplicationTask): Promise<Result> {
  if ('module' in task.scenario.policy) await loadPolicyModule(task.scenario.policy.module);
  return simulate(task.scenario, { replication: task.replication });
}
