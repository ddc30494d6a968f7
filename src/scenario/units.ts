/** Seconds per duration unit accepted in scenario files. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const TERM = new RegExp(`(${NUMBER})\\s*([a-zA-Z]+)`, 'y');
const BARE = new RegExp(`^${NUMBER}$`);

/**
 * Parses a duration: a number of seconds, or a string of number-unit terms
 * ("90s", "2.5h", "1h30m"). Returns seconds, or an error message.
 */
export function parseDuration(value: unknown): number | { error: string } {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : { error: `${value} is not a finite number of seconds` };
  }
  if (typeof value !== 'string') {
    return { error: `expected a duration like "90s", "10m" or "2.5h", got ${describe(value)}` };
  }
  const text = value.trim();
  if (text.startsWith('-')) {
    const magnitude = parseDuration(text.slice(1));
    return typeof magnitude === 'number' ? -magnitude : { error: `"${value}" is not a duration; write a number with a unit s, m, h, d or w, e.g. "10m"` };
  }
  if (BARE.test(text)) return Number(text);
  if (text === '') return { error: 'an empty string is not a duration; write a number with a unit s, m, h, d or w, e.g. "10m"' };
  let seconds = 0;
  let at = 0;
  while (at < text.length) {
    TERM.lastIndex = at;
    const m = TERM.exec(text);
    if (!m) return { error: `"${value}" is not a duration; write a number with a unit s, m, h, d or w, e.g. "10m"` };
    const unit = DURATION_UNITS[m[2]];
    if (unit === undefined) {
      return { error: `"${value}" has an unknown unit "${m[2]}"; valid units: s, m, h, d, w` };
    }
    seconds += Number(m[1]) * unit;
    at = TERM.lastIndex;
    while (text[at] === ' ') at++;
  }
  return seconds;
}

/** Parses a rate "N/s", "N/m", "N/h", "N/d" or "N/w" into events per second, or an error. */
export function parseRate(value: unknown): number | { error: string } {
  if (typeof value !== 'string') {
    return { error: `expected a rate like "3/h", got ${describe(value)}` };
  }
  const m = /^\s*([^/\s]+)\s*\/\s*([a-zA-Z]+)\s*$/.exec(value);
  if (!m || !BARE.test(m[1])) {
    return { error: `"${value}" is not a rate; write a count per unit, e.g. "3/h" or "0.5/m"` };
  }
  const unit = DURATION_UNITS[m[2]];
  if (unit === undefined) return { error: `"${value}" has an unknown unit "${m[2]}"; valid units: s, m, h, d, w` };
  return Number(m[1]) / unit;
}

/** A value quoted for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
