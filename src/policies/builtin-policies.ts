import * as z from 'zod';
import type { Scenario } from '../scenario/scenario.js';
import { count, dayList, duration, timeOfDay } from '../scenario/zod-units.js';
import { headroomPolicy } from './headroom.js';
import type { ScalingPolicy } from './policy.js';
import { predictivePolicy } from './predictive.js';
import { reactivePolicy } from './reactive.js';
import { scheduledPolicy } from './scheduled.js';
import { targetUtilizationPolicy } from './target-utilization.js';

interface BuiltinPolicy {
  readonly describe: string;
  /** The policy's parameters as written in a scenario (units parsed, defaults filled in). */
  readonly params: z.ZodType<Record<string, unknown>>;
  readonly create: (params: never, scenario: Scenario) => ScalingPolicy;
}

const unneeded = (s: Scenario) => s.autoscaler.scaleDownUnneededTime;

const window = z.strictObject({
  days: dayList,
  from: timeOfDay,
  to: timeOfDay,
  nodes: z.record(z.string(), count(0)),
});

/** The built-in policies, keyed by the name a scenario or `--policy` gives. */
export const BUILTIN_POLICIES = {
  reactive: {
    describe: 'add nodes for queued jobs, remove nodes idle for scaleDownUnneededTime (the managed autoscaler)',
    params: z.strictObject({}),
    create: (_: object, s: Scenario) => reactivePolicy({ scaleDownUnneededTime: unneeded(s) }),
  },
  headroom: {
    describe: 'reactive, plus `spare` ready nodes per group beyond demand',
    params: z.strictObject({ spare: z.union([count(0), z.record(z.string(), count(0))]).default(1) }),
    create: (p: { spare: number | Record<string, number> }, s: Scenario) => headroomPolicy({ spare: p.spare, scaleDownUnneededTime: unneeded(s) }),
  },
  scheduled: {
    describe: 'hot nodes that follow weekly windows of local time',
    params: z.strictObject({ windows: z.array(window).min(1) }),
    create: (p: { windows: z.output<typeof window>[] }, s: Scenario) => scheduledPolicy({ windows: p.windows, scaleDownUnneededTime: unneeded(s) }),
  },
  predictive: {
    describe: 'pre-warm nodes for the arrivals expected during a boot (EWMA or profile)',
    params: z.strictObject({ method: z.enum(['ewma', 'profile']).default('ewma'), target: z.number().gt(0).lt(1).default(0.1) }),
    create: (p: { method: 'ewma' | 'profile'; target: number }, s: Scenario) => predictivePolicy({ ...p, scaleDownUnneededTime: unneeded(s) }),
  },
  'target-utilization': {
    describe: 'keep in-use / total near a target; scale out at once, scale in one node per cooldown',
    params: z.strictObject({ target: z.number().gt(0).max(1).default(0.7), scaleInCooldown: duration().default(300) }),
    create: (p: { target: number; scaleInCooldown: number }, s: Scenario) => targetUtilizationPolicy({ ...p, scaleDownUnneededTime: unneeded(s) }),
  },
} satisfies Record<string, BuiltinPolicy>;

export type BuiltinPolicyName = keyof typeof BUILTIN_POLICIES;
export const BUILTIN_POLICY_NAMES = Object.keys(BUILTIN_POLICIES) as BuiltinPolicyName[];
