import type { DecisionRecord } from './metrics/decisions.js';
import type { Result } from './metrics/result.js';
import { ClusterModel } from './model/cluster-model.js';
import type { SimEvent } from './model/sim-event.js';
import type { Snapshot } from './model/snapshot.js';
import { createPolicy, policyName } from './policies/policy-module.js';
import type { ScalingPolicy } from './policies/policy.js';
import type { Scenario } from './scenario/scenario.js';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Runs this policy instead of the scenario's. */
  policy?: ScalingPolicy;
  /** Receives every arrival, start, finish and scaling action, in order (slower; for tracing). */
  onEvent?: (event: SimEvent) => void;
  /** Receives every scaling decision, made or cut short, with its reason. */
  onDecision?: (record: DecisionRecord) => void;
  /** Receives the cluster's state at `snapshotAt` (simulated seconds), after everything that happened at that instant. */
  snapshotAt?: number;
  onSnapshot?: (snapshot: Snapshot) => void;
}

/**
 * Runs one simulation of a scenario (from `loadScenario`) and returns its
 * figures. The same scenario and seed always give the same Result, but for
 * `engine.wallSeconds`. A policy that breaks its contract throws a `PolicyError`.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Result {
  const run = options.seed === undefined ? scenario : { ...scenario, seed: options.seed };
  const policy = options.policy ?? createPolicy(run.policy, run);
  const model = new ClusterModel(run, {
    policy,
    policySource: options.policy ? options.policy.name : policyName(run.policy),
    onEvent: options.onEvent,
    onDecision: options.onDecision,
    snapshotAt: options.snapshotAt,
    onSnapshot: options.onSnapshot,
  });
  return model.run();
}
