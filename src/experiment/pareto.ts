/**
 * Indices of the points on the Pareto frontier when both coordinates are to be
 * minimised: no other point is at least as good in both and better in one.
 * In order of increasing x.
 */
export function paretoFrontier(points: readonly { x: number; y: number }[]): number[] {
  const order = points.map((_, i) => i).sort((a, b) => points[a].x - points[b].x || points[a].y - points[b].y);
  const front: number[] = [];
  let bestY = Infinity;
  for (const i of order) {
    if (points[i].y < bestY) {
      front.push(i);
      bestY = points[i].y;
    }
  }
  return front;
}
