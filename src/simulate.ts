import type { Result } from './metrics/result.js';
import { ClusterModel } from './model/cluster-model.js';
import type { SimEvent } from './model/sim-event.js';
import { reactivePolicy } from './policies/reactive.js';
import type { Scenario } from './scenario/scenario.js';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Receives every arrival, start, finish and scaling action, in order (slower; for tracing). */
  onEvent?: (event: SimEvent) => void;
}

/**
 * Runs one simulation of a scenario (from `loadScenario`) and returns its
 * figures. The same scenario and seed always give the same Result, but for
 * `engine.wallSeconds`.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Result {
  const run = options.seed === undefined ? scenario : { ...scenario, seed: options.seed };
  const model = new ClusterModel(run, {
    policy: reactivePolicy({ scaleDownUnneededTime: run.autoscaler.scaleDownUnneededTime }),
    onEvent: options.onEvent,
  });
  return model.run();
}
