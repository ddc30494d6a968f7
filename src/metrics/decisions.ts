import type { Limit, Reason } from '../policies/policy.js';

/** What the engine did with a policy's decision. */
export const DECISION_ACTIONS = ['scale-up', 'wake-standby', 'scale-down', 'to-standby', 'scale-up-blocked', 'scale-down-blocked'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/**
 * One scaling decision, made or cut short: at `time` (simulated seconds), for
 * `group`, `count` nodes, why (`reason`, from the policy), and for one cut
 * short, the `limit` that bound it. A long block at a limit is one record.
 */
export interface DecisionRecord {
  time: number;
  group: string;
  action: DecisionAction;
  count: number;
  reason: Reason;
  limit?: Limit;
  note?: string;
}

/** Decision records in the measured span, counted. */
export interface DecisionSummary {
  /** Records. */
  records: number;
  /** Nodes, by action. */
  byAction: Partial<Record<DecisionAction, number>>;
  /** Records, by the policy's reason. */
  byReason: Partial<Record<Reason, number>>;
  /** Records cut short, by the limit that bound them. */
  byLimit: Partial<Record<Limit, number>>;
}

export function emptyDecisionSummary(): DecisionSummary {
  return { records: 0, byAction: {}, byReason: {}, byLimit: {} };
}
