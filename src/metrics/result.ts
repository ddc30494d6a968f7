/** Waiting time from submission to start, seconds, over jobs submitted in the measured span that started. */
export interface WaitSummary {
  /** Jobs the figures are over. */
  jobs: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  /** Share of those jobs that waited more than zero. */
  probWait: number;
}

export interface JobCounts {
  /** Submitted in the measured span [0, horizon). */
  submitted: number;
  started: number;
  completed: number;
  /** Submitted, not completed by the end of the horizon (queued or running). */
  unfinished: number;
  /** Of the unfinished, those never started: their waits are not in `wait`. */
  queuedAtEnd: number;
}

export interface GroupResult {
  machine: string;
  hotNodes: number;
  maxPoolSize: number;
  pricePerHour: number;
  /** Node-hours in the measured span by state; machineHours is their sum. */
  machineHours: number;
  busyHours: number;
  idleHours: number;
  /** Held by a multi-node job while it waits for the rest of its nodes. */
  reservedHours: number;
  bootHours: number;
  /** busyHours / machineHours. */
  utilisation: number;
  peakNodes: number;
  /** Time-average and peak number of jobs queued. */
  meanQueue: number;
  peakQueue: number;
  /** Scale-up decisions in the measured span and the nodes they requested. */
  scaleUps: number;
  nodesAdded: number;
  /** Scale-down decisions in the measured span and the nodes they removed. */
  scaleDowns: number;
  nodesRemoved: number;
  /** Times a scale-up became cut short by a limit (an episode lasts until a scan is no longer cut short). */
  blockedScaleUps: number;
  blockedBy: { maxPool: number; accountCap: number };
  /** USD in the measured span. */
  cost: number;
  costByState: { busy: number; idle: number; reserved: number; boot: number; rounding: number };
}

export interface WorkloadResult {
  name: string;
  jobs: JobCounts;
  wait: WaitSummary;
  /** Trace rows outside the simulated span [-warmup, horizon), not simulated. */
  outsideSpan?: number;
}

export interface Result {
  scenario: string;
  seed: number;
  region: string;
  start: string;
  horizonHours: number;
  warmupHours: number;
  jobs: JobCounts;
  wait: WaitSummary;
  /** Time-average number of jobs queued, all groups. */
  meanQueue: number;
  cost: {
    /** USD over the measured span. */
    total: number;
    /** total per measured hour x 730. */
    monthly: number;
    clusterFee: number;
    /** Paid for nodes idle or reserved. */
    idle: number;
    byGroup: Record<string, number>;
  };
  groups: GroupResult[];
  workloads: WorkloadResult[];
  engine: { events: number; wallSeconds: number };
}
