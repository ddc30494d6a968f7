import * as z from 'zod';
import { WEEKDAYS } from '../time/local-clock.js';
import { describe, parseDuration, parseRate } from './units.js';

/** A duration in seconds, written as a number of seconds or "10m", "2.5h", ... */
export function duration(min: { value: number; inclusive: boolean; hint?: string } = { value: 0, inclusive: true }) {
  return z.unknown().transform((value, ctx) => {
    const parsed = parseDuration(value);
    if (typeof parsed !== 'number') {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    if (min.inclusive ? parsed < min.value : parsed <= min.value) {
      ctx.addIssue({
        code: 'custom',
        message: `${describe(value)} must be ${min.inclusive ? 'at least' : 'more than'} ${min.value}s${min.hint ? `; ${min.hint}` : ''}`,
      });
      return z.NEVER;
    }
    return parsed;
  });
}

export const positiveDuration = () => duration({ value: 0, inclusive: false });

export const rate = z.unknown().transform((value, ctx) => {
  const parsed = parseRate(value);
  if (typeof parsed !== 'number') {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  if (parsed <= 0) {
    ctx.addIssue({ code: 'custom', message: `${describe(value)} must be more than 0` });
    return z.NEVER;
  }
  return parsed;
});

export const count = (min: number) => z.number().int().min(min);


/** A local time of day "HH:MM", as minutes after midnight. */
export const timeOfDay = z.string().transform((value, ctx) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && Number(m[2]) > 0)) {
    ctx.addIssue({ code: 'custom', message: `${describe(value)} is not a time of day like "08:00" or "19:30"` });
    return z.NEVER;
  }
  return Number(m[1]) * 60 + Number(m[2]);
});

export const WEEKLY = /^\s*([A-Za-z,\-*]+)\s+(\d{1,2}):(\d{2})\s*$/;

/** Parses a weekly slot's day list: "Mon", "Mon-Fri", "Mon,Wed,Fri", "daily" or "*"; Monday = 0. */
export function weekdays(text: string): number[] | undefined {
  if (text === '*' || text.toLowerCase() === 'daily') return [0, 1, 2, 3, 4, 5, 6];
  const index = (name: string) => WEEKDAYS.findIndex((d) => d.toLowerCase() === name.toLowerCase().slice(0, 3) && name.length >= 3);
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    const from = index(a);
    const to = b === undefined ? from : index(b);
    if (from < 0 || to < 0) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort();
}


/** A day list "Mon", "Mon-Fri", "Sat,Sun", "daily": Monday = 0. */
export const dayList = z.string().transform((value, ctx) => {
  const days = weekdays(value.trim());
  if (!days) {
    ctx.addIssue({ code: 'custom', message: `${describe(value)} is not a day list like "Mon-Fri", "Sat,Sun" or "daily"` });
    return z.NEVER;
  }
  return days;
});
