import { parse, CsvError } from 'csv-parse/sync';
import type { ScenarioIssue } from './scenario-error.js';
import type { TraceJobs } from './scenario.js';

/** The columns of the project's trace CSV; `nodes` may be left out (default 1). */
export const TRACE_COLUMNS = ['submit', 'duration', 'machine', 'nodes'] as const;
const REQUIRED = ['submit', 'duration', 'machine'] as const;

/**
 * Reads a trace CSV (`submit,duration,machine,nodes`: seconds from t = 0,
 * seconds, machine type, machine count). Columns may come in any order; other
 * columns are ignored. Every bad row is reported with its line number, as is
 * every row `checkRow` objects to.
 */
export function parseTraceCsv(
  text: string,
  file: string,
  checkRow: (machine: string, nodes: number) => string | undefined = () => undefined,
): { jobs: TraceJobs; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const jobs: TraceJobs = { submit: [], duration: [], machine: [], nodes: [] };
  let rows: { info: { lines: number }; record: string[] }[];
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, comment: '#', comment_no_infix: true }) as never;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return { jobs, issues: [{ path: line ? `${file}:${line}` : file, message: `not valid CSV: ${error.message}` }] };
    }
    throw error;
  }
  if (rows.length === 0) return { jobs, issues: [{ path: file, message: `is empty; expected a header ${TRACE_COLUMNS.join(',')}` }] };
  const header = rows[0].record.map((h) => h.toLowerCase());
  const col = Object.fromEntries(TRACE_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof TRACE_COLUMNS)[number], number>;
  const missing = REQUIRED.filter((c) => col[c] < 0);
  if (missing.length > 0) {
    return {
      jobs,
      issues: [{ path: `${file}:${rows[0].info.lines}`, message: `header lacks ${missing.join(', ')}; expected columns ${TRACE_COLUMNS.join(',')} (nodes optional)` }],
    };
  }
  const order: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const { info, record } = rows[r];
    const where = `${file}:${info.lines}`;
    const submit = Number(record[col.submit]);
    const duration = Number(record[col.duration]);
    const machine = record[col.machine] ?? '';
    const nodesText = col.nodes >= 0 ? record[col.nodes] : '';
    const nodes = nodesText === '' || nodesText === undefined ? 1 : Number(nodesText);
    const problems: string[] = [];
    if (record[col.submit] === '' || !Number.isFinite(submit)) problems.push(`submit "${record[col.submit] ?? ''}" is not a number of seconds`);
    if (record[col.duration] === '' || !Number.isFinite(duration) || duration < 0) {
      problems.push(`duration "${record[col.duration] ?? ''}" is not a non-negative number of seconds`);
    }
    if (machine === '') problems.push('machine is empty');
    if (!Number.isInteger(nodes) || nodes < 1) problems.push(`nodes "${nodesText}" is not a whole number of at least 1`);
    if (problems.length === 0) {
      const problem = checkRow(machine, nodes);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) {
      issues.push({ path: where, message: problems.join('; ') });
      continue;
    }
    order.push(jobs.submit.length);
    jobs.submit.push(submit);
    jobs.duration.push(duration);
    jobs.machine.push(machine);
    jobs.nodes.push(nodes);
  }
  return { jobs: sortBySubmit(jobs, order), issues };
}

/** The jobs in submit order; equal submit times keep file order. */
function sortBySubmit(jobs: TraceJobs, order: number[]): TraceJobs {
  order.sort((a, b) => jobs.submit[a] - jobs.submit[b] || a - b);
  return {
    submit: order.map((i) => jobs.submit[i]),
    duration: order.map((i) => jobs.duration[i]),
    machine: order.map((i) => jobs.machine[i]),
    nodes: order.map((i) => jobs.nodes[i]),
  };
}
