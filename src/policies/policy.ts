/** Why a policy asks for a change: a fixed vocabulary, so decisions can be counted and compared. */
export const REASONS = ['pending-jobs', 'headroom', 'schedule', 'forecast', 'utilization', 'idle-timeout', 'custom'] as const;
export type Reason = (typeof REASONS)[number];

/** The limits the engine enforces, whatever a policy asks. */
export const LIMITS = ['max-pool', 'account-cap', 'delay-after-add', 'hot-nodes-floor', 'standby-empty', 'not-idle'] as const;
export type Limit = (typeof LIMITS)[number];

/** An idle node a policy may ask to remove. */
export interface IdleNode {
  readonly id: number;
  /** When it became idle, simulated seconds. */
  readonly since: number;
}

/** Arrivals seen recently, for forecasting. */
export interface RecentArrivals {
  /** Arrivals in the last hour. */
  readonly lastHour: number;
  /** Exponentially weighted arrival rate, per hour (half-life 15 minutes). */
  readonly ewmaPerHour: number;
  /** The rate the workload's own profile gives for this hour, per hour; null when unknown (traces, bursts). */
  readonly expectedPerHour: number | null;
}

/** One group as a policy sees it. */
export interface GroupView {
  readonly machine: string;
  readonly hotNodes: number;
  readonly maxPoolSize: number;
  /** Size of the warm pool (stopped machines kept for fast starts). */
  readonly standbyNodes: number;
  readonly nodes: {
    readonly booting: number;
    readonly idle: number;
    /** Held by a queued multi-node job that waits for the rest. */
    readonly reserved: number;
    readonly busy: number;
    /** Stopped, in the warm pool. */
    readonly standby: number;
    /** booting + idle + reserved + busy: what counts towards maxPoolSize and the account cap. */
    readonly total: number;
  };
  /** Idle nodes, longest idle first. */
  readonly idleNodes: readonly IdleNode[];
  /** The k-th longest idle node (k = 0: the longest), without building the whole list; undefined past the last. */
  idleAt(k: number): IdleNode | undefined;
  readonly queue: {
    readonly jobs: number;
    /** Nodes the queued jobs still need beyond those they hold. */
    readonly nodesWanted: number;
    /** How long the head of the queue has waited, seconds (0 when empty). */
    readonly oldestWait: number;
  };
  /** Arrivals of all workloads on this group, and per workload. */
  readonly arrivals: RecentArrivals;
  readonly workloads: readonly (RecentArrivals & { readonly name: string })[];
  /** Mean boot time, cold and from the warm pool, seconds. */
  readonly bootTime: { readonly mean: number; readonly standbyMean: number };
  /** Seconds since this group last scaled down (Infinity if never). */
  readonly sinceScaleDown: number;
}

/** What a policy sees at a scan: a read-only snapshot. */
export interface PolicyView {
  /** Simulated seconds since t = 0 (negative during warm-up). */
  readonly now: number;
  /** Wall-clock time, milliseconds since the epoch. */
  readonly epochMs: number;
  /** Local time in the scenario's time zone. */
  readonly local: { readonly weekday: number; readonly hour: number; readonly minute: number; readonly hourOfWeek: number };
  readonly groups: readonly GroupView[];
  readonly cluster: {
    readonly machineCap: number | null;
    readonly nodes: number;
    /** Nodes that may still be added before the cap (Infinity without one). */
    readonly remaining: number;
  };
  /** Seconds since the last scale-up anywhere (Infinity if none). */
  readonly sinceScaleUp: number;
  /** Uniform random numbers in [0, 1), from a stream the engine keeps for the policy. */
  random(): number;
}

/** What a policy wants for one group. */
export interface GroupDecision {
  /** Nodes to add (whole number >= 0). */
  add?: number;
  /** Why it adds; default "custom". */
  reason?: Reason;
  /** Ids of idle nodes to remove. */
  remove?: readonly number[];
  /** Why it removes; default "custom". */
  removeReason?: Reason;
  /** Free text, kept with the decision records. */
  note?: string;
}

export interface PolicyDecision {
  /** By machine type; groups left out keep their nodes. */
  groups?: Readonly<Record<string, GroupDecision>>;
  /**
   * Ask to be called again at this simulated time even if nothing happens
   * meanwhile. Each decision replaces the previous one's request, so a policy
   * that wants a time must name it every time it is called.
   */
  wakeAt?: number;
}

/**
 * A scaling policy. `decide` is called at scans; it must not keep references
 * to the view, and should decide the same for the same view.
 */
export interface ScalingPolicy {
  readonly name: string;
  decide(view: PolicyView): PolicyDecision;
  /**
   * True when the policy's decisions change only when the pool changes or at
   * the `wakeAt` it returns; the engine then skips scans in between. Otherwise
   * it is called at every scan interval.
   */
  readonly eventDriven?: boolean;
}
