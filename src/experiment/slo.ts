import { ScenarioError } from '../scenario/scenario-error.js';
import { parseDuration } from '../scenario/units.js';
import type { Stats } from './statistics.js';

/** A service-level objective on a figure: `wait.p95<=5m`, `abandoned<=1%`, `cost.monthly<=4000`. */
export interface Slo {
  text: string;
  metric: string;
  op: '<=' | '>=';
  value: number;
}

/**
 * Parses an SLO. The value takes the figure's unit: a duration for times
 * (`5m`), a percentage for shares (`1%`), a plain number otherwise.
 */
export function parseSlo(text: string): Slo {
  const m = /^\s*([A-Za-z0-9_.-]+)\s*(<=|>=)\s*(.+?)\s*$/.exec(text);
  const bad = (message: string) => new ScenarioError('--slo', [{ path: `--slo ${text}`, message }]);
  if (!m) throw bad('write METRIC<=VALUE or METRIC>=VALUE, e.g. wait.p95<=5m or abandoned<=1%');
  const [, metric, op, raw] = m;
  let value: number;
  if (raw.endsWith('%')) value = Number(raw.slice(0, -1)) / 100;
  else if (/^-?[\d.]+$/.test(raw)) value = Number(raw);
  else {
    const d = parseDuration(raw.replace(/^\$/, ''));
    if (typeof d !== 'number') throw bad(`"${raw}" is not a number, a percentage or a duration`);
    value = d;
  }
  if (!Number.isFinite(value)) throw bad(`"${raw}" is not a number`);
  return { text, metric, op: op as Slo['op'], value };
}

/** Met with confidence: the whole 95% interval is on the right side of the limit, not just the mean. */
export function meets(slo: Slo, s: Stats): boolean {
  return slo.op === '<=' ? s.ciHigh <= slo.value : s.ciLow >= slo.value;
}

/** Fails for sure: the whole interval is on the wrong side. */
export function fails(slo: Slo, s: Stats): boolean {
  return slo.op === '<=' ? s.ciLow > slo.value : s.ciHigh < slo.value;
}
