/** A number for CSV: at most `decimals` decimals, no trailing zeros, no locale, no exponent for ordinary values; "" for NaN. */
export function csvNumber(value: number, decimals = 6): string {
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** An ISO 8601 UTC time for simulated seconds `t` after `start`. */
export function isoTime(start: string, t: number): string {
  return new Date(Date.parse(start) + Math.round(t * 1000)).toISOString();
}
