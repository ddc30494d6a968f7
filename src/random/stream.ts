import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * The random stream for one purpose (e.g. "workload:training/arrivals"),
 * derived from the scenario seed and the purpose's name only, so adding a
 * workload or a group never changes another one's draws (common random numbers
 * across compared settings). Alea: fast, and portable across machines.
 */
export function randomStream(seed: number | string, purpose: string): Random {
  return seedrandom.alea(`${seed}\u0000${purpose}`);
}
