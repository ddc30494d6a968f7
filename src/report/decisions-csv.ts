import { stringify } from 'csv-stringify/sync';
import type { DecisionRecord } from '../metrics/decisions.js';

/** Columns of decisions.csv, in order. */
export const DECISION_COLUMNS = ['time', 'seconds', 'group', 'action', 'count', 'reason', 'limit', 'note'] as const;

/** decisions.csv: one row per decision record, ISO 8601 UTC times, seconds from t = 0 beside them. */
export function decisionsCsv(records: readonly DecisionRecord[], start: string): string {
  const startMs = Date.parse(start);
  return stringify(
    records.map((r) => [new Date(startMs + r.time * 1000).toISOString(), r.time, r.group, r.action, r.count, r.reason, r.limit ?? '', r.note ?? '']),
    { header: true, columns: [...DECISION_COLUMNS], cast: { number: (n) => String(n) } },
  );
}
