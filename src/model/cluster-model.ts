import { Kernel } from '../engine/kernel.js';
import type { DeploymentResult, GroupResult, JobCounts, KindResult, Result, WaitSummary, WorkloadResult } from '../metrics/result.js';
import { WaitStats } from '../metrics/wait-stats.js';
import type { Decision, PoolView, ScalingPolicy } from '../policies/policy.js';
import { sampler } from '../random/distributions.js';
import { randomStream } from '../random/stream.js';
import type { Scenario } from '../scenario/scenario.js';
import { LocalClock } from '../time/local-clock.js';
import { IntDeque } from './int-deque.js';
import type { Limit, SimEvent } from './sim-event.js';
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

// Node states; counts and node-seconds are kept per group and state.
const BOOTING = 0;
const IDLE = 1;
const RESERVED = 2;
const BUSY = 3;
const STATES = 4;

const NO_LIMIT = 0;
const MAX_POOL = 1;
const ACCOUNT_CAP = 2;
const LIMIT_NAMES: Limit[] = ['max-pool', 'max-pool', 'account-cap'];

const MONTH_HOURS = 730;

export interface ModelOptions {
  policy: ScalingPolicy;
  onEvent?: (event: SimEvent) => void;
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
  private readonly view: PoolView;
  private readonly decision: Decision;

  constructor(
    private readonly scenario: Scenario,
    options: ModelOptions,
  ) {
    const s = scenario;
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
    this.nextBoot = s.groups.map((g) => sampler(g.bootTime, randomStream(s.seed, `group:${g.machine}/boot`)));
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

    const groupOf = new Map(s.groups.map((g, i) => [g.machine, i]));
    this.clock = new LocalClock(s.timezone, s.start);
    this.workloads = s.workloads.map((w) => workloadState(w, s, groupOf, this.clock));

    this.decision = { add: new Array<number>(G).fill(0), remove: new Array<number>(G).fill(0), wakeAt: Infinity };
    this.view = this.makeView();
  }

  /** Runs the scenario to its horizon and summarises it. */
  run(): Result {
    const started = performance.now();
    const t0 = this.t0;
    for (let g = 0; g < this.G; g++) {
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
    this.kernel.run(this.horizon, (kind, payload) => {
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
      }
    });
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

  private addNodes(g: number, n: number): void {
    const now = this.kernel.now;
    this.touch(g);
    for (let i = 0; i < n; i++) {
      const node = this.newNode(g, BOOTING, now);
      this.nodeBillStart[node] = this.bootBilled ? now : NaN;
      this.kernel.schedule(now + this.nextBoot[g](), READY, node, READY);
    }
    if (now >= 0 && this.total[g] > this.peakNodes[g]) this.peakNodes[g] = this.total[g];
  }

  /** Removes the longest-idle node of group `g`, billing its lifetime rounded up to the granularity. */
  private removeOldestIdle(g: number): void {
    const now = this.kernel.now;
    const node = this.idle[g].popFront();
    const billed = now - this.nodeBillStart[node];
    const step = this.granularity;
    if (step > 0 && billed > 0) {
      const roundedEnd = this.nodeBillStart[node] + Math.ceil(billed / step - 1e-9) * step;
      const extra = Math.min(roundedEnd, this.horizon) - Math.max(now, 0);
      if (extra > 0) this.roundingSeconds[g] += extra;
    }
    this.count[g * STATES + IDLE]--;
    this.total[g]--;
    this.clusterTotal--;
    this.freeNodes.push(node);
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
    const decision = this.decision;
    this.refreshView(now);
    decision.wakeAt = Infinity;
    this.policy.decide(this.view, decision);

    let wakeAt = decision.wakeAt;
    for (let g = 0; g < this.G; g++) {
      const want = decision.add[g];
      if (!(want > 0)) {
        this.blocked[g] = NO_LIMIT;
        continue;
      }
      const roomPool = this.max[g] - this.total[g];
      const roomCap = this.cap - this.clusterTotal;
      const n = Math.min(want, roomPool, roomCap);
      const measured = now >= 0;
      if (n > 0) {
        this.addNodes(g, n);
        this.lastScaleUp = now;
        if (measured) {
          this.scaleUps[g]++;
          this.nodesAdded[g] += n;
        }
        if (this.onEvent) this.onEvent({ time: now, type: 'scale-up', group: this.machine[g], count: n });
      }
      if (n < want) {
        const limit = roomPool <= roomCap ? MAX_POOL : ACCOUNT_CAP;
        if (this.blocked[g] === NO_LIMIT && measured) {
          this.blockedEpisodes[g]++;
          if (limit === MAX_POOL) this.blockedByPool[g]++;
          else this.blockedByCap[g]++;
        }
        this.blocked[g] = limit;
        if (this.onEvent) this.onEvent({ time: now, type: 'blocked', group: this.machine[g], wanted: want, granted: Math.max(n, 0), limit: LIMIT_NAMES[limit] });
      } else {
        this.blocked[g] = NO_LIMIT;
      }
    }

    let removed = false;
    const quietSince = now - this.lastScaleUp;
    for (let g = 0; g < this.G; g++) {
      const ask = decision.remove[g];
      if (!(ask > 0)) continue;
      if (quietSince < this.delayAfterAdd) {
        wakeAt = Math.min(wakeAt, this.lastScaleUp + this.delayAfterAdd);
        continue;
      }
      const n = Math.min(ask, this.idle[g].length, this.total[g] - this.hot[g]);
      if (n <= 0) continue;
      this.touch(g);
      for (let i = 0; i < n; i++) this.removeOldestIdle(g);
      if (now >= 0) {
        this.scaleDowns[g]++;
        this.nodesRemoved[g] += n;
      }
      removed = true;
      if (this.onEvent) this.onEvent({ time: now, type: 'scale-down', group: this.machine[g], count: n });
    }
    if (removed && this.blocked.includes(ACCOUNT_CAP)) this.wake(now);
    if (wakeAt < Infinity) this.wake(wakeAt);
    this.inScan = false;
  }

  private makeView(): PoolView {
    const G = this.G;
    const model = this;
    const zeros = () => new Array<number>(G).fill(0);
    return {
      now: 0,
      groups: G,
      machine: this.machine,
      hotNodes: Array.from(this.hot),
      maxPoolSize: Array.from(this.max),
      booting: zeros(),
      idle: zeros(),
      reserved: zeros(),
      busy: zeros(),
      queuedJobs: zeros(),
      wantedNodes: zeros(),
      idleCountSince(g, t) {
        // Idle nodes are kept in the order they became idle: binary search.
        const idle = model.idle[g];
        let lo = 0;
        let hi = idle.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (model.nodeSince[idle.at(mid)] <= t) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      },
      idleSinceAt: (g, k) => (k >= 0 && k < model.idle[g].length ? model.nodeSince[model.idle[g].at(k)] : Infinity),
    };
  }

  /** Copies the pool's state into the view handed to the policy. */
  private refreshView(now: number): void {
    const view = this.view as { -readonly [K in keyof PoolView]: PoolView[K] } & {
      booting: number[]; idle: number[]; reserved: number[]; busy: number[]; queuedJobs: number[]; wantedNodes: number[];
    };
    view.now = now;
    for (let g = 0; g < this.G; g++) {
      const base = g * STATES;
      view.booting[g] = this.count[base + BOOTING];
      view.idle[g] = this.count[base + IDLE];
      view.reserved[g] = this.count[base + RESERVED];
      view.busy[g] = this.count[base + BUSY];
      view.queuedJobs[g] = this.queue[g].length;
      view.wantedNodes[g] = this.wanted[g];
    }
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
        cost: costByState.busy + costByState.idle + costByState.reserved + costByState.boot + costByState.rounding,
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
