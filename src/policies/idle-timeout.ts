import type { GroupView } from './policy.js';

/**
 * The idle nodes of a group that have been idle at least `unneeded` seconds,
 * longest idle first, keeping `keep` of them (and never asking for the ones
 * the hot-node floor protects); and when the next one would qualify
 * (Infinity if none).
 */
export function timedOutIdle(g: GroupView, now: number, unneeded: number, keep = 0): { remove: number[]; nextAt: number } {
  keep = Math.max(keep, g.hotNodes - (g.nodes.total - g.nodes.idle));
  const idle = g.idleNodes;
  const cutoff = now - unneeded;
  let k = 0;
  while (k < idle.length && idle[k].since <= cutoff) k++;
  const removable = Math.max(0, Math.min(k, idle.length - keep));
  const remove = idle.slice(0, removable).map((n) => n.id);
  // Idle nodes are ordered by when they became idle: the next to qualify follows the timed-out ones.
  const nextAt = k < idle.length && idle.length - keep > k ? idle[k].since + unneeded : Infinity;
  return { remove, nextAt };
}
