import { stringify } from 'csv-stringify/sync';
import type { Scenario } from '../scenario/scenario.js';
import type { JobRow } from '../simulate.js';
import { csvNumber, isoTime } from './csv-number.js';

/** jobs.csv: one row per job submitted in the measured span, in submit order. */
export function jobsCsv(jobs: readonly JobRow[], scenario: Scenario): string {
  return stringify(
    jobs.map((j) => [
      isoTime(scenario.start, j.submit),
      Number.isNaN(j.start) ? '' : isoTime(scenario.start, j.start),
      Number.isNaN(j.end) ? '' : isoTime(scenario.start, j.end),
      Number.isNaN(j.start) ? '' : csvNumber(j.start - j.submit, 3),
      j.workload,
      j.machine,
      j.nodes,
      j.outcome,
    ]),
    { header: true, columns: ['submit', 'start', 'end', 'wait', 'workload', 'machine', 'nodes', 'outcome'], cast: { number: String } },
  );
}
