import { timedOutIdle } from './idle-timeout.js';
import type { GroupView } from './policy.js';

/**
 * What keeping `spare` idle or booting nodes beyond the queue's needs asks of
 * a group: the nodes to add (and how many of them queued jobs want), and the
 * idle nodes past their timeout that are not among the spares.
 */
export function spareNodes(g: GroupView, spare: number, now: number, unneeded: number): { add: number; pending: number; remove: number[]; nextAt: number } {
  const supply = g.nodes.idle + g.nodes.booting;
  const pending = Math.max(0, g.queue.nodesWanted - supply);
  const add = Math.max(0, g.queue.nodesWanted + spare - supply);
  // Keep the spare nodes (and those queued jobs are about to take) out of the idle timeout.
  const keep = Math.max(0, Math.min(g.nodes.idle, g.queue.nodesWanted + spare - g.nodes.booting));
  const { remove, nextAt } = timedOutIdle(g, now, unneeded, keep);
  return { add, pending, remove, nextAt };
}
