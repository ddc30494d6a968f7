import type { TraceRead, TraceReadOptions } from './trace-read.js';
import { TraceFileError } from './trace-read.js';

/**
 * The Standard Workload Format of the Parallel Workloads Archive (Feitelson et
 * al.): 18 whitespace-separated fields per job, `;` header lines. Field 2 is
 * the submit time and field 4 the run time (seconds); field 5 the allocated
 * processors, or field 8 the requested ones when 5 is -1. Machines per job =
 * ceil(processors / procsPerNode), all of one type.
 */
export function readSwf(text: string, options: TraceReadOptions): TraceRead {
  const machine = options.machine;
  if (!machine) throw new TraceFileError('an SWF trace needs `machine:` (the type every job runs on)');
  const perNode = options.procsPerNode ?? 1;
  const out: TraceRead = { rows: [], bad: [], excluded: {}, read: 0 };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith(';')) continue;
    out.read++;
    const line = i + 1;
    const f = raw.split(/\s+/).map(Number);
    if (f.length !== 18 || f.some((x) => !Number.isFinite(x))) {
      out.bad.push({ line, message: `expected 18 numeric fields, found ${f.length}${f.some((x) => !Number.isFinite(x)) ? ' (some not numbers)' : ''}` });
      continue;
    }
    const [, submit, , runTime, allocated, , , requested] = f;
    const procs = allocated >= 1 ? allocated : requested;
    const problems: string[] = [];
    if (submit < 0) problems.push(`submit time ${submit} is unknown`);
    if (runTime < 0) problems.push(`run time ${runTime} is unknown`);
    if (!(procs >= 1)) problems.push('processors unknown (fields 5 and 8 are -1)');
    if (problems.length > 0) {
      out.bad.push({ line, message: problems.join('; ') });
      continue;
    }
    out.rows.push({ line, submit, duration: runTime, machine, nodes: Math.ceil(procs / perNode) });
  }
  return out;
}
