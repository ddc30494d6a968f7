import type { RegionName } from '../catalog/regions.js';
import type { Distribution } from '../random/distributions.js';

/**
 * A validated scenario in plain units: every time in seconds, every price in
 * USD per hour, every default filled in. JSON-serialisable.
 */
export interface Scenario {
  name: string;
  seed: number;
  /** Measured span, seconds. */
  horizon: number;
  /** Simulated before the measured span, seconds. */
  warmup: number;
  region: RegionName;
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
  groups: Group[];
  workloads: Workload[];
}

export interface Group {
  machine: string;
  hotNodes: number;
  maxPoolSize: number;
  /** USD per hour, after any catalog override. */
  pricePerHour: number;
  bootTime: Distribution;
}

export type Arrivals =
  | { process: 'poisson'; /** Arrivals per second. */ rate: number }
  | { process: 'fixed'; /** Seconds between arrivals. */ interval: number };

export interface SyntheticWorkload {
  type: 'synthetic';
  name: string;
  machine: string;
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

export interface TraceWorkload {
  type: 'trace';
  name: string;
  /** The trace file as written in the scenario. */
  trace: string;
  jobs: TraceJobs;
}

export type Workload = SyntheticWorkload | TraceWorkload;
