/**
 * `npm run bench`: speed and memory of the engine, measured side by side in one
 * process (this machine is shared and noisy, so ratios and medians, not absolute times).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSetting } from '../experiment/set-path.js';
import { evaluate, gridPoints } from '../experiment/sweep.js';
import { fileURLToPath } from 'node:url';
import { sampler } from '../random/distributions.js';
import { randomStream } from '../random/stream.js';
import { loadScenario } from '../scenario/load-scenario.js';
import type { Scenario, TraceJobs } from '../scenario/scenario.js';
import { simulate } from '../simulate.js';
import { mmcMeanWait } from '../theory/erlang-c.js';
import { referenceMmc } from './reference-mmc.js';

const C = 20;
const LAMBDA_PER_HOUR = 16;
const MEAN_HOURS = 1;

function mmcScenario(jobs: number, autoscaled = false) {
  return loadScenario({
    name: autoscaled ? 'bench-autoscaled' : 'bench-mmc',
    horizon: `${jobs / LAMBDA_PER_HOUR}h`,
    groups: [autoscaled ? { machine: 'P5000', hotNodes: 0, maxPoolSize: 2 * C } : { machine: 'P5000', hotNodes: C, maxPoolSize: C }],
    workloads: [
      { name: 'jobs', machine: 'P5000', arrivals: { process: 'poisson', rate: `${LAMBDA_PER_HOUR}/h` }, duration: { dist: 'exponential', mean: `${MEAN_HOURS}h` } },
    ],
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function speed(jobs: number, rounds: number): Promise<void> {
  const scenario = await mmcScenario(jobs);
  const autoscaled = await mmcScenario(jobs, true);
  const engine: number[] = [];
  const reference: number[] = [];
  const scaled: number[] = [];
  let last = simulate(scenario);
  let ref = referenceMmc(C, LAMBDA_PER_HOUR / 3600, MEAN_HOURS * 3600, jobs, 1);
  let scaledResult = simulate(autoscaled);
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    ref = referenceMmc(C, LAMBDA_PER_HOUR / 3600, MEAN_HOURS * 3600, jobs, round + 1);
    reference.push(ref.jobs / ((performance.now() - t) / 1000));
    t = performance.now();
    last = simulate(scenario, { seed: round + 1 });
    engine.push(last.jobs.started / ((performance.now() - t) / 1000));
    t = performance.now();
    scaledResult = simulate(autoscaled, { seed: round + 1 });
    scaled.push(scaledResult.jobs.started / ((performance.now() - t) / 1000));
  }
  const theory = mmcMeanWait(C, LAMBDA_PER_HOUR / 3600, MEAN_HOURS * 3600);
  console.log(`M/M/${C} at ${(LAMBDA_PER_HOUR * MEAN_HOURS) / C * 100}% load, ${fmt(jobs)} jobs, median of ${rounds} rounds`);
  console.log(`  reference typed-array loop  ${fmt(median(reference)).padStart(12)} jobs/s   mean wait ${ref.meanWait.toFixed(1)} s (theory ${theory.toFixed(1)} s)`);
  console.log(`  simulate(), static pool     ${fmt(median(engine)).padStart(12)} jobs/s   mean wait ${last.wait.mean.toFixed(1)} s, ${fmt(last.engine.events)} events`);
  console.log(`  ratio engine / reference    ${(median(engine) / median(reference) * 100).toFixed(1).padStart(11)}%   (target >= 25%)`);
  console.log(`  simulate(), autoscaled 0-${2 * C}  ${fmt(median(scaled)).padStart(10)} jobs/s   ${(median(scaled) / median(reference) * 100).toFixed(1)}% of reference, ${fmt(scaledResult.engine.events)} events`);
}

/**
 * The same average load three ways through a static pool large enough for its
 * peak: constant-rate Poisson, Poisson shaped by the office-hours profile
 * (thinning, local time), and a replay of recorded jobs.
 */
async function workloadShapes(jobs: number, rounds: number): Promise<void> {
  const pool = { machine: 'P5000', hotNodes: 64, maxPoolSize: 64 };
  const horizon = `${jobs / LAMBDA_PER_HOUR}h`;
  const duration = { dist: 'exponential', mean: `${MEAN_HOURS}h` };
  const constant = await loadScenario({ name: 'constant', horizon, groups: [pool], workloads: [{ name: 'jobs', machine: 'P5000', arrivals: { process: 'poisson', rate: `${LAMBDA_PER_HOUR}/h` }, duration }] });
  const profiled = await loadScenario({
    name: 'profiled',
    horizon,
    groups: [pool],
    workloads: [{ name: 'jobs', machine: 'P5000', arrivals: { process: 'poisson', rate: `${LAMBDA_PER_HOUR}/h`, profile: 'office-hours' }, duration }],
  });
  // A recorded trace of the same jobs: generated once, replayed each round.
  const recorded: TraceJobs = { submit: [], duration: [], machine: [], nodes: [] };
  simulate(constant, {
    onEvent: (e) => {
      if (e.type !== 'arrive') return;
      recorded.submit.push(e.time);
      recorded.machine.push('P5000');
      recorded.nodes.push(1);
    },
  });
  const next = sampler({ dist: 'exponential', mean: MEAN_HOURS * 3600 }, randomStream(1, 'bench/trace-durations'));
  for (let i = 0; i < recorded.submit.length; i++) recorded.duration.push(next());
  const replay: Scenario = {
    ...constant,
    name: 'replay',
    workloads: [{ type: 'trace', name: 'jobs', kind: 'job', patience: null, trace: '(generated)', format: 'csv', jobs: recorded, rows: { read: recorded.submit.length, used: recorded.submit.length, skipped: 0, excluded: 0, outsideWindow: 0 } }],
  };
  const rates: Record<string, number[]> = { constant: [], profiled: [], replay: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, scenario] of [['constant', constant], ['profiled', profiled], ['replay', replay]] as const) {
      const t = performance.now();
      const r = simulate(scenario, { seed: round + 1 });
      rates[name].push(r.jobs.started / ((performance.now() - t) / 1000));
    }
  }
  const base = median(rates.constant);
  console.log(`\nWorkload shapes: ${fmt(jobs)} jobs through a static pool of 64, median of ${rounds} rounds`);
  console.log(`  constant-rate Poisson       ${fmt(base).padStart(12)} jobs/s`);
  console.log(`  office-hours profile        ${fmt(median(rates.profiled)).padStart(12)} jobs/s   ${((median(rates.profiled) / base) * 100).toFixed(1)}% of constant (target >= 80%)`);
  console.log(`  trace replay                ${fmt(median(rates.replay)).padStart(12)} jobs/s   ${((median(rates.replay) / base) * 100).toFixed(1)}% of constant (target >= 80%)`);
}

async function idleDecades(): Promise<void> {
  const years = 30;
  const horizon = `${years * 365}d`;
  const cases = [
    { label: 'static pool (hot = max = 4), 1 job/day', groups: [{ machine: 'C5', hotNodes: 4, maxPoolSize: 4 }], rate: '1/d' },
    { label: 'autoscaled pool (0-10), no jobs', groups: [{ machine: 'C5', hotNodes: 0, maxPoolSize: 10 }], rate: null },
    { label: 'autoscaled pool (1-10), 1 job/week', groups: [{ machine: 'C5', hotNodes: 1, maxPoolSize: 10 }], rate: '1/w' },
  ];
  console.log(`\nLong quiet runs: ${years} years each, scans every 10 s would be ${fmt((years * 365 * 86400) / 10)}`);
  for (const c of cases) {
    const scenario = await loadScenario({
      name: 'quiet',
      horizon,
      groups: c.groups,
      workloads: c.rate ? [{ name: 'w', machine: 'C5', arrivals: { process: 'poisson', rate: c.rate }, duration: '1h' }] : [],
    });
    const t = performance.now();
    const r = simulate(scenario);
    const ms = performance.now() - t;
    console.log(`  ${c.label.padEnd(40)} ${fmt(r.jobs.submitted).padStart(7)} jobs  ${fmt(r.engine.events).padStart(8)} events  ${ms.toFixed(0).padStart(5)} ms`);
  }
}

/** A 64-point sweep with 10 replications each, on 1 and on 2 worker threads: points per second and the speed-up. */
async function sweepSpeed(rounds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'poolsim-bench-'));
  const file = join(dir, 'sweep.yaml');
  writeFileSync(
    file,
    [
      'name: bench-sweep',
      'horizon: 30d',
      'groups:',
      '  - {machine: P5000, hotNodes: 0, maxPoolSize: 8}',
      'workloads:',
      '  - {name: w, machine: P5000, arrivals: {process: poisson, rate: 3/h, profile: office-hours}, duration: {dist: lognormal, median: 30m, p95: 3h}}',
    ].join('\n'),
  );
  const { points } = await gridPoints(file, [parseSetting('groups.P5000.hotNodes=0..7'), parseSetting('groups.P5000.maxPoolSize=8..15')]);
  const rates: Record<number, number[]> = { 1: [], 2: [] };
  for (let round = 0; round < rounds; round++) {
    for (const workers of [1, 2]) {
      const t = performance.now();
      await evaluate(points, 10, { workers });
      rates[workers].push(points.length / ((performance.now() - t) / 1000));
    }
  }
  console.log(`\nSweep: ${points.length} points x 10 replications (a month each), median of ${rounds} rounds`);
  console.log(`  1 worker     ${median(rates[1]).toFixed(1).padStart(8)} points/s`);
  console.log(`  2 workers    ${median(rates[2]).toFixed(1).padStart(8)} points/s   speed-up ${(median(rates[2]) / median(rates[1])).toFixed(2)}x (target >= 1.7x on 2 cores; ${availableParallelism()} cores here)`);
}

function memory(jobs: number): void {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--memory-child', String(jobs)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory run failed: ${child.stderr}`);
  const { rssMiB, started, seconds } = JSON.parse(child.stdout.trim().split('\n').pop() as string);
  console.log(`\nMemory: ${fmt(started)} jobs through simulate() in a fresh process: peak RSS ${rssMiB.toFixed(0)} MiB (target < 300 MB), ${seconds.toFixed(1)} s`);
}

async function memoryChild(jobs: number): Promise<void> {
  const t = performance.now();
  const r = simulate(await mmcScenario(jobs));
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ rssMiB, started: r.jobs.started, seconds: (performance.now() - t) / 1000 }));
}

const args = process.argv.slice(2);
if (args[0] === '--memory-child') {
  await memoryChild(Number(args[1]));
} else {
  const quick = args.includes('--quick');
  await speed(quick ? 200_000 : 1_000_000, quick ? 3 : 5);
  await workloadShapes(quick ? 200_000 : 1_000_000, quick ? 3 : 5);
  await idleDecades();
  await sweepSpeed(quick ? 1 : 3);
  memory(quick ? 1_000_000 : 10_000_000);
}
