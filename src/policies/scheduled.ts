import { timedOutIdle } from './idle-timeout.js';
import type { GroupDecision, PolicyDecision, PolicyView, ScalingPolicy } from './policy.js';

/** Hot nodes per machine type during a weekly window of local time. */
export interface ScheduleWindow {
  /** Days of the window, Monday = 0. */
  days: readonly number[];
  /** Start and end, minutes after local midnight; an end at or before the start runs past midnight. */
  from: number;
  to: number;
  nodes: Readonly<Record<string, number>>;
}

export interface ScheduledSettings {
  windows: readonly ScheduleWindow[];
  scaleDownUnneededTime: number;
}

const WEEK = 7 * 1440;

/** Minutes since Monday 00:00 of every (start, end) of the windows. */
function spans(w: ScheduleWindow): [number, number][] {
  const length = w.to > w.from ? w.to - w.from : w.to + 1440 - w.from;
  return w.days.map((d) => [d * 1440 + w.from, d * 1440 + w.from + length]);
}

/**
 * Hot nodes that follow weekly windows in the scenario's time zone (e.g. 3
 * P5000 on weekdays 08:00-19:00): inside a window a group keeps at least the
 * window's nodes, outside it the group's own hotNodes; jobs beyond that are
 * served reactively, and nodes above the floor go after their idle timeout.
 */
export function scheduledPolicy(settings: ScheduledSettings): ScalingPolicy {
  const unneeded = settings.scaleDownUnneededTime;
  const windows = settings.windows.map((w) => ({ nodes: w.nodes, spans: spans(w) }));
  const boundaries = [...new Set(windows.flatMap((w) => w.spans.flatMap(([a, b]) => [a % WEEK, b % WEEK])))].sort((a, b) => a - b);
  return {
    name: 'scheduled',
    eventDriven: true,
    decide(view: PolicyView): PolicyDecision {
      const minute = view.local.hourOfWeek * 60 + view.local.minute;
      const inside = (from: number, to: number) => (minute >= from && minute < to) || (minute + WEEK >= from && minute + WEEK < to);
      const groups: Record<string, GroupDecision> = {};
      let wakeAt = Infinity;
      for (const g of view.groups) {
        let floor = g.hotNodes;
        for (const w of windows) {
          const n = w.nodes[g.machine];
          if (n !== undefined && w.spans.some(([a, b]) => inside(a, b))) floor = Math.max(floor, n);
        }
        const supply = g.nodes.idle + g.nodes.booting;
        const pending = Math.max(0, g.queue.nodesWanted - supply);
        const toFloor = Math.max(0, floor - g.nodes.total);
        const add = Math.max(pending, toFloor);
        const keep = Math.max(0, Math.min(g.nodes.idle, floor - (g.nodes.total - g.nodes.idle)));
        const { remove, nextAt } = timedOutIdle(g, view.now, unneeded, keep);
        wakeAt = Math.min(wakeAt, nextAt);
        if (add > 0 || remove.length > 0) groups[g.machine] = { add, reason: pending >= toFloor ? 'pending-jobs' : 'schedule', remove, removeReason: 'idle-timeout' };
      }
      // Be asked again at the next window boundary (a minute past it, so the window has begun or ended).
      const next = boundaries.find((b) => b > minute) ?? (boundaries.length > 0 ? boundaries[0] + WEEK : Infinity);
      const localSecond = (view.epochMs / 1000) % 60;
      wakeAt = Math.min(wakeAt, view.now + (next - minute) * 60 - localSecond);
      return { groups, wakeAt };
    },
  };
}
