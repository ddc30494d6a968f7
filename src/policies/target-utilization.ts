import type { GroupDecision, PolicyDecision, PolicyView, ScalingPolicy } from './policy.js';

export interface TargetUtilizationSettings {
  /** Wanted share of nodes in use (busy, reserved, or wanted by queued jobs), in (0, 1]. */
  target: number;
  /** Seconds between two removals in a group: scale-in is gradual. */
  scaleInCooldown: number;
  /** Seconds a node must have been idle before it may be removed. */
  scaleDownUnneededTime: number;
}

/**
 * Target tracking, as AWS does it: keep in-use / total near `target`. Scale
 * out at once to ceil(in use / target); scale in by one idle node at a time,
 * at most once per `scaleInCooldown` per group.
 */
export function targetUtilizationPolicy(settings: TargetUtilizationSettings): ScalingPolicy {
  return {
    name: 'target-utilization',
    decide(view: PolicyView): PolicyDecision {
      const groups: Record<string, GroupDecision> = {};
      let wakeAt = Infinity;
      for (const g of view.groups) {
        const inUse = g.nodes.busy + g.nodes.reserved + g.queue.nodesWanted;
        const desired = Math.max(g.hotNodes, Math.ceil(inUse / settings.target - 1e-9));
        const add = Math.max(0, desired - g.nodes.total);
        let remove: number[] = [];
        const oldest = g.idleNodes[0];
        if (add === 0 && g.nodes.total > desired && oldest) {
          // Scale in when both the cooldown and the oldest idle node's timeout have passed.
          const due = Math.max(view.now - g.sinceScaleDown + settings.scaleInCooldown, oldest.since + settings.scaleDownUnneededTime);
          if (due <= view.now) {
            remove = [oldest.id];
            const next = g.idleNodes[1];
            if (next && g.nodes.total - 1 > desired) wakeAt = Math.min(wakeAt, Math.max(view.now + settings.scaleInCooldown, next.since + settings.scaleDownUnneededTime));
          } else {
            wakeAt = Math.min(wakeAt, due);
          }
        }
        if (add > 0 || remove.length > 0) {
          groups[g.machine] = { add, reason: 'utilization', remove, removeReason: 'utilization', note: `in use ${inUse} of ${g.nodes.total}, desired ${desired}` };
        }
      }
      return { groups, wakeAt };
    },
  };
}
