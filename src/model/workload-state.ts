import { WaitStats } from '../metrics/wait-stats.js';
import { sampler } from '../random/distributions.js';
import { randomStream } from '../random/stream.js';
import type { ReplicaAutoscaling, Scenario, Workload, WorkloadKind } from '../scenario/scenario.js';
import type { LocalClock } from '../time/local-clock.js';
import { arrivalProcess, type ArrivalProcess } from '../workload/arrival-process.js';
import { burstTimes } from '../workload/bursts.js';
import { weeklyWeights } from '../workload/profiles.js';

/** Replicas of a deployment and their time-weighted figures. */
export interface DeploymentState {
  fixed: number | null;
  auto: ReplicaAutoscaling | null;
  /** Request-rate weight per local hour of week, for `auto` with a profile. */
  weights: Float64Array | null;
  /** The replica target now. */
  desired: number;
  running: number;
  /** Replica jobs, queued or running, oldest first. */
  replicas: number[];
  lastChange: number;
  lastTouch: number;
  runningSeconds: number;
  desiredSeconds: number;
  pendingSeconds: number;
  underSeconds: number;
  peak: number;
  changes: number;
}

/** A trace's jobs on the simulated clock, and the next one to submit. */
export interface TraceCursor {
  submit: number[];
  duration: number[];
  group: Int32Array;
  nodes: number[];
  cursor: number;
  /** Rows before the warm-up or at or after the horizon. */
  outside: number;
}

/** Everything a run keeps per workload: where its jobs come from, and its figures. */
export interface WorkloadState {
  name: string;
  kind: WorkloadKind;
  /** Acceptable groups, most preferred first (synthetic workloads and deployments). */
  groups: Int32Array;
  nodes: number;
  process: ArrivalProcess | null;
  nextDuration: (() => number) | null;
  nextPatience: (() => number) | null;
  bursts: Float64Array;
  burstCursor: number;
  trace: TraceCursor | null;
  deployment: DeploymentState | null;
  submitted: number;
  started: number;
  completed: number;
  abandoned: number;
  /** Started jobs by group. */
  ranOn: Int32Array;
  wait: WaitStats;
}

/**
 * The run-time state of a workload. Every random draw comes from a stream
 * named after the workload and its purpose, so workloads never share draws.
 */
export function workloadState(w: Workload, s: Scenario, groupOf: ReadonlyMap<string, number>, clock: LocalClock, seedKey: number | string): WorkloadState {
  const stream = (purpose: string) => randomStream(seedKey, `workload:${w.name}/${purpose}`);
  const state: WorkloadState = {
    name: w.name,
    kind: w.kind,
    groups: new Int32Array(0),
    nodes: 1,
    process: null,
    nextDuration: null,
    nextPatience: w.patience ? sampler(w.patience, stream('patience')) : null,
    bursts: new Float64Array(0),
    burstCursor: 0,
    trace: null,
    deployment: null,
    submitted: 0,
    started: 0,
    completed: 0,
    abandoned: 0,
    ranOn: new Int32Array(s.groups.length),
    wait: new WaitStats(),
  };
  switch (w.type) {
    case 'trace':
      state.trace = {
        submit: w.jobs.submit,
        duration: w.jobs.duration,
        group: Int32Array.from(w.jobs.machine, (m) => groupOf.get(m) as number),
        nodes: w.jobs.nodes,
        cursor: 0,
        outside: 0,
      };
      break;
    case 'synthetic':
      state.groups = Int32Array.from(w.machines, (m) => groupOf.get(m) as number);
      state.nodes = w.nodes;
      state.process = arrivalProcess(w.arrivals, stream('arrivals'), clock);
      state.nextDuration = sampler(w.duration, stream('duration'));
      state.bursts = burstTimes(w.arrivals.bursts, clock, s.warmup > 0 ? -s.warmup : 0, s.horizon, stream('bursts'));
      break;
    case 'deployment': {
      state.groups = Int32Array.from(w.machines, (m) => groupOf.get(m) as number);
      state.nodes = w.nodes;
      const r = w.replicas;
      const auto = 'fixed' in r ? null : r;
      state.deployment = {
        fixed: 'fixed' in r ? r.fixed : null,
        auto,
        weights: auto?.profile ? weeklyWeights(auto.profile) : null,
        desired: 0,
        running: 0,
        replicas: [],
        lastChange: -Infinity,
        lastTouch: s.warmup > 0 ? -s.warmup : 0,
        runningSeconds: 0,
        desiredSeconds: 0,
        pendingSeconds: 0,
        underSeconds: 0,
        peak: 0,
        changes: 0,
      };
      break;
    }
  }
  return state;
}

/** The replica target of a deployment at simulated time `t`. */
export function replicaTarget(d: DeploymentState, hourOfWeek: number): number {
  if (d.fixed !== null) return d.fixed;
  const a = d.auto as ReplicaAutoscaling;
  const rate = a.requestRate * (d.weights ? d.weights[hourOfWeek] : 1);
  return Math.min(a.maxReplicas, Math.max(a.minReplicas, Math.ceil(rate / a.targetPerReplica - 1e-9)));
}
