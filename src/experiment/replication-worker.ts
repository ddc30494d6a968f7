import type { Result } from '../metrics/result.js';
import { loadPolicyModule } from '../policies/policy-module.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulate } from '../simulate.js';

/** One run: a scenario (plain data) and which replication. */
export interface ReplicationTask {
  scenario: Scenario;
  replication: number;
}

/** What a worker gets at once: one scenario and several of its replications (so the scenario crosses threads once). */
export interface ReplicationBatch {
  scenario: Scenario;
  replications: number[];
}

/** Runs a batch in a worker thread; loads the policy module first when there is one. */
export default async function runBatch(batch: ReplicationBatch): Promise<Result[]> {
  if ('module' in batch.scenario.policy) await loadPolicyModule(batch.scenario.policy.module);
  return batch.replications.map((replication) => simulate(batch.scenario, { replication }));
}
