/**
 * What a scaling policy sees at a scan: a read-only snapshot of the pool.
 * Arrays are indexed by group, in the scenario's order.
 */
export interface PoolView {
  /** Simulated seconds since t = 0 (negative during warm-up). */
  readonly now: number;
  readonly groups: number;
  readonly machine: readonly string[];
  readonly hotNodes: readonly number[];
  readonly maxPoolSize: readonly number[];
  readonly booting: readonly number[];
  /** Ready, not held by any job. */
  readonly idle: readonly number[];
  /** Held by a queued multi-node job that waits for the rest. */
  readonly reserved: readonly number[];
  readonly busy: readonly number[];
  /** Queued jobs, and the nodes they still want beyond those they hold. */
  readonly queuedJobs: readonly number[];
  readonly wantedNodes: readonly number[];
  /** How many idle nodes of `group` became idle at or before time `t`. */
  idleCountSince(group: number, t: number): number;
  /** When the k-th longest-idle node of `group` became idle (k = 0: the longest); Infinity past the last. */
  idleSinceAt(group: number, k: number): number;
}

/** What a policy wants, per group; the engine applies the limits. */
export interface Decision {
  /** Nodes to request. */
  add: number[];
  /** Idle nodes to remove, longest idle first. */
  remove: number[];
  /**
   * The earliest time the policy wants to be asked again if nothing happens
   * meanwhile (Infinity: only when the pool changes).
   */
  wakeAt: number;
}

export interface ScalingPolicy {
  readonly name: string;
  decide(view: PoolView, decision: Decision): void;
}
