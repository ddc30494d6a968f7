/**
 * Erlang's C formula: the probability that an arrival to an M/M/c queue waits,
 * with offered load a = lambda / mu (in servers) and c servers (a < c).
 * Computed through the Erlang B recursion, which is numerically stable for large c.
 */
export function erlangC(c: number, a: number): number {
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`c must be a positive integer, got ${c}`);
  if (!(a >= 0 && a < c)) throw new RangeError(`offered load must be in [0, c), got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b / (1 - (a / c) * (1 - b));
}

/** Mean wait in queue of an M/M/c queue with arrival rate lambda and mean service time s (seconds). */
export function mmcMeanWait(c: number, lambda: number, meanService: number): number {
  const a = lambda * meanService;
  return (erlangC(c, a) * meanService) / (c - a);
}
