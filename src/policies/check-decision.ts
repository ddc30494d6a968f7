import { REASONS, type Reason } from './policy.js';

const REASON_SET = new Set<string>(REASONS);

/** A group's decision as a policy returned it, before checking. */
interface GroupDecisionInput {
  add?: unknown;
  remove?: unknown;
  reason?: unknown;
  removeReason?: unknown;
  note?: unknown;
}

/** A policy's decision, checked and laid out by group. */
export interface CheckedDecision {
  add: number[];
  reason: Reason[];
  remove: (readonly number[] | null)[];
  removeReason: Reason[];
  note: (string | undefined)[];
  wakeAt: number;
}

/**
 * Checks what a policy's decide() returned and lays it out by group in
 * `target` (reused from scan to scan). Anything malformed goes to `fail`
 * with the field's path; nothing is guessed or clamped here (the engine
 * clamps to the limits afterwards).
 */
export function checkDecision(raw: unknown, machines: readonly string[], target: CheckedDecision, fail: (field: string, message: string) => never): void {
  target.add.fill(0);
  target.reason.fill('custom');
  target.remove.fill(null);
  target.removeReason.fill('custom');
  target.note.fill(undefined);
  target.wakeAt = Infinity;
  if (raw === undefined || raw === null) return;
  if (typeof raw !== 'object') fail('decision', `expected an object { groups, wakeAt }, got ${typeof raw}`);
  const decision = raw as { groups?: unknown; wakeAt?: unknown };
  if (decision.wakeAt !== undefined) {
    if (typeof decision.wakeAt !== 'number' || Number.isNaN(decision.wakeAt)) fail('decision.wakeAt', `${String(decision.wakeAt)} is not a time in seconds`);
    target.wakeAt = decision.wakeAt as number;
  }
  if (decision.groups === undefined) return;
  if (!decision.groups || typeof decision.groups !== 'object') fail('decision.groups', 'expected an object keyed by machine type');
  const groups = decision.groups as Record<string, unknown>;
  for (const machine in groups) {
    const value = groups[machine];
    const g = machines.indexOf(machine);
    // Paths are built only for a message: this runs at every scan.
    const at = (field = '') => `decision.groups.${machine}${field}`;
    if (g < 0) fail(at(), `"${machine}" is not a group; groups: ${machines.join(', ')}`);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object') fail(at(), `expected { add, remove, reason, removeReason, note }, got ${typeof value}`);
    const v = value as GroupDecisionInput;
    if (v.add !== undefined) {
      if (typeof v.add !== 'number' || !Number.isInteger(v.add) || v.add < 0) fail(at('.add'), `${String(v.add)} is not a whole number of at least 0`);
      target.add[g] = v.add as number;
    }
    if (v.remove !== undefined) {
      if (!Array.isArray(v.remove) || v.remove.some((id) => typeof id !== 'number' || !Number.isInteger(id))) fail(at('.remove'), 'expected a list of node ids (whole numbers) from idleNodes');
      target.remove[g] = v.remove as number[];
    }
    for (const key of ['reason', 'removeReason'] as const) {
      const why = v[key];
      if (why === undefined) continue;
      if (typeof why !== 'string' || !REASON_SET.has(why)) fail(at(`.${key}`), `${JSON.stringify(why)} is not a reason; valid: ${REASONS.join(', ')}`);
      target[key][g] = why as Reason;
    }
    if (v.note !== undefined) {
      if (typeof v.note !== 'string') fail(at('.note'), 'must be a string');
      target.note[g] = v.note as string;
    }
  }
}
