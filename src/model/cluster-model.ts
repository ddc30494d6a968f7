import { Kernel } from '../engine/kernel.js';
import type { DeploymentResult, GroupResult, JobCounts, KindResult, Result, WaitSummary, WorkloadResult } from '../metrics/result.js';
import { WaitStats } from '../metrics/wait-stats.js';
import type { DecisionRecord, DecisionSummary } from '../metrics/decisions.js';
import type { Timeline } from '../metrics/timeline.js';
import { emptyDecisionSummary } from '../metrics/decisions.js';
import { PolicyError } from '../policies/policy-module.js';
import { checkDecision, type CheckedDecision } from '../policies/check-decision.js';
import { type GroupView, type Limit as PolicyLimit, type PolicyView, type Reason, type ScalingPolicy } from '../policies/policy.js';
import { cappedMean, sampler } from '../random/distributions.js';
import { randomStream } from '../random/stream.js';
import type { Scenario } from '../scenario/scenario.js';
import { LocalClock, hourOfWeekAt } from '../time/local-clock.js';
import { weeklyWeights } from '../workload/profiles.js';
import { ArrivalTracker } from './arrival-tracker.js';
import { IntDeque } from './int-deque.js';
import type { Limit, SimEvent } from './sim-event.js';
import type { Snapshot } from './snapshot.js';
import { replicaTarget, workloadState, type DeploymentState, type WorkloadState } from './workload-state.js';

// Event kinds; the same number is their priority at equal times: jobs finish and
// nodes become ready before replica targets change and new jobs arrive, a job
// gives up only after all that, and a scan sees all of an instant.
const FINISH = 0;
const READY = 1;
const DEPLOY = 2;
const ARRIVAL = 3;
const BURST = 4;
const ABANDON = 5;
const SCAN = 6;
const SNAPSHOT = 7;

// Node states; counts and node-seconds are kept per group and state.
const BOOTING = 0;
const IDLE = 1;
const RESERVED = 2;
const BUSY = 3;
/** Stopped in the warm pool: billed at the storage price, not counted in the pool. */
const STANDBY = 4;
const STATES = 5;
/** A removed node's slot, until it is reused. */
const GONE = 255;

const NO_LIMIT = 0;
const MAX_POOL = 1;
const ACCOUNT_CAP = 2;
const LIMIT_NAMES: Limit[] = ['max-pool', 'max-pool', 'account-cap'];

const MONTH_HOURS = 730;

export interface ModelOptions {
  policy: ScalingPolicy;
  /** The policy's name in error messages (a built-in name or the module's path). */
  policySource: string;
  onEvent?: (event: SimEvent) => void;
  onDecision?: (record: DecisionRecord) => void;
  /** Receives the cluster's state at `snapshotAt` (simulated seconds), after everything that happened at that instant. */
  snapshotAt?: number;
  onSnapshot?: (snapshot: Snapshot) => void;
  /** Fill this timeline of the measured span as the run goes. */
  timeline?: Timeline;
  /** Called a hundred times during the run with the share of simulated time done and the events so far. */
  onProgress?: (done: number, events: number) => void;
  /** Which replication this run is (0 by default): each draws from its own random streams. */
  replication?: number;
}

/**
 * One run of a scenario: the cluster's groups, nodes and queues driven by the
 * event kernel, with metrics accumulated as they happen (no per-job arrays).
 * Nodes and jobs live in parallel typed arrays with free lists, so a run's
 * memory is bounded by the jobs and nodes alive at once.
 */
export class ClusterModel {
  private readonly kernel: Kernel;
  private readonly horizon: number;
  private readonly replication: number;
  private readonly warmup: number;
  /** When the simulation starts: the beginning of the warm-up (never -0). */
  private readonly t0: number;
  private readonly policy: ScalingPolicy;
  private readonly onEvent: ((event: SimEvent) => void) | undefined;
  private readonly scanInterval: number;
  private readonly delayAfterAdd: number;
  private readonly bootBilled: boolean;
  private readonly granularity: number;
  private readonly cap: number;

  // Groups.
  private readonly G: number;
  private readonly machine: string[];
  private readonly hot: Int32Array;
  private readonly max: Int32Array;
  private readonly pricePerSecond: Float64Array;
  private readonly nextBoot: (() => number)[];
  private readonly count: Int32Array;
  private readonly total: Int32Array;
  private readonly area: Float64Array;
  private readonly queueArea: Float64Array;
  private readonly lastTouch: Float64Array;
  private readonly peakNodes: Int32Array;
  private readonly peakQueue: Int32Array;
  private readonly roundingSeconds: Float64Array;
  private readonly idle: IntDeque[];
  private readonly queue: IntDeque[];
  private readonly wanted: Int32Array;
  private readonly blocked: Uint8Array;
  private readonly scaleUps: Int32Array;
  private readonly nodesAdded: Int32Array;
  private readonly scaleDowns: Int32Array;
  private readonly nodesRemoved: Int32Array;
  private readonly blockedEpisodes: Int32Array;
  private readonly blockedByPool: Int32Array;
  private readonly blockedByCap: Int32Array;
  private clusterTotal = 0;
  /** No policy can change any group: every pool is pinned at hot = max. */
  private readonly frozen: boolean;

  // Warm pools and decisions.
  private readonly standbyCap: Int32Array;
  private readonly standbyPricePerSecond: Float64Array;
  private readonly nextStandbyBoot: (() => number)[];
  private readonly coldBootMean: Float64Array;
  private readonly standbyBootMean: Float64Array;
  private readonly standbyWakes: Int32Array;
  private readonly standbySavedSeconds: Float64Array;
  private readonly capacityBoundSeconds: Float64Array;
  private readonly lastScaleDown: Float64Array;
  private readonly lastCut: string[];
  private readonly decisions: DecisionSummary = emptyDecisionSummary();
  private readonly onDecision: ((record: DecisionRecord) => void) | undefined;
  private readonly onSnapshot: ((snapshot: Snapshot) => void) | undefined;
  private readonly snapshotAt: number | undefined;
  private readonly timeline: Timeline | undefined;
  private readonly onProgress: ((done: number, events: number) => void) | undefined;
  private readonly policySource: string;
  private readonly policyRandom: () => number;

  // Recent arrivals, kept for policies (not for a frozen pool).
  private readonly trackArrivals: boolean;
  private readonly groupArrivals: ArrivalTracker[];
  private readonly workloadArrivals: ArrivalTracker[];
  /** Per workload: arrivals per second by local hour of week, from its own process; null when unknown. */
  private readonly expectedRates: (Float64Array | null)[];
  /** Per group: the workloads whose first choice it is, and whether a trace also submits to it. */
  private readonly groupWorkloads: number[][];
  private readonly traceGroups: Set<number>;

  // Nodes: parallel arrays indexed by node id, recycled through a free list.
  private nodeGroup = new Int32Array(64);
  private nodeState = new Uint8Array(64);
  private nodeSince = new Float64Array(64);
  private nodeBillStart = new Float64Array(64);
  private nodeNext = new Int32Array(64);
  private nodeCount = 0;
  private readonly freeNodes: number[] = [];

  // Jobs: parallel arrays indexed by job id, recycled through a free list.
  private jobWorkload = new Int32Array(64);
  private jobGroup = new Int32Array(64);
  private jobNodes = new Int32Array(64);
  private jobHeld = new Int32Array(64);
  private jobFirstNode = new Int32Array(64);
  private jobSubmit = new Float64Array(64);
  private jobDuration = new Float64Array(64);
  /** Pending abandonment event of a queued job with patience, or -1. */
  private jobAbandonEvent = new Float64Array(64);
  private jobCount = 0;
  private readonly freeJobs: number[] = [];

  private readonly workloads: WorkloadState[];
  private readonly clock: LocalClock;

  // Scans.
  private scanAt = Infinity;
  private scanId = -1;
  private inScan = false;
  private lastScaleUp = -Infinity;
  private readonly view: PolicyView;
  /** The last decision, checked; reused from scan to scan. */
  private readonly checked: CheckedDecision;
  private local: PolicyView['local'] = { weekday: 0, hour: 0, minute: 0, hourOfWeek: 0 };
  private localAt = NaN;

  constructor(
    private readonly scenario: Scenario,
    options: ModelOptions,
  ) {
    const s = scenario;
    // Replication i draws from streams of its own; replication 0 is the plain run (common random numbers across settings).
    const seedKey = options.replication ? `${s.seed}#${options.replication}` : s.seed;
    this.replication = options.replication ?? 0;
    this.horizon = s.horizon;
    this.warmup = s.warmup;
    this.t0 = s.warmup > 0 ? -s.warmup : 0;
    this.kernel = new Kernel(this.t0);
    this.policy = options.policy;
    this.onEvent = options.onEvent;
    this.scanInterval = s.autoscaler.scanInterval;
    this.delayAfterAdd = s.autoscaler.scaleDownDelayAfterAdd;
    this.bootBilled = s.billing.bootBilled;
    this.granularity = s.billing.granularity;
    this.cap = s.cluster.machineCap ?? Infinity;

    const G = (this.G = s.groups.length);
    this.machine = s.groups.map((g) => g.machine);
    this.hot = Int32Array.from(s.groups, (g) => g.hotNodes);
    this.max = Int32Array.from(s.groups, (g) => g.maxPoolSize);
    this.pricePerSecond = Float64Array.from(s.groups, (g) => g.pricePerHour / 3600);
    this.nextBoot = s.groups.map((g) => sampler(g.bootTime, randomStream(seedKey, `group:${g.machine}/boot`)));
    this.count = new Int32Array(G * STATES);
    this.total = new Int32Array(G);
    this.area = new Float64Array(G * STATES);
    this.queueArea = new Float64Array(G);
    this.lastTouch = new Float64Array(G).fill(this.t0);
    this.peakNodes = new Int32Array(G);
    this.peakQueue = new Int32Array(G);
    this.roundingSeconds = new Float64Array(G);
    this.idle = s.groups.map(() => new IntDeque());
    this.queue = s.groups.map(() => new IntDeque());
    this.wanted = new Int32Array(G);
    this.blocked = new Uint8Array(G);
    this.scaleUps = new Int32Array(G);
    this.nodesAdded = new Int32Array(G);
    this.scaleDowns = new Int32Array(G);
    this.nodesRemoved = new Int32Array(G);
    this.blockedEpisodes = new Int32Array(G);
    this.blockedByPool = new Int32Array(G);
    this.blockedByCap = new Int32Array(G);
    this.frozen = s.groups.every((g) => g.hotNodes === g.maxPoolSize);
    this.standbyCap = Int32Array.from(s.groups, (g) => g.standbyNodes);
    this.standbyPricePerSecond = Float64Array.from(s.groups, (g) => g.standbyPricePerHour / 3600);
    this.nextStandbyBoot = s.groups.map((g) => sampler(g.standbyBootTime, randomStream(seedKey, `group:${g.machine}/standby-boot`)));
    this.coldBootMean = Float64Array.from(s.groups, (g) => cappedMean(g.bootTime));
    this.standbyBootMean = Float64Array.from(s.groups, (g) => cappedMean(g.standbyBootTime));
    this.standbyWakes = new Int32Array(G);
    this.standbySavedSeconds = new Float64Array(G);
    this.capacityBoundSeconds = new Float64Array(G);
    this.lastScaleDown = new Float64Array(G).fill(-Infinity);
    this.lastCut = new Array<string>(G).fill('');
    this.onDecision = options.onDecision;
    this.onSnapshot = options.onSnapshot;
    this.snapshotAt = options.snapshotAt;
    this.timeline = options.timeline;
    this.onProgress = options.onProgress;
    this.policySource = options.policySource;
    this.policyRandom = randomStream(seedKey, `policy:${options.policy.name}`);

    const groupOf = new Map(s.groups.map((g, i) => [g.machine, i]));
    this.clock = new LocalClock(s.timezone, s.start);
    this.workloads = s.workloads.map((w) => workloadState(w, s, groupOf, this.clock, seedKey));
    this.trackArrivals = !this.frozen;
    this.groupArrivals = s.groups.map(() => new ArrivalTracker());
    this.workloadArrivals = s.workloads.map(() => new ArrivalTracker());
    this.expectedRates = s.workloads.map((w) => {
      if (w.type !== 'synthetic' || w.arrivals.bursts.length > 0) return null;
      const a = w.arrivals;
      if (a.process === 'fixed') return new Float64Array(168).fill(1 / a.interval);
      if (a.process === 'poisson') return a.profile ? weeklyWeights(a.profile).map((x) => x * a.rate) : new Float64Array(168).fill(a.rate);
      return null;
    });
    this.groupWorkloads = s.groups.map((_, g) => this.workloads.flatMap((wl, w) => (wl.groups.length > 0 && wl.groups[0] === g ? [w] : [])));
    this.traceGroups = new Set<number>();
    for (const wl of this.workloads) if (wl.trace) for (const g of wl.trace.group) this.traceGroups.add(g);

    this.view = this.makeView();
    this.checked = {
      add: new Array<number>(G).fill(0),
      reason: new Array<Reason>(G).fill('custom'),
      remove: new Array<readonly number[] | null>(G).fill(null),
      removeReason: new Array<Reason>(G).fill('custom'),
      note: new Array<string | undefined>(G).fill(undefined),
      wakeAt: Infinity,
    };
  }

  /** Runs the scenario to its horizon and summarises it. */
  run(): Result {
    const started = performance.now();
    const t0 = this.t0;
    for (let g = 0; g < this.G; g++) {
      this.count[g * STATES + STANDBY] = this.standbyCap[g];
      for (let i = 0; i < this.hot[g]; i++) {
        const node = this.newNode(g, IDLE, t0);
        this.nodeBillStart[node] = t0;
        this.idle[g].pushBack(node);
      }
    }
    for (let w = 0; w < this.workloads.length; w++) {
      const wl = this.workloads[w];
      if (wl.trace) {
        const tr = wl.trace;
        while (tr.cursor < tr.submit.length && tr.submit[tr.cursor] < t0) {
          tr.cursor++;
          tr.outside++;
        }
        this.scheduleTraceRow(w);
      }
      if (wl.process) {
        const first = wl.process.first(t0);
        if (first < this.horizon) this.kernel.schedule(first, ARRIVAL, w, ARRIVAL);
      }
      if (wl.bursts.length > 0) this.kernel.schedule(wl.bursts[0], BURST, w, BURST);
      if (wl.deployment) this.kernel.schedule(t0, DEPLOY, w, DEPLOY);
    }
    // A first scan at the start: a policy may want nodes before anything happens.
    this.wake(t0);
    if (this.snapshotAt !== undefined && this.snapshotAt >= t0 && this.snapshotAt <= this.horizon) {
      this.kernel.schedule(this.snapshotAt, SNAPSHOT, 0, SNAPSHOT);
    }
    const handle = (kind: number, payload: number) => {
      switch (kind) {
        case FINISH:
          this.finish(payload);
          break;
        case READY:
          this.ready(payload);
          break;
        case ARRIVAL:
        case BURST:
          this.arrive(payload, kind);
          break;
        case DEPLOY:
          this.deploy(payload);
          break;
        case ABANDON:
          this.abandon(payload);
          break;
        case SCAN:
          this.scan();
          break;
        case SNAPSHOT:
          this.onSnapshot?.(this.snapshot());
          break;
      }
    };
    if (this.onProgress) {
      // In slices, so a long run can show how far it is.
      const slices = 100;
      for (let i = 1; i <= slices; i++) {
        this.kernel.run(t0 + ((this.horizon - t0) * i) / slices, handle);
        this.onProgress(i / slices, this.kernel.events);
      }
    } else {
      this.kernel.run(this.horizon, handle);
    }
    for (let g = 0; g < this.G; g++) this.touch(g);
    for (const wl of this.workloads) if (wl.deployment) this.touchDeployment(wl.deployment);
    return this.summarise((performance.now() - started) / 1000);
  }

  // ---- jobs -------------------------------------------------------------

  private arrive(w: number, source: number): void {
    const wl = this.workloads[w];
    const now = this.kernel.now;
    const tr = wl.trace;
    if (source === BURST) {
      const next = ++wl.burstCursor;
      if (next < wl.bursts.length) this.kernel.schedule(wl.bursts[next], BURST, w, BURST);
      this.submit(w, this.chooseGroup(wl), wl.nodes, (wl.nextDuration as () => number)());
    } else if (tr) {
      const row = tr.cursor++;
      this.scheduleTraceRow(w);
      this.submit(w, tr.group[row], tr.nodes[row], tr.duration[row]);
    } else {
      const duration = (wl.nextDuration as () => number)();
      const next = (wl.process as NonNullable<WorkloadState['process']>).next(now);
      if (next < this.horizon) this.kernel.schedule(next, ARRIVAL, w, ARRIVAL);
      this.submit(w, this.chooseGroup(wl), wl.nodes, duration);
    }
  }

  /**
   * The group a job of a workload with fallback types goes to: the first with
   * enough idle nodes and nobody queued; else the first that can grow enough
   * (room in the pool and the cap, plus booting nodes nobody waits for); else
   * the most preferred.
   */
  private chooseGroup(wl: WorkloadState): number {
    const groups = wl.groups;
    if (groups.length === 1) return groups[0];
    const n = wl.nodes;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (this.queue[g].length === 0 && this.idle[g].length >= n) return g;
    }
    const capRoom = this.cap - this.clusterTotal;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      const spareBooting = Math.max(0, this.count[g * STATES + BOOTING] - this.wanted[g]);
      if (Math.min(this.max[g] - this.total[g], capRoom) + spareBooting >= n) return g;
    }
    return groups[0];
  }

  /** A new job enters group `group`: it starts on idle nodes if it can, or queues. */
  private submit(w: number, group: number, nodes: number, duration: number): number {
    const wl = this.workloads[w];
    const now = this.kernel.now;
    const job = this.newJob(w, group, nodes, now, duration);
    if (now >= 0) wl.submitted++;
    if (this.trackArrivals && !wl.deployment) {
      this.groupArrivals[group].add(now);
      this.workloadArrivals[w].add(now);
    }
    if (this.onEvent) this.onEvent({ time: now, type: 'arrive', group: this.machine[group], workload: wl.name, job, nodes });

    const queue = this.queue[group];
    const idle = this.idle[group];
    this.touch(group);
    if (queue.length === 0 && idle.length >= nodes) {
      // Take the most recently freed nodes, so the longest idle can time out.
      for (let i = 0; i < nodes; i++) this.hold(job, idle.popBack(), BUSY);
      this.start(job);
    } else {
      queue.pushBack(job);
      this.wanted[group] += nodes;
      if (queue.length === 1) {
        while (idle.length > 0) {
          this.hold(job, idle.popBack(), RESERVED);
          this.wanted[group]--;
        }
      }
      if (queue.length > this.peakQueue[group] && now >= 0) this.peakQueue[group] = queue.length;
      if (wl.nextPatience) this.jobAbandonEvent[job] = this.kernel.schedule(now + wl.nextPatience(), ABANDON, job, ABANDON);
    }
    this.wake();
    return job;
  }

  private scheduleTraceRow(w: number): void {
    const tr = this.workloads[w].trace as NonNullable<WorkloadState['trace']>;
    if (tr.cursor >= tr.submit.length) return;
    const at = tr.submit[tr.cursor];
    if (at < this.horizon) {
      this.kernel.schedule(at, ARRIVAL, w, ARRIVAL);
    } else {
      tr.outside += tr.submit.length - tr.cursor;
      tr.cursor = tr.submit.length;
    }
  }

  /** Links `node` to `job` in the given state (the node's group must already be touched). */
  private hold(job: number, node: number, state: number): void {
    const base = this.nodeGroup[node] * STATES;
    this.count[base + this.nodeState[node]]--;
    this.count[base + state]++;
    this.nodeState[node] = state;
    this.nodeNext[node] = this.jobFirstNode[job];
    this.jobFirstNode[job] = node;
    this.jobHeld[job]++;
  }

  /** Starts a job that holds all its nodes. */
  private start(job: number): void {
    const now = this.kernel.now;
    const base = this.jobGroup[job] * STATES;
    for (let node = this.jobFirstNode[job]; node >= 0; node = this.nodeNext[node]) {
      if (this.nodeState[node] !== BUSY) {
        this.count[base + this.nodeState[node]]--;
        this.count[base + BUSY]++;
        this.nodeState[node] = BUSY;
      }
    }
    const abandonEvent = this.jobAbandonEvent[job];
    if (abandonEvent >= 0) {
      this.kernel.cancel(abandonEvent);
      this.jobAbandonEvent[job] = -1;
    }
    const submit = this.jobSubmit[job];
    const wl = this.workloads[this.jobWorkload[job]];
    const wait = now - submit;
    if (submit >= 0) {
      wl.started++;
      wl.ranOn[this.jobGroup[job]]++;
      if (now < this.horizon) this.timeline?.addStart(this.jobGroup[job], now);
      wl.wait.add(wait);
    }
    if (this.onEvent) this.onEvent({ time: now, type: 'start', group: this.machine[this.jobGroup[job]], workload: wl.name, job, wait });
    const d = wl.deployment;
    if (d) {
      // A replica runs until its deployment scales down.
      this.touchDeployment(d);
      d.running++;
      if (now >= 0 && d.running > d.peak) d.peak = d.running;
      return;
    }
    this.kernel.schedule(now + this.jobDuration[job], FINISH, job, FINISH);
  }

  private finish(job: number): void {
    const group = this.jobGroup[job];
    const wl = this.workloads[this.jobWorkload[job]];
    if (this.jobSubmit[job] >= 0) wl.completed++;
    if (this.onEvent) this.onEvent({ time: this.kernel.now, type: 'finish', group: this.machine[group], workload: wl.name, job });
    this.releaseJob(job);
  }

  /** Frees a job's slot and hands each node it held to the head of the queue, or to idle. */
  private releaseJob(job: number): void {
    this.touch(this.jobGroup[job]);
    let node = this.jobFirstNode[job];
    this.freeJob(job);
    while (node >= 0) {
      const next = this.nodeNext[node];
      this.release(node);
      node = next;
    }
    this.wake();
  }

  /** Takes a queued job out of its queue; a head job's reserved nodes go to the next in line. */
  private dequeue(job: number): void {
    const g = this.jobGroup[job];
    const queue = this.queue[g];
    this.touch(g);
    if (queue.at(0) === job) queue.popFront();
    else queue.remove(job);
    this.wanted[g] -= this.jobNodes[job] - this.jobHeld[job];
    const abandonEvent = this.jobAbandonEvent[job];
    if (abandonEvent >= 0) this.kernel.cancel(abandonEvent);
    this.jobAbandonEvent[job] = -1;
    this.releaseJob(job);
  }

  /** A queued job whose patience ran out leaves without starting. */
  private abandon(job: number): void {
    const wl = this.workloads[this.jobWorkload[job]];
    const now = this.kernel.now;
    if (this.jobSubmit[job] >= 0) wl.abandoned++;
    if (this.onEvent) this.onEvent({ time: now, type: 'abandon', group: this.machine[this.jobGroup[job]], workload: wl.name, job, waited: now - this.jobSubmit[job] });
    this.jobAbandonEvent[job] = -1;
    this.dequeue(job);
  }

  // ---- deployments -------------------------------------------------------

  /** Moves a deployment's replica target to what its request rate wants now, within its cooldown. */
  private deploy(w: number): void {
    const wl = this.workloads[w];
    const d = wl.deployment as DeploymentState;
    const now = this.kernel.now;
    const target = replicaTarget(d, this.clock.hourOfWeek(now));
    if (d.auto) {
      // The request rate changes with the local hour.
      const next = this.clock.nextHourBoundary(now);
      if (next < this.horizon) this.kernel.schedule(next, DEPLOY, w, DEPLOY);
    }
    if (target === d.desired) return;
    const cooldown = d.auto ? d.auto.cooldown : 0;
    if (now < d.lastChange + cooldown) {
      this.kernel.schedule(d.lastChange + cooldown, DEPLOY, w, DEPLOY);
      return;
    }
    this.touchDeployment(d);
    if (this.onEvent) this.onEvent({ time: now, type: 'replicas', workload: wl.name, from: d.desired, to: target });
    if (now >= 0 && d.lastChange !== -Infinity) d.changes++;
    d.lastChange = now;
    d.desired = target;
    while (d.replicas.length < target) {
      d.replicas.push(this.submit(w, this.chooseGroup(wl), wl.nodes, Infinity));
    }
    while (d.replicas.length > target) {
      // Stop a pending replica first (the newest), else the newest running one.
      let k = d.replicas.length - 1;
      while (k >= 0 && this.isRunning(d.replicas[k])) k--;
      const job = d.replicas.splice(k >= 0 ? k : d.replicas.length - 1, 1)[0];
      if (k >= 0) {
        this.dequeue(job);
      } else {
        this.touchDeployment(d);
        d.running--;
        this.releaseJob(job);
      }
    }
  }

  private isRunning(job: number): boolean {
    const first = this.jobFirstNode[job];
    return first >= 0 && this.nodeState[first] === BUSY;
  }

  /** Accumulates a deployment's replica-seconds up to now, inside the measured span. */
  private touchDeployment(d: DeploymentState): void {
    const now = this.kernel.now;
    const from = d.lastTouch > 0 ? d.lastTouch : 0;
    const to = now < this.horizon ? now : this.horizon;
    d.lastTouch = now;
    if (to <= from) return;
    const dt = to - from;
    d.runningSeconds += d.running * dt;
    d.desiredSeconds += d.desired * dt;
    if (d.running < d.desired) {
      d.pendingSeconds += (d.desired - d.running) * dt;
      d.underSeconds += dt;
    }
    if (d.running > d.peak) d.peak = d.running;
  }

  /** A node that became ready or free goes to the head of its group's queue, or idles. */
  private release(node: number): void {
    const g = this.nodeGroup[node];
    const queue = this.queue[g];
    if (queue.length > 0) {
      const head = queue.at(0);
      this.hold(head, node, RESERVED);
      this.wanted[g]--;
      if (this.jobHeld[head] === this.jobNodes[head]) {
        queue.popFront();
        this.start(head);
      }
      return;
    }
    const base = g * STATES;
    this.count[base + this.nodeState[node]]--;
    this.count[base + IDLE]++;
    this.nodeState[node] = IDLE;
    this.nodeSince[node] = this.kernel.now;
    this.idle[g].pushBack(node);
  }

  // ---- nodes ------------------------------------------------------------

  private ready(node: number): void {
    const g = this.nodeGroup[node];
    this.touch(g);
    if (!this.bootBilled) this.nodeBillStart[node] = this.kernel.now;
    if (this.onEvent) this.onEvent({ time: this.kernel.now, type: 'ready', group: this.machine[g], node });
    this.release(node);
    this.wake();
  }

  /** Requests `n` nodes for group `g`, from its warm pool first; returns how many came from the pool. */
  private addNodes(g: number, n: number): number {
    const now = this.kernel.now;
    this.touchForCap(g);
    const base = g * STATES;
    const warm = Math.min(n, this.count[base + STANDBY]);
    this.count[base + STANDBY] -= warm;
    for (let i = 0; i < n; i++) {
      const node = this.newNode(g, BOOTING, now);
      this.nodeBillStart[node] = this.bootBilled ? now : NaN;
      let boot: number;
      if (i < warm) {
        boot = this.nextStandbyBoot[g]();
        if (now >= 0) {
          this.standbyWakes[g]++;
          this.standbySavedSeconds[g] += this.coldBootMean[g] - boot;
        }
      } else {
        boot = this.nextBoot[g]();
      }
      this.kernel.schedule(now + boot, READY, node, READY);
    }
    if (now >= 0 && this.total[g] > this.peakNodes[g]) this.peakNodes[g] = this.total[g];
    return warm;
  }

  /**
   * Removes an idle node of group `g`, billing its lifetime rounded up to the
   * granularity; it goes back to the warm pool if the pool has room. Returns
   * true when it went to the warm pool.
   */
  private removeIdle(g: number, node: number): boolean {
    const now = this.kernel.now;
    const idle = this.idle[g];
    if (idle.at(0) === node) idle.popFront();
    else idle.remove(node);
    const billed = now - this.nodeBillStart[node];
    const step = this.granularity;
    if (step > 0 && billed > 0) {
      const roundedEnd = this.nodeBillStart[node] + Math.ceil(billed / step - 1e-9) * step;
      const extra = Math.min(roundedEnd, this.horizon) - Math.max(now, 0);
      if (extra > 0) {
        this.roundingSeconds[g] += extra;
        this.timeline?.addRounding(g, now, extra);
      }
    }
    const base = g * STATES;
    this.count[base + IDLE]--;
    this.total[g]--;
    this.clusterTotal--;
    this.nodeState[node] = GONE; // a second removal of the same id is refused
    this.freeNodes.push(node);
    if (this.count[base + STANDBY] < this.standbyCap[g]) {
      this.count[base + STANDBY]++;
      return true;
    }
    return false;
  }

  /** Before the cluster's node count changes: every group's capacity-bound time depends on it. */
  private touchForCap(g: number): void {
    if (this.cap === Infinity) this.touch(g);
    else for (let k = 0; k < this.G; k++) this.touch(k);
  }

  private newNode(g: number, state: number, now: number): number {
    let node = this.freeNodes.pop();
    if (node === undefined) {
      node = this.nodeCount++;
      if (node === this.nodeGroup.length) this.growNodes();
    }
    this.nodeGroup[node] = g;
    this.nodeState[node] = state;
    this.nodeSince[node] = now;
    this.nodeNext[node] = -1;
    this.count[g * STATES + state]++;
    this.total[g]++;
    this.clusterTotal++;
    return node;
  }

  private newJob(w: number, group: number, nodes: number, submit: number, duration: number): number {
    let job = this.freeJobs.pop();
    if (job === undefined) {
      job = this.jobCount++;
      if (job === this.jobGroup.length) this.growJobs();
    }
    this.jobWorkload[job] = w;
    this.jobGroup[job] = group;
    this.jobNodes[job] = nodes;
    this.jobHeld[job] = 0;
    this.jobFirstNode[job] = -1;
    this.jobSubmit[job] = submit;
    this.jobDuration[job] = duration;
    this.jobAbandonEvent[job] = -1;
    return job;
  }

  private freeJob(job: number): void {
    this.freeJobs.push(job);
  }

  // ---- metrics ----------------------------------------------------------

  /** Accumulates group `g`'s node-seconds and queue-seconds up to now, inside the measured span. */
  private touch(g: number): void {
    const now = this.kernel.now;
    const last = this.lastTouch[g];
    if (now <= last) return;
    this.lastTouch[g] = now;
    const from = last > 0 ? last : 0;
    const to = now < this.horizon ? now : this.horizon;
    if (to <= from) return;
    const dt = to - from;
    const base = g * STATES;
    for (let s = 0; s < STATES; s++) this.area[base + s] += this.count[base + s] * dt;
    const queued = this.queue[g].length;
    this.queueArea[g] += queued * dt;
    if (this.timeline) this.timeline.addSpan(g, from, to, this.count, base, queued);
    if (queued > 0 && (this.total[g] >= this.max[g] || this.clusterTotal >= this.cap)) this.capacityBoundSeconds[g] += dt;
    if (this.total[g] > this.peakNodes[g]) this.peakNodes[g] = this.total[g];
    if (queued > this.peakQueue[g]) this.peakQueue[g] = queued;
  }

  // ---- scans ------------------------------------------------------------

  /** Asks for a scan at the first scan time at or after `at` (now by default). */
  private wake(at = this.kernel.now): void {
    if (this.frozen) return;
    const interval = this.scanInterval;
    let t = at;
    if (interval > 0) {
      t = Math.ceil(at / interval) * interval;
      // A scan never reschedules itself for its own instant.
      if (t < at || (this.inScan && t <= this.kernel.now)) t += interval;
    }
    if (t >= this.scanAt || t > this.horizon) return;
    if (this.scanAt !== Infinity) this.kernel.cancel(this.scanId);
    this.scanAt = t;
    this.scanId = this.kernel.schedule(t, SCAN, 0, SCAN);
  }

  private scan(): void {
    this.scanAt = Infinity;
    this.inScan = true;
    const now = this.kernel.now;
    const d = this.askPolicy(now);
    let wakeAt = d.wakeAt;
    const measured = now >= 0;

    for (let g = 0; g < this.G; g++) {
      const want = d.add[g];
      if (want === 0) {
        this.blocked[g] = NO_LIMIT;
        this.lastCut[g] = '';
        continue;
      }
      const roomPool = this.max[g] - this.total[g];
      const roomCap = this.cap - this.clusterTotal;
      const n = Math.max(0, Math.min(want, roomPool, roomCap));
      if (n > 0) {
        const warm = this.addNodes(g, n);
        this.lastScaleUp = now;
        if (measured) {
          this.scaleUps[g]++;
          this.nodesAdded[g] += n;
        }
        if (this.onEvent) this.onEvent({ time: now, type: 'scale-up', group: this.machine[g], count: n });
        if (warm > 0) this.record(now, g, 'wake-standby', warm, d.reason[g], undefined, d.note[g]);
        if (n > warm) this.record(now, g, 'scale-up', n - warm, d.reason[g], this.standbyCap[g] > 0 ? 'standby-empty' : undefined, d.note[g]);
      }
      if (n < want) {
        const limit = roomPool <= roomCap ? MAX_POOL : ACCOUNT_CAP;
        if (this.blocked[g] === NO_LIMIT && measured) {
          this.blockedEpisodes[g]++;
          if (limit === MAX_POOL) this.blockedByPool[g]++;
          else this.blockedByCap[g]++;
        }
        this.blocked[g] = limit;
        if (this.onEvent) this.onEvent({ time: now, type: 'blocked', group: this.machine[g], wanted: want, granted: n, limit: LIMIT_NAMES[limit] });
        this.recordCut(now, g, 'scale-up-blocked', want - n, d.reason[g], LIMIT_NAMES[limit], d.note[g]);
      } else {
        this.blocked[g] = NO_LIMIT;
        this.lastCut[g] = '';
      }
    }

    let removed = false;
    for (let g = 0; g < this.G; g++) {
      const ids = d.remove[g];
      if (ids === null || ids.length === 0) continue;
      const why = d.removeReason[g];
      const valid = this.idleIdsOf(g, ids);
      if (valid.length < ids.length) this.recordCut(now, g, 'scale-down-blocked', ids.length - valid.length, why, 'not-idle', d.note[g]);
      if (valid.length === 0) continue;
      if (now - this.lastScaleUp < this.delayAfterAdd) {
        wakeAt = Math.min(wakeAt, this.lastScaleUp + this.delayAfterAdd);
        this.recordCut(now, g, 'scale-down-blocked', valid.length, why, 'delay-after-add', d.note[g]);
        continue;
      }
      const n = Math.min(valid.length, this.total[g] - this.hot[g]);
      if (n < valid.length) this.recordCut(now, g, 'scale-down-blocked', valid.length - n, why, 'hot-nodes-floor', d.note[g]);
      if (n <= 0) continue;
      this.touchForCap(g);
      let toStandby = 0;
      for (let i = 0; i < n; i++) if (this.removeIdle(g, valid[i])) toStandby++;
      this.lastScaleDown[g] = now;
      if (measured) {
        this.scaleDowns[g]++;
        this.nodesRemoved[g] += n;
      }
      removed = true;
      if (this.onEvent) this.onEvent({ time: now, type: 'scale-down', group: this.machine[g], count: n });
      if (toStandby > 0) this.record(now, g, 'to-standby', toStandby, why, undefined, d.note[g]);
      if (n > toStandby) this.record(now, g, 'scale-down', n - toStandby, why, undefined, d.note[g]);
    }
    if (removed && this.blocked.includes(ACCOUNT_CAP)) this.wake(now);
    if (!this.policy.eventDriven && this.scanInterval > 0) wakeAt = Math.min(wakeAt, now + this.scanInterval);
    if (wakeAt < Infinity) this.wake(wakeAt > now ? wakeAt : now + Math.max(this.scanInterval, 1));
    this.inScan = false;
  }

  /** The ids in `ids` that are idle nodes of group `g`, each once, in the order given. */
  private idleIdsOf(g: number, ids: readonly number[]): number[] {
    const out: number[] = [];
    for (const id of ids) {
      if (id >= 0 && id < this.nodeCount && this.nodeGroup[id] === g && this.nodeState[id] === IDLE && !out.includes(id)) out.push(id);
    }
    return out;
  }

  /** Records a decision (kept in the summary only inside the measured span). */
  private record(time: number, g: number, action: DecisionRecord['action'], count: number, reason: Reason, limit?: PolicyLimit, note?: string): void {
    if (time >= 0) {
      const sum = this.decisions;
      sum.records++;
      sum.byAction[action] = (sum.byAction[action] ?? 0) + count;
      sum.byReason[reason] = (sum.byReason[reason] ?? 0) + 1;
      if (limit) sum.byLimit[limit] = (sum.byLimit[limit] ?? 0) + 1;
    }
    if (this.onDecision) {
      const r: DecisionRecord = { time, group: this.machine[g], action, count, reason };
      if (limit) r.limit = limit;
      if (note) r.note = note;
      this.onDecision(r);
    }
  }

  /** Records a decision cut short, unless it repeats the group's last one word for word (a long block is one record). */
  private recordCut(time: number, g: number, action: DecisionRecord['action'], count: number, reason: Reason, limit: PolicyLimit, note?: string): void {
    const key = `${action} ${count} ${reason} ${limit} ${note ?? ''}`;
    if (this.lastCut[g] === key) return;
    this.lastCut[g] = key;
    this.record(time, g, action, count, reason, limit, note);
  }

  /** Calls the policy and checks what it returned; a broken decision stops the run with a PolicyError. */
  private askPolicy(now: number): CheckedDecision {
    (this.view as { now: number }).now = now;
    this.localAt = NaN;
    let raw: unknown;
    try {
      raw = this.policy.decide(this.view);
    } catch (error) {
      throw new PolicyError(this.policySource, `decide() threw at t = ${now} s: ${error instanceof Error ? error.message : String(error)}`);
    }
    checkDecision(raw, this.machine, this.checked, (field, message) => {
      throw new PolicyError(this.policySource, `at t = ${now} s, ${field}: ${message}`);
    });
    return this.checked;
  }

  /** The local time of the current scan, computed once per scan when a policy asks. */
  private localTime(): PolicyView['local'] {
    const now = this.kernel.now;
    if (this.localAt !== now) {
      const local = this.clock.localMs(now);
      const hourOfWeek = hourOfWeekAt(local);
      this.local = { weekday: Math.floor(hourOfWeek / 24), hour: hourOfWeek % 24, minute: Math.floor(local / 60000) % 60, hourOfWeek };
      this.localAt = now;
    }
    return this.local;
  }

  /** The policy's view: one object for the run whose figures are read live at each scan. */
  private makeView(): PolicyView {
    const model = this;
    const groups: GroupView[] = this.machine.map((machine, g) => {
      const c = (state: number) => model.count[g * STATES + state];
      const arrivals = (tracker: ArrivalTracker, expected: number | null) => ({
        lastHour: tracker.lastHour(model.kernel.now),
        ewmaPerHour: tracker.ratePerSecond(model.kernel.now) * 3600,
        expectedPerHour: expected,
      });
      const expectedOf = (w: number): number | null => {
        const rates = model.expectedRates[w];
        return rates ? rates[model.localTime().hourOfWeek] * 3600 : null;
      };
      return {
        machine,
        hotNodes: model.hot[g],
        maxPoolSize: model.max[g],
        standbyNodes: model.standbyCap[g],
        nodes: {
          get booting() {
            return c(BOOTING);
          },
          get idle() {
            return c(IDLE);
          },
          get reserved() {
            return c(RESERVED);
          },
          get busy() {
            return c(BUSY);
          },
          get standby() {
            return c(STANDBY);
          },
          get total() {
            return model.total[g];
          },
        },
        get idleNodes() {
          const idle = model.idle[g];
          return Array.from({ length: idle.length }, (_, k) => ({ id: idle.at(k), since: model.nodeSince[idle.at(k)] }));
        },
        idleAt(k: number) {
          const idle = model.idle[g];
          if (!(k >= 0 && k < idle.length)) return undefined;
          const id = idle.at(k);
          return { id, since: model.nodeSince[id] };
        },
        queue: {
          get jobs() {
            return model.queue[g].length;
          },
          get nodesWanted() {
            return model.wanted[g];
          },
          get oldestWait() {
            const q = model.queue[g];
            return q.length > 0 ? model.kernel.now - model.jobSubmit[q.at(0)] : 0;
          },
        },
        get arrivals() {
          const members = model.groupWorkloads[g];
          const known = !model.traceGroups.has(g) && members.every((w) => model.expectedRates[w] !== null);
          return arrivals(model.groupArrivals[g], known ? members.reduce((sum, w) => sum + (expectedOf(w) as number), 0) : null);
        },
        get workloads() {
          return model.groupWorkloads[g].map((w) => ({ name: model.workloads[w].name, ...arrivals(model.workloadArrivals[w], expectedOf(w)) }));
        },
        bootTime: { mean: model.coldBootMean[g], standbyMean: model.standbyBootMean[g] },
        get sinceScaleDown() {
          return model.kernel.now - model.lastScaleDown[g];
        },
      };
    });
    return {
      now: 0,
      get epochMs() {
        return model.clock.epochMs(model.kernel.now);
      },
      get local() {
        return model.localTime();
      },
      groups,
      cluster: {
        machineCap: this.scenario.cluster.machineCap,
        get nodes() {
          return model.clusterTotal;
        },
        get remaining() {
          return model.cap - model.clusterTotal;
        },
      },
      get sinceScaleUp() {
        return model.kernel.now - model.lastScaleUp;
      },
      random: this.policyRandom,
    };
  }

  /** Quantiles of each job workload's waits (in Result order: deployments left out), after `run()`. */
  waitQuantiles(qs: readonly number[]): number[][] {
    return this.workloads.filter((wl) => !wl.deployment).map((wl) => qs.map((q) => wl.wait.quantile(q)));
  }

  private snapshot(): Snapshot {
    const now = this.kernel.now;
    return {
      time: now,
      clusterNodes: this.clusterTotal,
      machineCap: this.scenario.cluster.machineCap,
      sinceScaleUp: now - this.lastScaleUp,
      groups: this.machine.map((machine, g) => {
        const c = (state: number) => this.count[g * STATES + state];
        const idle = this.idle[g];
        const queue = this.queue[g];
        return {
          machine,
          hotNodes: this.hot[g],
          maxPoolSize: this.max[g],
          booting: c(BOOTING),
          idle: c(IDLE),
          reserved: c(RESERVED),
          busy: c(BUSY),
          standby: c(STANDBY),
          standbyNodes: this.standbyCap[g],
          queuedJobs: queue.length,
          nodesWanted: this.wanted[g],
          oldestWait: queue.length > 0 ? now - this.jobSubmit[queue.at(0)] : 0,
          idleNodes: Array.from({ length: idle.length }, (_, k) => ({ id: idle.at(k), idleSeconds: now - this.nodeSince[idle.at(k)] })),
          sinceScaleDown: now - this.lastScaleDown[g],
        };
      }),
    };
  }

  // ---- results ----------------------------------------------------------

  private summarise(wallSeconds: number): Result {
    const s = this.scenario;
    const H = this.horizon;
    const hours = (seconds: number) => seconds / 3600;
    const queuedAtEnd = new Array<number>(this.workloads.length).fill(0);
    for (const queue of this.queue) {
      for (let k = 0; k < queue.length; k++) {
        const job = queue.at(k);
        if (this.jobSubmit[job] >= 0) queuedAtEnd[this.jobWorkload[job]]++;
      }
    }

    const groups: GroupResult[] = s.groups.map((group, g) => {
      const a = (state: number) => this.area[g * STATES + state];
      const price = this.pricePerSecond[g];
      const costByState = {
        busy: a(BUSY) * price,
        idle: a(IDLE) * price,
        reserved: a(RESERVED) * price,
        boot: this.bootBilled ? a(BOOTING) * price : 0,
        rounding: this.roundingSeconds[g] * price,
        standby: a(STANDBY) * this.standbyPricePerSecond[g],
      };
      const machineSeconds = a(BUSY) + a(IDLE) + a(RESERVED) + a(BOOTING);
      return {
        machine: group.machine,
        hotNodes: group.hotNodes,
        maxPoolSize: group.maxPoolSize,
        pricePerHour: group.pricePerHour,
        machineHours: hours(machineSeconds),
        busyHours: hours(a(BUSY)),
        idleHours: hours(a(IDLE)),
        reservedHours: hours(a(RESERVED)),
        bootHours: hours(a(BOOTING)),
        utilisation: machineSeconds > 0 ? a(BUSY) / machineSeconds : 0,
        peakNodes: this.peakNodes[g],
        meanQueue: this.queueArea[g] / H,
        peakQueue: this.peakQueue[g],
        scaleUps: this.scaleUps[g],
        nodesAdded: this.nodesAdded[g],
        scaleDowns: this.scaleDowns[g],
        nodesRemoved: this.nodesRemoved[g],
        blockedScaleUps: this.blockedEpisodes[g],
        blockedBy: { maxPool: this.blockedByPool[g], accountCap: this.blockedByCap[g] },
        capacityBoundHours: hours(this.capacityBoundSeconds[g]),
        standbyNodes: this.standbyCap[g],
        standbyHours: hours(a(STANDBY)),
        standbyStarts: this.standbyWakes[g],
        standbyBootHoursSaved: hours(this.standbySavedSeconds[g]),
        cost: costByState.busy + costByState.idle + costByState.reserved + costByState.boot + costByState.rounding + costByState.standby,
        costByState,
      };
    });

    const jobWorkloads = this.workloads.map((wl, w) => ({ wl, w })).filter(({ wl }) => !wl.deployment);
    const workloads: WorkloadResult[] = jobWorkloads.map(({ wl, w }) => {
      const ranOn: Record<string, number> = {};
      const types = wl.trace ? Array.from(this.machine.keys()) : Array.from(wl.groups);
      for (const g of types) if (!wl.trace || wl.ranOn[g] > 0) ranOn[this.machine[g]] = wl.ranOn[g];
      const result: WorkloadResult = {
        name: wl.name,
        kind: wl.kind as WorkloadResult['kind'],
        jobs: jobCounts([wl], queuedAtEnd[w]),
        wait: waitSummary(wl.wait),
        ranOn,
      };
      const spec = s.workloads[w];
      if (wl.trace && spec.type === 'trace') {
        result.trace = {
          file: spec.trace,
          format: spec.format,
          ...spec.rows,
          outsideSpan: wl.trace.outside + (wl.trace.submit.length - wl.trace.cursor),
        };
      }
      return result;
    });
    const kinds: Result['kinds'] = {};
    for (const kind of ['job', 'notebook'] as const) {
      const members = jobWorkloads.filter(({ wl }) => wl.kind === kind);
      if (members.length === 0) continue;
      const kindResult: KindResult = {
        jobs: jobCounts(
          members.map(({ wl }) => wl),
          members.reduce((a, { w }) => a + queuedAtEnd[w], 0),
        ),
        wait: waitSummary(WaitStats.merge(members.map(({ wl }) => wl.wait))),
      };
      kinds[kind] = kindResult;
    }
    const deployments: DeploymentResult[] = this.workloads
      .filter((wl) => wl.deployment)
      .map((wl) => {
        const d = wl.deployment as DeploymentState;
        return {
          name: wl.name,
          machines: Array.from(wl.groups, (g) => this.machine[g]),
          nodesPerReplica: wl.nodes,
          meanReplicas: d.runningSeconds / H,
          meanDesired: d.desiredSeconds / H,
          peakReplicas: d.peak,
          replicaHours: hours(d.runningSeconds),
          desiredReplicaHours: hours(d.desiredSeconds),
          pendingReplicaHours: hours(d.pendingSeconds),
          underProvisionedHours: hours(d.underSeconds),
          targetChanges: d.changes,
          replicaWait: waitSummary(wl.wait),
        };
      });

    const clusterFee = (s.cluster.monthlyFee * H) / (MONTH_HOURS * 3600);
    const groupCost = groups.reduce((acc, g) => acc + g.cost, 0);
    const total = groupCost + clusterFee;
    return {
      scenario: s.name,
      seed: s.seed,
      replication: this.replication,
      policy: this.policySource,
      region: s.region,
      start: s.start,
      horizonHours: hours(H),
      warmupHours: hours(this.warmup),
      jobs: jobCounts(
        jobWorkloads.map(({ wl }) => wl),
        jobWorkloads.reduce((a, { w }) => a + queuedAtEnd[w], 0),
      ),
      wait: waitSummary(WaitStats.merge(jobWorkloads.map(({ wl }) => wl.wait))),
      kinds,
      meanQueue: this.queueArea.reduce((a, b) => a + b, 0) / H,
      cost: {
        total,
        monthly: (total / hours(H)) * MONTH_HOURS,
        clusterFee,
        idle: groups.reduce((acc, g) => acc + g.costByState.idle + g.costByState.reserved, 0),
        byGroup: Object.fromEntries(groups.map((g) => [g.machine, g.cost])),
      },
      groups,
      workloads,
      deployments,
      decisions: this.decisions,
      engine: { events: this.kernel.events, wallSeconds },
    };
  }

  private growNodes(): void {
    const n = this.nodeGroup.length * 2;
    this.nodeGroup = grow(this.nodeGroup, new Int32Array(n));
    this.nodeState = grow(this.nodeState, new Uint8Array(n));
    this.nodeSince = grow(this.nodeSince, new Float64Array(n));
    this.nodeBillStart = grow(this.nodeBillStart, new Float64Array(n));
    this.nodeNext = grow(this.nodeNext, new Int32Array(n));
  }

  private growJobs(): void {
    const n = this.jobGroup.length * 2;
    this.jobWorkload = grow(this.jobWorkload, new Int32Array(n));
    this.jobGroup = grow(this.jobGroup, new Int32Array(n));
    this.jobNodes = grow(this.jobNodes, new Int32Array(n));
    this.jobHeld = grow(this.jobHeld, new Int32Array(n));
    this.jobFirstNode = grow(this.jobFirstNode, new Int32Array(n));
    this.jobSubmit = grow(this.jobSubmit, new Float64Array(n));
    this.jobDuration = grow(this.jobDuration, new Float64Array(n));
    this.jobAbandonEvent = grow(this.jobAbandonEvent, new Float64Array(n));
  }
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

function jobCounts(workloads: readonly WorkloadState[], queuedAtEnd: number): JobCounts {
  const sum = (f: (w: WorkloadState) => number) => workloads.reduce((acc, w) => acc + f(w), 0);
  const submitted = sum((w) => w.submitted);
  const completed = sum((w) => w.completed);
  const abandoned = sum((w) => w.abandoned);
  return {
    submitted,
    started: sum((w) => w.started),
    completed,
    abandoned,
    abandonedShare: submitted > 0 ? abandoned / submitted : 0,
    unfinished: submitted - completed - abandoned,
    queuedAtEnd,
  };
}

function waitSummary(stats: WaitStats): WaitSummary {
  return {
    jobs: stats.count,
    mean: stats.mean,
    p50: stats.quantile(0.5),
    p90: stats.quantile(0.9),
    p95: stats.quantile(0.95),
    p99: stats.quantile(0.99),
    max: stats.max,
    probWait: stats.count > 0 ? stats.positive / stats.count : 0,
  };
}
