import { parse, CsvError } from 'csv-parse/sync';
import { TraceFileError } from './trace-read.js';

/** A CSV's header (lower-cased) and data records with their line numbers; blank and `#` lines skipped. */
export function csvRows(text: string): { header: string[]; headerLine: number; records: { line: number; cells: string[] }[] } {
  let rows: { info: { lines: number }; record: string[] }[];
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, comment: '#', comment_no_infix: true }) as never;
  } catch (error) {
    if (error instanceof CsvError) throw new TraceFileError(`not valid CSV: ${error.message}`, (error as CsvError & { lines?: number }).lines);
    throw error;
  }
  if (rows.length === 0) throw new TraceFileError('is empty: no header row');
  return {
    header: rows[0].record.map((h) => h.toLowerCase()),
    headerLine: rows[0].info.lines,
    records: rows.slice(1).map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

/** The index of each named column; throws naming the missing ones. */
export function columnIndex<C extends string>(header: string[], headerLine: number, required: readonly C[], optional: readonly C[] = []): Record<C, number> {
  const index = Object.fromEntries([...required, ...optional].map((c) => [c, header.indexOf(c)])) as Record<C, number>;
  const missing = required.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    throw new TraceFileError(`header lacks ${missing.join(', ')}; expected columns ${[...required, ...optional.map((o) => `[${o}]`)].join(',')}`, headerLine);
  }
  return index;
}

/** A cell as a finite number, or undefined. */
export function numberCell(cell: string | undefined): number | undefined {
  if (cell === undefined || cell === '') return undefined;
  const n = Number(cell);
  return Number.isFinite(n) ? n : undefined;
}
