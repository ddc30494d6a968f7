import { columnIndex, csvRows, numberCell } from './csv-rows.js';
import type { TraceRead, TraceReadOptions, TraceRow } from './trace-read.js';

/**
 * The project's trace CSV: `submit,duration,machine[,nodes][,workload]`, any
 * order, other columns ignored. `submit` is seconds from t = 0 or an ISO 8601
 * date-time; `duration` is seconds.
 */
export function readProjectCsv(text: string, options: TraceReadOptions): TraceRead {
  const { header, headerLine, records } = csvRows(text);
  const col = columnIndex(header, headerLine, ['submit', 'duration', 'machine'] as const, ['nodes', 'workload'] as const);
  const out: TraceRead = { rows: [], bad: [], excluded: {}, read: records.length };
  for (const { line, cells } of records) {
    const submitText = cells[col.submit] ?? '';
    let submit = numberCell(submitText);
    if (submit === undefined && /^\d{4}-\d{2}-\d{2}/.test(submitText)) {
      const ms = Date.parse(submitText);
      if (!Number.isNaN(ms)) submit = (ms - options.startMs) / 1000;
    }
    const duration = numberCell(cells[col.duration]);
    const machine = cells[col.machine] ?? '';
    const nodesText = col.nodes >= 0 ? (cells[col.nodes] ?? '') : '';
    const nodes = nodesText === '' ? 1 : Number(nodesText);
    const problems: string[] = [];
    if (submit === undefined) problems.push(`submit "${submitText}" is neither seconds nor an ISO 8601 date-time`);
    if (duration === undefined || duration < 0) problems.push(`duration "${cells[col.duration] ?? ''}" is not a non-negative number of seconds`);
    if (machine === '') problems.push('machine is empty');
    if (!Number.isInteger(nodes) || nodes < 1) problems.push(`nodes "${nodesText}" is not a whole number of at least 1`);
    if (problems.length > 0) {
      out.bad.push({ line, message: problems.join('; ') });
      continue;
    }
    const row: TraceRow = { line, submit: submit as number, duration: duration as number, machine, nodes };
    const label = col.workload >= 0 ? cells[col.workload] : '';
    if (label) row.label = label;
    out.rows.push(row);
  }
  return out;
}
