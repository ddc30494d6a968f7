import * as z from 'zod';
import { REGION_NAMES } from '../catalog/regions.js';
import { DISTRIBUTION_NAMES, Z95, type Distribution } from '../random/distributions.js';
import { describe, parseDuration, parseRate } from './units.js';

/** A duration in seconds, written as a number of seconds or "10m", "2.5h", ... */
function duration(min: { value: number; inclusive: boolean; hint?: string } = { value: 0, inclusive: true }) {
  return z.unknown().transform((value, ctx) => {
    const parsed = parseDuration(value);
    if (typeof parsed !== 'number') {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    if (min.inclusive ? parsed < min.value : parsed <= min.value) {
      ctx.addIssue({
        code: 'custom',
        message: `${describe(value)} must be ${min.inclusive ? 'at least' : 'more than'} ${min.value}s${min.hint ? `; ${min.hint}` : ''}`,
      });
      return z.NEVER;
    }
    return parsed;
  });
}

const positiveDuration = () => duration({ value: 0, inclusive: false });

const rate = z.unknown().transform((value, ctx) => {
  const parsed = parseRate(value);
  if (typeof parsed !== 'number') {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  if (parsed <= 0) {
    ctx.addIssue({ code: 'custom', message: `${describe(value)} must be more than 0` });
    return z.NEVER;
  }
  return parsed;
});

const count = (min: number) => z.number().int().min(min);

const lognormal = z
  .strictObject({
    dist: z.literal('lognormal'),
    median: positiveDuration().optional(),
    p95: positiveDuration().optional(),
    mu: z.number().optional(),
    sigma: z.number().min(0).optional(),
  })
  .transform((d, ctx): Distribution => {
    if (d.median !== undefined && d.p95 !== undefined && d.mu === undefined && d.sigma === undefined) {
      if (d.p95 < d.median) {
        ctx.addIssue({ code: 'custom', path: ['p95'], message: `p95 (${d.p95}s) must be at least the median (${d.median}s)` });
        return z.NEVER;
      }
      return { dist: 'lognormal', mu: Math.log(d.median), sigma: Math.log(d.p95 / d.median) / Z95 };
    }
    if (d.mu !== undefined && d.sigma !== undefined && d.median === undefined && d.p95 === undefined) {
      return { dist: 'lognormal', mu: d.mu, sigma: d.sigma };
    }
    ctx.addIssue({ code: 'custom', message: 'lognormal takes either median and p95, or mu and sigma' });
    return z.NEVER;
  });

const distributionObject = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({ dist: z.literal('fixed'), value: duration() }),
    z.strictObject({ dist: z.literal('exponential'), mean: positiveDuration() }),
    lognormal,
    z
      .strictObject({ dist: z.literal('uniform'), min: duration(), max: duration() })
      .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
    z
      .strictObject({ dist: z.literal('gamma'), mean: positiveDuration(), cv: z.number().positive() })
      .transform((d): Distribution => ({ dist: 'gamma', shape: 1 / (d.cv * d.cv), scale: d.mean * d.cv * d.cv })),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? `"dist" must be one of: ${DISTRIBUTION_NAMES.join(', ')}` : undefined) },
);

/** A distribution of durations; a bare duration means `fixed`. */
const distribution = z.union([
  z.union([z.string(), z.number()]).transform((value, ctx): Distribution => {
    const parsed = parseDuration(value);
    if (typeof parsed === 'number' && parsed >= 0) return { dist: 'fixed', value: parsed };
    ctx.addIssue({ code: 'custom', message: typeof parsed === 'number' ? `${describe(value)} must be at least 0s` : parsed.error });
    return z.NEVER;
  }),
  distributionObject,
]);

const arrivals = z.discriminatedUnion(
  'process',
  [
    z.strictObject({ process: z.literal('poisson'), rate }),
    z.strictObject({ process: z.literal('fixed'), interval: positiveDuration() }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? '"process" must be one of: poisson, fixed' : undefined) },
);

const group = z.strictObject({
  machine: z.string(),
  hotNodes: count(0).default(0),
  maxPoolSize: count(1).default(10),
  bootTime: distribution.optional(),
});

const workload = z.strictObject({
  name: z.string().min(1).optional(),
  machine: z.string().optional(),
  nodes: count(1).optional(),
  arrivals: arrivals.optional(),
  duration: distribution.optional(),
  trace: z.string().min(1).optional(),
});

const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()) || (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(value))) {
    ctx.addIssue({ code: 'custom', message: `${describe(value)} is not an ISO 8601 date-time, e.g. "2026-01-05T00:00:00Z"` });
    return z.NEVER;
  }
  return date.toISOString();
});

/** The scenario file as written, with units parsed and defaults filled in. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  seed: z.number().int().min(0).default(1),
  horizon: duration({ value: 0, inclusive: false, hint: 'the measured span must be positive' }),
  warmup: duration().default(0),
  region: z.enum(REGION_NAMES).default('NY2'),
  start: isoDate.default('2024-01-01T00:00:00.000Z'),
  billing: z
    .strictObject({
      granularity: duration().default(1),
      bootBilled: z.boolean().default(true),
    })
    .prefault({}),
  cluster: z
    .strictObject({
      machineCap: z.union([count(1), z.literal('unlimited'), z.null()]).default(null).transform((v) => (v === 'unlimited' ? null : v)),
      monthlyFee: z.number().min(0).default(26),
    })
    .prefault({}),
  autoscaler: z
    .strictObject({
      scanInterval: duration().default(10),
      scaleDownUnneededTime: duration().default(480),
      scaleDownDelayAfterAdd: duration().default(120),
    })
    .prefault({}),
  catalog: z.record(z.string(), z.strictObject({ pricePerHour: z.number().min(0) })).default({}),
  groups: z.array(group).min(1, 'a scenario needs at least one group'),
  workloads: z.array(workload).default([]),
});

export type RawScenario = z.output<typeof scenarioSchema>;

/** Every field name of the format, for "did you mean" hints on unknown fields. */
export const FIELD_NAMES = [
  ...Object.keys(scenarioSchema.shape),
  'granularity', 'bootBilled', 'machineCap', 'monthlyFee', 'scanInterval', 'scaleDownUnneededTime',
  'scaleDownDelayAfterAdd', 'pricePerHour', ...Object.keys(group.shape), ...Object.keys(workload.shape),
  'dist', 'value', 'mean', 'median', 'p95', 'mu', 'sigma', 'min', 'max', 'cv', 'process', 'rate', 'interval',
];
