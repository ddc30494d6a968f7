const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** USD accrued over a span of `hours`, per 730-hour month (the Result's cost.monthly rule). */
export function perMonth(usd: number, hours: number): number {
  return (usd / hours) * 730;
}

/** "$1,842"; for a headline. */
export function formatUsdWhole(value: number): string {
  return usdWhole.format(value);
}

/** "$1,842.10"; whole dollars from $10,000 up. */
export function formatUsd(value: number): string {
  return Math.abs(value) >= 10000 ? usdWhole.format(value) : usd.format(value);
}

/** "12,345". */
export function formatCount(value: number): string {
  return grouped.format(value);
}

/** "72.1%". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A number with a fixed count of decimals, grouped: "2,663.0". */
export function formatFixed(value: number, decimals = 1): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A span of seconds for people: "0s", "0.4s", "45s", "6m 10s", "8m", "2h 05m", "3d 04h", "2d". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  if (seconds === 0) return '0s';
  if (seconds < 9.95) return `${seconds.toFixed(1).replace(/\.0$/, '')}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  const m = Math.round(seconds / 60);
  if (m < 24 * 60) return m % 60 === 0 ? `${m / 60}h` : `${Math.floor(m / 60)}h ${pad(m % 60)}m`;
  const h = Math.round(seconds / 3600);
  return h % 24 === 0 ? `${h / 24}d` : `${Math.floor(h / 24)}d ${pad(h % 24)}h`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A span of hours in words: "30 days", "1 day", "36 h", "1.5 h". */
export function formatSpan(hours: number): string {
  if (hours >= 48 || (hours >= 24 && hours % 24 === 0)) {
    const days = Number((hours / 24).toFixed(1));
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  return `${Number(hours.toFixed(1))} h`;
}
