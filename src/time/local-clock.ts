const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Day names, Monday first, as used by profiles and weekly slots. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The hour of the week (0 = Monday 00:00) of a local time in milliseconds since 1970-01-01T00:00 local. */
export function hourOfWeekAt(localMs: number): number {
  const days = Math.floor(localMs / DAY_MS);
  const weekday = (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return weekday * 24 + Math.floor((localMs - days * DAY_MS) / HOUR_MS);
}

/** True when `timezone` is an IANA time zone name this runtime knows. */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall-clock time in one time zone for simulated seconds since the scenario's
 * start, daylight saving included. Offsets come from the runtime's time zone
 * database, cached per UTC day, so the hot path is arithmetic.
 */
export class LocalClock {
  private readonly startMs: number;
  private readonly format: Intl.DateTimeFormat;
  private readonly dayOffsets = new Map<number, number>();
  private lastDay = NaN;
  private lastOffset = NaN;

  constructor(
    readonly timezone: string,
    start: string,
  ) {
    this.startMs = Date.parse(start);
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to UTC to get local time, at the instant `epochMs`. */
  offsetMs(epochMs: number): number {
    const day = Math.floor(epochMs / DAY_MS);
    if (day === this.lastDay && this.lastOffset === this.lastOffset) return this.lastOffset;
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const a = this.exactOffset(day * DAY_MS);
      const b = this.exactOffset((day + 1) * DAY_MS);
      // NaN marks a day with a transition: those instants are looked up exactly.
      offset = a === b ? a : NaN;
      this.dayOffsets.set(day, offset);
    }
    this.lastDay = day;
    this.lastOffset = offset;
    return offset === offset ? offset : this.exactOffset(epochMs);
  }

  private exactOffset(epochMs: number): number {
    const parts = this.format.formatToParts(new Date(epochMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return local - Math.floor(epochMs / 1000) * 1000;
  }

  /** Milliseconds since the epoch (UTC) at simulated time `t` seconds. */
  epochMs(t: number): number {
    return this.startMs + t * 1000;
  }

  /** Local milliseconds since 1970-01-01T00:00 local, at simulated time `t` seconds. */
  localMs(t: number): number {
    const epochMs = this.startMs + t * 1000;
    return epochMs + this.offsetMs(epochMs);
  }

  /** Local hour of the week at simulated time `t`: 0 = Monday 00:00-00:59, 167 = Sunday 23:00-23:59. */
  hourOfWeek(t: number): number {
    return hourOfWeekAt(this.localMs(t));
  }

  /**
   * The simulated time (seconds) at which the local wall clock shows `localMs`.
   * A local time that occurs twice (clocks going back) gives the earlier
   * instant; one that is skipped (clocks going forward) gives the instant as
   * many minutes after the gap, as Temporal's "compatible" rule does.
   */
  toSimulated(localMs: number): number {
    const before = localMs - this.offsetMs(localMs - DAY_MS);
    const after = localMs - this.offsetMs(localMs + DAY_MS);
    const valid = [before, after].filter((epoch) => epoch + this.offsetMs(epoch) === localMs);
    const epoch = valid.length > 0 ? Math.min(...valid) : before;
    return (epoch - this.startMs) / 1000;
  }

  /** The start of the local day containing simulated time `t`, as local milliseconds. */
  localDayStartMs(t: number): number {
    return Math.floor(this.localMs(t) / DAY_MS) * DAY_MS;
  }

  /**
   * Simulated time of the next local hour boundary strictly after `t`. Steps
   * by wall-clock hours in the current offset, so the repeated hour when
   * clocks go back is its own hour, and the skipped one is never visited.
   */
  nextHourBoundary(t: number): number {
    const local = this.localMs(t);
    return t + ((Math.floor(local / HOUR_MS) + 1) * HOUR_MS - local) / 1000;
  }
}
