import { spareNodes } from './spare-nodes.js';
import type { GroupDecision, GroupView, PolicyDecision, PolicyView, ScalingPolicy } from './policy.js';

export interface PredictiveSettings {
  /** Where the arrival rate comes from: recent arrivals (EWMA), or the workloads' known profiles. */
  method: 'ewma' | 'profile';
  /** Highest acceptable probability that a job arriving during the next boot finds no ready node. */
  target: number;
  scaleDownUnneededTime: number;
}

/** The smallest k with P(Poisson(mean) > k) <= tail. */
export function poissonQuantile(mean: number, tail: number): number {
  if (!(mean > 0)) return 0;
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (1 - cdf > tail && k < 10_000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

function ratePerSecond(g: GroupView, method: PredictiveSettings['method']): number {
  if (method === 'profile' && g.workloads.every((w) => w.expectedPerHour !== null)) {
    return g.workloads.reduce((sum, w) => sum + (w.expectedPerHour as number), 0) / 3600;
  }
  return g.arrivals.ewmaPerHour / 3600;
}

/**
 * Pre-warms nodes for the arrivals expected while a node boots. The arrival
 * rate is estimated from recent arrivals (an exponentially weighted average
 * with a 15-minute half-life) or taken from the workloads' profiles; arrivals
 * in the next mean boot time are taken as Poisson, and the policy keeps
 * enough idle or booting nodes beyond the queue's needs that more arrivals
 * than that come with probability at most `target`.
 */
export function predictivePolicy(settings: PredictiveSettings): ScalingPolicy {
  const unneeded = settings.scaleDownUnneededTime;
  return {
    name: 'predictive',
    decide(view: PolicyView): PolicyDecision {
      const groups: Record<string, GroupDecision> = {};
      let wakeAt = Infinity;
      for (const g of view.groups) {
        const expected = ratePerSecond(g, settings.method) * g.bootTime.mean;
        const spare = poissonQuantile(expected, settings.target);
        const { add, pending, remove, nextAt } = spareNodes(g, spare, view.now, unneeded);
        wakeAt = Math.min(wakeAt, nextAt);
        if (add > 0 || remove.length > 0) {
          groups[g.machine] = { add, reason: pending > 0 ? 'pending-jobs' : 'forecast', remove, removeReason: 'idle-timeout', note: `${expected.toFixed(2)} arrivals expected per boot; ${spare} spare` };
        }
      }
      return { groups, wakeAt };
    },
  };
}
