import type { Decision, PoolView, ScalingPolicy } from './policy.js';

export interface ReactiveSettings {
  /** Seconds a node must have been idle before it is removed. */
  scaleDownUnneededTime: number;
}

/**
 * The cluster-autoscaler's behaviour on Gradient's managed clusters: add as
 * many nodes as queued jobs want beyond the ready and booting supply; remove
 * nodes idle for `scaleDownUnneededTime`, longest idle first.
 */
export function reactivePolicy(settings: ReactiveSettings): ScalingPolicy {
  const unneeded = settings.scaleDownUnneededTime;
  return {
    name: 'reactive',
    decide(view: PoolView, decision: Decision): void {
      let wakeAt = Infinity;
      for (let g = 0; g < view.groups; g++) {
        const supply = view.idle[g] + view.booting[g];
        decision.add[g] = Math.max(0, view.wantedNodes[g] - supply);
        const removable = view.idleCountSince(g, view.now - unneeded);
        decision.remove[g] = removable;
        // Idle nodes are ordered by when they became idle: the next to qualify follows the removable ones.
        wakeAt = Math.min(wakeAt, view.idleSinceAt(g, removable) + unneeded);
      }
      decision.wakeAt = wakeAt;
    },
  };
}
