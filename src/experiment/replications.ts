import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Result } from '../metrics/result.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulate } from '../simulate.js';
import type { ReplicationTask } from './replication-worker.js';

export interface RunManyOptions {
  /** Worker threads; 1 runs in this thread. Default: every core. */
  workers?: number;
  /** Called after each finished run with how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** The compiled worker: beside this module when running from dist/, else in dist/ (tests run the sources). */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./replication-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/experiment/replication-worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error('the replication worker is not built: run npm run build');
}

/**
 * Runs every (scenario, replication) task, on a pool of worker threads when
 * `workers` > 1; results come back in task order and are identical to a
 * serial run (each replication has its own random streams).
 */
export async function runMany(tasks: readonly ReplicationTask[], options: RunManyOptions = {}): Promise<Result[]> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), tasks.length));
  let done = 0;
  const finished = (r: Result) => {
    options.onProgress?.(++done, tasks.length);
    return r;
  };
  if (workers === 1) return tasks.map((t) => finished(simulate(t.scenario, { replication: t.replication })));
  const pool = new Tinypool({ filename: workerFile(), minThreads: workers, maxThreads: workers });
  try {
    return await Promise.all(tasks.map((t) => pool.run(t).then(finished)));
  } finally {
    await pool.destroy();
  }
}

/** The replications of one scenario: 0 .. n-1. */
export function replicationTasks(scenario: Scenario, n: number): ReplicationTask[] {
  return Array.from({ length: n }, (_, replication) => ({ scenario, replication }));
}
