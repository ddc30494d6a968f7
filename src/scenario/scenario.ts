import type { RegionName } from '../catalog/regions.js';
import type { Distribution } from '../random/distributions.js';
import type { Profile } from '../workload/profiles.js';

/**
 * A validated scenario in plain units: every time in seconds, every price in
 * USD per hour, every rate per second, every default filled in. JSON-serialisable.
 */
export interface Scenario {
  name: string;
  seed: number;
  /** Runs to make, each with its own random streams derived from (seed, i). */
  replications: number;
  /** Regression gates for `poolsim check`. */
  checks: Check[];
  /** Measured span, seconds. */
  horizon: number;
  /** Simulated before the measured span, seconds. */
  warmup: number;
  region: RegionName;
  /** IANA time zone of profiles and weekly slots (default: the region's). */
  timezone: string;
  /** Wall-clock time of t = 0, ISO 8601 UTC. */
  start: string;
  billing: {
    /** Each node's billed lifetime is rounded up to a multiple of this many seconds (0: exact). */
    granularity: number;
    /** Bill a node from its request (true) or from when it is ready (false). */
    bootBilled: boolean;
  };
  cluster: {
    /** Account-wide machine cap over all groups, booting included; null = unlimited. */
    machineCap: number | null;
    /** USD per 730-hour month, accrued pro rata. */
    monthlyFee: number;
  };
  autoscaler: {
    /** Seconds between scans; 0 = decide at every event. */
    scanInterval: number;
    scaleDownUnneededTime: number;
    scaleDownDelayAfterAdd: number;
  };
  /** The scaling policy. */
  policy: PolicySpec;
  groups: Group[];
  workloads: Workload[];
}

/**
 * A gate on one figure (a path such as `wait.p95`): absolute budgets `max`
 * and `min` in the figure's unit, and `tolerance`, the change allowed against
 * the baseline in the worse direction (a share of the baseline's value).
 */
export interface Check {
  metric: string;
  max?: number;
  min?: number;
  tolerance?: number;
  /** Which direction is worse (default higher: costs, waits, give-ups). */
  worse: 'higher' | 'lower';
}

/** A built-in policy with its parameters, or a module (an absolute path) exporting one. */
export type PolicySpec =
  | { builtin: string; params: Record<string, unknown> }
  | { module: string; params: Record<string, unknown> };

export interface Group {
  machine: string;
  hotNodes: number;
  maxPoolSize: number;
  /** USD per hour, after any catalog override. */
  pricePerHour: number;
  bootTime: Distribution;
  /** Stopped machines kept in a warm pool (not counted towards maxPoolSize or the cap). */
  standbyNodes: number;
  /** USD per hour of a machine in the warm pool (storage only). */
  standbyPricePerHour: number;
  /** Start-up time of a machine from the warm pool. */
  standbyBootTime: Distribution;
}

/** When a burst happens: once, at seconds from t = 0, or every week on some days at a local time. */
export type BurstTime = { once: number } | { weekly: { days: number[]; minuteOfDay: number } };

/** `count` extra arrivals spread at random over `over` seconds from each time the burst happens. */
export interface Burst {
  at: BurstTime;
  count: number;
  over: number;
}

export type Arrivals =
  | { process: 'poisson'; /** Average arrivals per second over a week. */ rate: number; profile: Profile | null; bursts: Burst[] }
  | { process: 'fixed'; /** Seconds between arrivals. */ interval: number; bursts: Burst[] }
  | { process: 'bursts'; bursts: Burst[] };

export type WorkloadKind = 'job' | 'notebook' | 'deployment';

interface WorkloadBase {
  name: string;
  kind: WorkloadKind;
  /** How long a queued job waits before it gives up; null = forever. */
  patience: Distribution | null;
}

export interface SyntheticWorkload extends WorkloadBase {
  type: 'synthetic';
  /** Acceptable machine types, most preferred first. */
  machines: string[];
  nodes: number;
  arrivals: Arrivals;
  duration: Distribution;
}

/** Recorded jobs, sorted by submit time (ties keep file order). */
export interface TraceJobs {
  submit: number[];
  duration: number[];
  machine: string[];
  nodes: number[];
}

export type TraceFormat = 'csv' | 'swf' | 'alibaba-gpu';

/** What became of a trace's rows. */
export interface TraceRows {
  /** Data rows read. */
  read: number;
  /** Replayed (some may still fall outside the simulated span). */
  used: number;
  /** Unreadable, skipped because of `skipBadRows`. */
  skipped: number;
  /** Excluded by the format's rules (e.g. pods that never ran, jobs with no machine mapping). */
  excluded: number;
  /** Outside the `window`. */
  outsideWindow: number;
}

export interface TraceWorkload extends WorkloadBase {
  type: 'trace';
  /** The trace file as written in the scenario. */
  trace: string;
  format: TraceFormat;
  jobs: TraceJobs;
  rows: TraceRows;
}

/** Replicas that follow a request rate: ceil(rate / targetPerReplica), within [minReplicas, maxReplicas]. */
export interface ReplicaAutoscaling {
  /** Average requests per second over a week, shaped by `profile`. */
  requestRate: number;
  profile: Profile | null;
  targetPerReplica: number;
  minReplicas: number;
  maxReplicas: number;
  /** Seconds between two changes of the replica count. */
  cooldown: number;
}

export interface DeploymentWorkload extends WorkloadBase {
  type: 'deployment';
  kind: 'deployment';
  machines: string[];
  /** Machines per replica. */
  nodes: number;
  replicas: { fixed: number } | ReplicaAutoscaling;
}

export type Workload = SyntheticWorkload | TraceWorkload | DeploymentWorkload;
