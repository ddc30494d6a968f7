import type { DecisionSummary } from './decisions.js';

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
  /** Left the queue after waiting longer than their patience; never started. */
  abandoned: number;
  /** abandoned / submitted. */
  abandonedShare: number;
  /** Submitted, neither completed nor abandoned by the end of the horizon (queued or running). */
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
  /** Hours during which jobs were queued while the pool was at its max or the account cap was reached: the sign of a limit set too tight. */
  capacityBoundHours: number;
  /** Warm pool: its size, machine-hours stopped in it, starts from it, and boot time it saved (estimate: the mean cold boot minus each warm start). */
  standbyNodes: number;
  standbyHours: number;
  standbyStarts: number;
  standbyBootHoursSaved: number;
  /** USD in the measured span. */
  cost: number;
  costByState: { busy: number; idle: number; reserved: number; boot: number; rounding: number; standby: number };
}

export interface WorkloadResult {
  name: string;
  kind: 'job' | 'notebook';
  jobs: JobCounts;
  wait: WaitSummary;
  /** Jobs started in the measured span, by the machine type they ran on. */
  ranOn: Record<string, number>;
  /** For a replayed trace: what became of its rows. */
  trace?: {
    file: string;
    format: string;
    /** Data rows in the file (counted on the file's first workload when a `workload` column splits it). */
    read: number;
    /** Jobs replayed as this workload. */
    used: number;
    /** Bad rows skipped (skipBadRows). */
    skipped: number;
    /** Left out by the format's rules (never ran, no machine mapping). */
    excluded: number;
    outsideWindow: number;
    /** Replayed rows submitted before the warm-up or at or after the horizon: not run. */
    outsideSpan: number;
  };
}

/** Jobs and waits of all workloads of one kind. */
export interface KindResult {
  jobs: JobCounts;
  wait: WaitSummary;
}

export interface DeploymentResult {
  name: string;
  machines: string[];
  nodesPerReplica: number;
  /** Time-average replicas running, and wanted (the replica target). */
  meanReplicas: number;
  meanDesired: number;
  peakReplicas: number;
  /** Replica-hours running, wanted, and wanted but not running (pending). */
  replicaHours: number;
  desiredReplicaHours: number;
  pendingReplicaHours: number;
  /** Hours during which fewer replicas ran than were wanted. */
  underProvisionedHours: number;
  /** Changes of the replica target. */
  targetChanges: number;
  /** How long replicas waited for a machine. */
  replicaWait: WaitSummary;
}

export interface Result {
  scenario: string;
  seed: number;
  /** Which replication (0 for a single run): replication i draws from streams derived from (seed, i). */
  replication: number;
  /** The scaling policy: a built-in name or the module's path. */
  policy: string;
  region: string;
  start: string;
  horizonHours: number;
  warmupHours: number;
  /** Jobs and notebooks of all workloads (deployments are reported on their own). */
  jobs: JobCounts;
  wait: WaitSummary;
  kinds: { job?: KindResult; notebook?: KindResult };
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
  deployments: DeploymentResult[];
  /** Scaling decisions in the measured span, by action, reason and limit. */
  decisions: DecisionSummary;
  engine: { events: number; wallSeconds: number };
}
