import { spareNodes } from './spare-nodes.js';
import type { GroupDecision, PolicyDecision, PolicyView, ScalingPolicy } from './policy.js';

export interface HeadroomSettings {
  /** Idle or booting nodes to keep beyond what queued jobs want: one number for every group, or per machine type. */
  spare: number | Readonly<Record<string, number>>;
  scaleDownUnneededTime: number;
}

/**
 * Reactive scaling plus `spare` ready nodes per group beyond current demand,
 * like Paperspace's "pool overprovisioner": the next job finds a machine
 * without waiting for a boot.
 */
export function headroomPolicy(settings: HeadroomSettings): ScalingPolicy {
  const unneeded = settings.scaleDownUnneededTime;
  const spareOf = (machine: string) => (typeof settings.spare === 'number' ? settings.spare : (settings.spare[machine] ?? 0));
  return {
    name: 'headroom',
    eventDriven: true,
    decide(view: PolicyView): PolicyDecision {
      const groups: Record<string, GroupDecision> = {};
      let wakeAt = Infinity;
      for (const g of view.groups) {
        const { add, pending, remove, nextAt } = spareNodes(g, spareOf(g.machine), view.now, unneeded);
        wakeAt = Math.min(wakeAt, nextAt);
        if (add > 0 || remove.length > 0) {
          groups[g.machine] = { add, reason: pending > 0 ? 'pending-jobs' : 'headroom', remove, removeReason: 'idle-timeout' };
        }
      }
      return { groups, wakeAt };
    },
  };
}
