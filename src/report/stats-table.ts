import type { FigureStats } from '../experiment/compare.js';
import type { Stats } from '../experiment/statistics.js';
import { formatDuration, formatPercent, formatUsd } from './format.js';

/** How each headline figure reads: its label and its unit's formatter. */
export const KEY_FIGURES: readonly { path: string; label: string; format: (x: number) => string }[] = [
  { path: 'cost.monthly', label: 'cost per month', format: formatUsd },
  { path: 'wait.mean', label: 'mean wait', format: formatDuration },
  { path: 'wait.p50', label: 'p50 wait', format: formatDuration },
  { path: 'wait.p95', label: 'p95 wait', format: formatDuration },
  { path: 'wait.probWait', label: 'share that waited', format: formatPercent },
  { path: 'jobs.abandonedShare', label: 'share that gave up', format: formatPercent },
];

/** "mean ±half-width". */
export function withInterval(s: Stats, format: (x: number) => string): string {
  return s.n > 1 ? `${format(s.mean)} ±${format(s.halfWidth)}` : format(s.mean);
}

/** A difference with its sign: "+$412.00 ±$35.00". */
export function signedWithInterval(s: Stats, format: (x: number) => string): string {
  return `${s.mean >= 0 ? '+' : '-'}${format(Math.abs(s.mean))} ±${format(s.halfWidth)}`;
}

/** The key figures that the runs have, in order. */
export function keyFigures(figs: FigureStats) {
  return KEY_FIGURES.filter((k) => figs[k.path] !== undefined);
}
