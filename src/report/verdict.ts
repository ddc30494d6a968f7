import type { Comparison } from '../experiment/compare.js';
import { formatDuration, formatUsd } from './format.js';

/**
 * The comparison in words, for each variant against the first:
 * "B costs $412/month more (±$35) and cuts p95 wait from 9m 40s to 1m 05s (±12s)".
 * A difference whose 95% interval spans zero is "no significant difference".
 */
export function verdicts(c: Comparison): string[] {
  const base = c.variants[0];
  return c.differences.map((d, k) => {
    const other = c.variants[k + 1];
    const parts: string[] = [];
    const cost = d.figures['cost.monthly'];
    if (cost.ciLow > 0 || cost.ciHigh < 0) {
      parts.push(`costs ${formatUsd(Math.abs(cost.mean))}/month ${cost.mean > 0 ? 'more' : 'less'} (±${formatUsd(cost.halfWidth)})`);
    } else {
      parts.push(`shows no significant difference in cost (${cost.mean >= 0 ? '+' : '-'}${formatUsd(Math.abs(cost.mean))} ±${formatUsd(cost.halfWidth)}/month)`);
    }
    const p95 = d.figures['wait.p95'];
    const from = base.figures['wait.p95'].mean;
    const to = other.figures['wait.p95'].mean;
    if (p95 && (p95.ciLow > 0 || p95.ciHigh < 0)) {
      parts.push(`${p95.mean < 0 ? 'cuts' : 'raises'} p95 wait from ${formatDuration(from)} to ${formatDuration(to)} (±${formatDuration(p95.halfWidth)})`);
    } else {
      parts.push(`no significant difference in p95 wait (${formatDuration(from)} and ${formatDuration(to)})`);
    }
    const gaveUp = d.figures['jobs.abandonedShare'];
    if (gaveUp && (base.figures['jobs.abandonedShare'].mean > 0 || other.figures['jobs.abandonedShare'].mean > 0) && (gaveUp.ciLow > 0 || gaveUp.ciHigh < 0)) {
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      parts.push(`${gaveUp.mean < 0 ? 'lowers' : 'raises'} the share who give up from ${pct(base.figures['jobs.abandonedShare'].mean)} to ${pct(other.figures['jobs.abandonedShare'].mean)} (±${pct(gaveUp.halfWidth)})`);
    }
    const last = parts.pop() as string;
    return `${d.label} ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last} (${c.replications} paired replications, 95% intervals, against ${d.against})`;
  });
}
