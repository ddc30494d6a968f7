import type { Limit as PolicyLimit } from '../policies/policy.js';

/** The limit that cut a scale-up short. */
export type Limit = Extract<PolicyLimit, 'max-pool' | 'account-cap'>;

/**
 * What happened in a run, for tracing and explanation. Emitted only when a
 * listener is given, so a run without one allocates nothing per event.
 */
export type SimEvent =
  | { time: number; type: 'arrive'; group: string; workload: string; job: number; nodes: number }
  | { time: number; type: 'start'; group: string; workload: string; job: number; wait: number }
  | { time: number; type: 'finish'; group: string; workload: string; job: number }
  | { time: number; type: 'abandon'; group: string; workload: string; job: number; waited: number }
  | { time: number; type: 'replicas'; workload: string; from: number; to: number }
  | { time: number; type: 'scale-up'; group: string; count: number }
  | { time: number; type: 'blocked'; group: string; wanted: number; granted: number; limit: Limit }
  | { time: number; type: 'ready'; group: string; node: number }
  | { time: number; type: 'scale-down'; group: string; count: number };
