import type { DecisionRecord } from './metrics/decisions.js';
import type { Result } from './metrics/result.js';
import { Timeline, timelineInterval } from './metrics/timeline.js';
import { ClusterModel } from './model/cluster-model.js';
import type { SimEvent } from './model/sim-event.js';
import type { Snapshot } from './model/snapshot.js';
import { createPolicy, policyName } from './policies/policy-module.js';
import type { ScalingPolicy } from './policies/policy.js';
import type { Scenario } from './scenario/scenario.js';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Runs this policy instead of the scenario's. */
  policy?: ScalingPolicy;
  /** Receives every arrival, start, finish and scaling action, in order (slower; for tracing). */
  onEvent?: (event: SimEvent) => void;
  /** Receives every scaling decision, made or cut short, with its reason. */
  onDecision?: (record: DecisionRecord) => void;
  /** Receives the cluster's state at `snapshotAt` (simulated seconds), after everything that happened at that instant. */
  snapshotAt?: number;
  onSnapshot?: (snapshot: Snapshot) => void;
  /** Called a hundred times during the run with the share of simulated time done and the events so far. */
  onProgress?: (done: number, events: number) => void;
  /** Which replication to run (default 0): replication i draws from streams derived from (seed, i). */
  replication?: number;
}

function model(scenario: Scenario, options: SimulateOptions, timeline?: Timeline): ClusterModel {
  const run = options.seed === undefined ? scenario : { ...scenario, seed: options.seed };
  const policy = options.policy ?? createPolicy(run.policy, run);
  return new ClusterModel(run, {
    policy,
    policySource: options.policy ? options.policy.name : policyName(run.policy),
    onEvent: options.onEvent,
    onDecision: options.onDecision,
    snapshotAt: options.snapshotAt,
    onSnapshot: options.onSnapshot,
    onProgress: options.onProgress,
    replication: options.replication,
    timeline,
  });
}

/**
 * Runs one simulation of a scenario (from `loadScenario`) and returns its
 * figures. The same scenario and seed always give the same Result, but for
 * `engine.wallSeconds`. A policy that breaks its contract throws a `PolicyError`.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Result {
  return model(scenario, options).run();
}

/** One job's life, for jobs.csv. */
export interface JobRow {
  workload: string;
  machine: string;
  nodes: number;
  submit: number;
  /** NaN when it never started. */
  start: number;
  /** NaN when it did not end within the horizon (or gave up: see outcome). */
  end: number;
  outcome: 'completed' | 'abandoned' | 'running' | 'queued';
}

export interface DetailedOptions extends SimulateOptions {
  /** Timeline interval, seconds (default: the finest that keeps it under about 100,000 rows). */
  interval?: number;
  /** Keep one row per job submitted in the measured span (memory grows with the run). */
  jobs?: boolean;
}

/** A run with everything a report shows: the Result, its decisions, a timeline, wait distributions, optionally every job. */
export interface DetailedRun {
  scenario: Scenario;
  result: Result;
  decisions: DecisionRecord[];
  timeline: Timeline;
  /** Per job workload (Result order): the wait at each of `WAIT_CDF_QUANTILES`. */
  waitCdf: { workload: string; waits: number[] }[];
  jobs: JobRow[] | null;
}

/** The quantiles at which wait distributions are drawn: 0, 0.005, ..., 1. */
export const WAIT_CDF_QUANTILES = Array.from({ length: 201 }, (_, i) => i / 200);

/** `simulate`, keeping what a report needs besides the Result. */
export function simulateDetailed(scenario: Scenario, options: DetailedOptions = {}): DetailedRun {
  const decisions: DecisionRecord[] = [];
  const interval = options.interval ?? timelineInterval(scenario.horizon, scenario.groups.length);
  const timeline = new Timeline(interval, scenario.horizon, scenario.groups.length);
  const jobs: JobRow[] | null = options.jobs ? [] : null;
  const open = new Map<number, JobRow>();
  const onEvent = (e: SimEvent) => {
    options.onEvent?.(e);
    if (!jobs) return;
    if (e.type === 'arrive' && e.time >= 0) {
      const row: JobRow = { workload: e.workload, machine: e.group, nodes: e.nodes, submit: e.time, start: NaN, end: NaN, outcome: 'queued' };
      open.set(e.job, row);
      jobs.push(row);
    } else if (e.type === 'start' || e.type === 'finish' || e.type === 'abandon') {
      const row = open.get(e.job);
      if (!row) return;
      if (e.type === 'start') {
        row.start = e.time;
        row.outcome = 'running';
      } else {
        if (e.type === 'finish') row.end = e.time;
        row.outcome = e.type === 'finish' ? 'completed' : 'abandoned';
        open.delete(e.job);
      }
    }
  };
  const m = model(scenario, { ...options, onEvent: jobs || options.onEvent ? onEvent : undefined, onDecision: (d) => (decisions.push(d), options.onDecision?.(d)) }, timeline);
  const result = m.run();
  const quantiles = m.waitQuantiles(WAIT_CDF_QUANTILES);
  return {
    scenario,
    result,
    decisions,
    timeline,
    waitCdf: result.workloads.map((w, i) => ({ workload: w.name, waits: quantiles[i] })),
    jobs,
  };
}
