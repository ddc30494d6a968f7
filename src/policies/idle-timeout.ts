import type { GroupView } from './policy.js';

/**
 * The idle nodes of a group that have been idle at least `unneeded` seconds,
 * longest idle first, keeping `keep` of them (and never asking for the ones
 * the hot-node floor protects); and when the next one would qualify
 * (Infinity if none).
 */
export function timedOutIdle(g: GroupView, now: number, unneeded: number, keep = 0): { remove: number[]; nextAt: number } {
  const idle = g.nodes.idle;
  keep = Math.max(keep, g.hotNodes - (g.nodes.total - idle));
  const limit = idle - keep;
  const cutoff = now - unneeded;
  const remove: number[] = [];
  // Idle nodes are ordered by when they became idle: the next to qualify follows the timed-out ones.
  let nextAt = Infinity;
  for (let k = 0; k < limit; k++) {
    const node = g.idleAt(k) as { id: number; since: number };
    if (node.since > cutoff) {
      nextAt = node.since + unneeded;
      break;
    }
    remove.push(node.id);
  }
  return { remove, nextAt };
}
