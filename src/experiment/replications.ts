import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Result } from '../metrics/result.js';
import type { Scenario } from '../scenario/scenario.js';
import { simulate } from '../simulate.js';
import type { ReplicationBatch, ReplicationTask } from './replication-worker.js';

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
  // Batches of runs of one scenario: each scenario crosses to a worker once per batch, and a few batches
  // per worker keep the load even.
  const size = Math.max(1, Math.ceil(tasks.length / (workers * 4)));
  const batches: { start: number; batch: ReplicationBatch }[] = [];
  for (let i = 0; i < tasks.length; ) {
    const start = i;
    const replications: number[] = [];
    while (i < tasks.length && tasks[i].scenario === tasks[start].scenario && replications.length < size) replications.push(tasks[i++].replication);
    batches.push({ start, batch: { scenario: tasks[start].scenario, replications } });
  }
  const pool = new Tinypool({ filename: workerFile(), minThreads: workers, maxThreads: workers });
  const results: Result[] = new Array(tasks.length);
  try {
    await Promise.all(
      batches.map(({ start, batch }) =>
        pool.run(batch).then((rs: Result[]) => {
          rs.forEach((r, k) => (results[start + k] = finished(r)));
        }),
      ),
    );
  } finally {
    await pool.destroy();
  }
  return results;
}

/** The replications of one scenario: 0 .. n-1. */
export function replicationTasks(scenario: Scenario, n: number): ReplicationTask[] {
  return Array.from({ length: n }, (_, replication) => ({ scenario, replication }));
}
