/** One group's state at an instant, for `explain`. */
export interface GroupSnapshot {
  machine: string;
  hotNodes: number;
  maxPoolSize: number;
  booting: number;
  idle: number;
  reserved: number;
  busy: number;
  standby: number;
  standbyNodes: number;
  queuedJobs: number;
  nodesWanted: number;
  /** Seconds the head of the queue has waited (0 when empty). */
  oldestWait: number;
  /** Idle nodes, longest idle first. */
  idleNodes: { id: number; idleSeconds: number }[];
  /** Seconds since the group last scaled down (Infinity if never). */
  sinceScaleDown: number;
}

/** The cluster at an instant (after everything that happened at it). */
export interface Snapshot {
  time: number;
  clusterNodes: number;
  machineCap: number | null;
  /** Seconds since the last scale-up in any group (Infinity if none). */
  sinceScaleUp: number;
  groups: GroupSnapshot[];
}
