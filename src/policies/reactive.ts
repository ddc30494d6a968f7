import { timedOutIdle } from './idle-timeout.js';
import type { GroupDecision, PolicyDecision, PolicyView, ScalingPolicy } from './policy.js';

export interface ReactiveSettings {
  /** Seconds a node must have been idle before it is removed. */
  scaleDownUnneededTime: number;
}

/**
 * The cluster-autoscaler's behaviour on Gradient's managed clusters: add as
 * many nodes as queued jobs want beyond the idle and booting supply; remove
 * nodes idle for `scaleDownUnneededTime`, longest idle first.
 */
export function reactivePolicy(settings: ReactiveSettings): ScalingPolicy {
  const unneeded = settings.scaleDownUnneededTime;
  return {
    name: 'reactive',
    eventDriven: true,
    decide(view: PolicyView): PolicyDecision {
      const groups: Record<string, GroupDecision> = {};
      let wakeAt = Infinity;
      for (const g of view.groups) {
        const add = Math.max(0, g.queue.nodesWanted - (g.nodes.idle + g.nodes.booting));
        const { remove, nextAt } = timedOutIdle(g, view.now, unneeded);
        wakeAt = Math.min(wakeAt, nextAt);
        if (add > 0 || remove.length > 0) groups[g.machine] = { add, reason: 'pending-jobs', remove, removeReason: 'idle-timeout' };
      }
      return { groups, wakeAt };
    },
  };
}
