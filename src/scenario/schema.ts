import * as z from 'zod';
import { REGION_NAMES } from '../catalog/regions.js';
import { DISTRIBUTION_NAMES, Z95, type Distribution } from '../random/distributions.js';
import { gammaFunction } from '../random/gamma-function.js';
import { PROFILES, PROFILE_NAMES, type Profile } from '../workload/profiles.js';
import { describe, parseDuration } from './units.js';
import { count, duration, positiveDuration, rate, WEEKLY, weekdays } from './zod-units.js';

/** The cap every distribution accepts. */
const cap = { max: positiveDuration().optional() };

const lognormal = z
  .strictObject({
    ...cap,
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
      return withCap({ dist: 'lognormal', mu: Math.log(d.median), sigma: Math.log(d.p95 / d.median) / Z95 }, d.max);
    }
    if (d.mu !== undefined && d.sigma !== undefined && d.median === undefined && d.p95 === undefined) {
      return withCap({ dist: 'lognormal', mu: d.mu, sigma: d.sigma }, d.max);
    }
    ctx.addIssue({ code: 'custom', message: 'lognormal takes either median and p95, or mu and sigma' });
    return z.NEVER;
  });

const distributionObject = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({ ...cap, dist: z.literal('fixed'), value: duration() }).transform((d): Distribution => withCap({ dist: 'fixed', value: d.value }, d.max)),
    z.strictObject({ ...cap, dist: z.literal('exponential'), mean: positiveDuration() }).transform((d): Distribution => withCap({ dist: 'exponential', mean: d.mean }, d.max)),
    lognormal,
    z
      .strictObject({ dist: z.literal('uniform'), min: duration(), max: duration() })
      .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
    z
      .strictObject({ ...cap, dist: z.literal('gamma'), mean: positiveDuration(), cv: z.number().positive() })
      .transform((d): Distribution => withCap({ dist: 'gamma', shape: 1 / (d.cv * d.cv), scale: d.mean * d.cv * d.cv }, d.max)),
    z
      .strictObject({ ...cap, dist: z.literal('weibull'), shape: z.number().positive(), scale: positiveDuration().optional(), mean: positiveDuration().optional() })
      .transform((d, ctx): Distribution => {
        if ((d.scale === undefined) === (d.mean === undefined)) {
          ctx.addIssue({ code: 'custom', message: 'weibull takes shape and either scale or mean' });
          return z.NEVER;
        }
        const scale = d.scale ?? (d.mean as number) / gammaFunction(1 + 1 / d.shape);
        return withCap({ dist: 'weibull', shape: d.shape, scale }, d.max);
      }),
    z
      .strictObject({
        ...cap,
        dist: z.literal('empirical'),
        values: z.array(z.unknown()).min(1).optional(),
        file: z.string().min(1).optional(),
        column: z.string().min(1).optional(),
      })
      .transform((d, ctx) => {
        if (d.values !== undefined && d.file === undefined && d.column === undefined) {
          const values: number[] = [];
          d.values.forEach((v, i) => {
            const parsed = parseDuration(v);
            if (typeof parsed === 'number' && parsed >= 0) values.push(parsed);
            else ctx.addIssue({ code: 'custom', path: ['values', i], message: typeof parsed === 'number' ? `${describe(v)} must be at least 0s` : parsed.error });
          });
          return withCap({ dist: 'empirical', values }, d.max);
        }
        if (d.values === undefined && d.file !== undefined && d.column !== undefined) {
          // Read by loadScenario, relative to the scenario file.
          return { dist: 'empirical', values: [], file: d.file, column: d.column, ...(d.max === undefined ? {} : { max: d.max }) } as Distribution;
        }
        ctx.addIssue({ code: 'custom', message: 'empirical takes either values (a list of durations), or file and column' });
        return z.NEVER;
      }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? `"dist" must be one of: ${DISTRIBUTION_NAMES.join(', ')}` : undefined) },
);

function withCap(d: Distribution, max: number | undefined): Distribution {
  return max === undefined ? d : { ...d, max };
}

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

/** A built-in profile's name, or an inline profile of hourly and daily weights. */
const profile = z.union([
  z.string().transform((name, ctx): Profile => {
    const p = PROFILES[name];
    if (!p) {
      ctx.addIssue({ code: 'custom', message: `"${name}" is not a profile; valid: ${PROFILE_NAMES.join(', ')}, or {hourly: [24 weights], daily: [7 weights]}` });
      return z.NEVER;
    }
    return p;
  }),
  z
    .strictObject({ hourly: z.array(z.number().min(0)).length(24).optional(), daily: z.array(z.number().min(0)).length(7).optional() })
    .transform((p, ctx): Profile => {
      const hourly = p.hourly ?? PROFILES.flat.hourly;
      const daily = p.daily ?? PROFILES.flat.daily;
      if (!hourly.some((w) => w > 0) || !daily.some((w) => w > 0)) {
        ctx.addIssue({ code: 'custom', message: 'a profile needs a positive weight in some hour and on some day' });
        return z.NEVER;
      }
      return { name: 'inline', hourly, daily };
    }),
]);

/** When a burst happens: an ISO date-time (once), or a weekly slot "Mon 09:00", "Mon-Fri 08:30", "daily 02:00". */
const burstTime = z.union([z.string(), z.date()]).transform((value, ctx) => {
  if (value instanceof Date || /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const ms = value instanceof Date ? value.getTime() : Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: `${describe(value)} is not an ISO 8601 date-time` });
      return z.NEVER;
    }
    return { onceMs: ms };
  }
  const m = WEEKLY.exec(value);
  const days = m ? weekdays(m[1]) : undefined;
  if (!m || !days || Number(m[2]) > 23 || Number(m[3]) > 59) {
    ctx.addIssue({ code: 'custom', message: `${describe(value)} is neither an ISO date-time nor a weekly slot like "Mon 09:00", "Mon-Fri 08:30" or "daily 02:00"` });
    return z.NEVER;
  }
  return { weekly: { days, minuteOfDay: Number(m[2]) * 60 + Number(m[3]) } };
});

const burst = z.strictObject({ at: burstTime, count: count(1), over: duration().default(0) });
const bursts = { bursts: z.array(burst).default([]) };

const arrivals = z.discriminatedUnion(
  'process',
  [
    z.strictObject({ process: z.literal('poisson'), rate, profile: profile.optional(), ...bursts }),
    z.strictObject({ process: z.literal('fixed'), interval: positiveDuration(), ...bursts }),
    z.strictObject({ process: z.literal('bursts'), bursts: z.array(burst).min(1) }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? '"process" must be one of: poisson, fixed, bursts' : undefined) },
);

const replicas = z.union([
  count(0),
  z.strictObject({
    requestRate: rate,
    profile: profile.optional(),
    targetPerReplica: rate,
    minReplicas: count(0).default(1),
    maxReplicas: count(1),
    cooldown: duration().default(120),
  }),
]);

const group = z.strictObject({
  machine: z.string(),
  hotNodes: count(0).default(0),
  maxPoolSize: count(1).default(10),
  bootTime: distribution.optional(),
  standbyNodes: count(0).default(0),
  standbyPricePerHour: z.number().min(0).optional(),
  standbyBootTime: distribution.optional(),
});

/** A built-in policy's name, a module path, or either with parameters; checked against the policy in loadScenario. */
type RawPolicy = { module: string; params: Record<string, unknown> } | { name: string; params: Record<string, unknown> };

const policy = z.union([
  z.string().min(1).transform((name): RawPolicy => (looksLikeModule(name) ? { module: name, params: {} } : { name, params: {} })),
  z
    .looseObject({ name: z.string().min(1).optional(), module: z.string().min(1).optional() })
    .transform(({ name, module, ...params }, ctx) => {
      if ((name === undefined) === (module === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'give either name (a built-in policy) or module (a .js or .ts file)' });
        return z.NEVER;
      }
      return (module !== undefined ? { module, params } : { name: name as string, params }) as RawPolicy;
    }),
]);

/** True when a policy is given as a file rather than a built-in name. */
export function looksLikeModule(text: string): boolean {
  return /[/\\]/.test(text) || /\.(m?js|ts|mts)$/.test(text);
}

const machineList = z.union([z.string(), z.array(z.string()).min(1)]).transform((m) => (Array.isArray(m) ? m : [m]));

const workload = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['job', 'notebook', 'deployment']).default('job'),
  machine: machineList.optional(),
  nodes: count(1).optional(),
  arrivals: arrivals.optional(),
  duration: distribution.optional(),
  patience: distribution.optional(),
  replicas: replicas.optional(),
  trace: z.string().min(1).optional(),
  format: z.enum(['csv', 'swf', 'alibaba-gpu']).optional(),
  procsPerNode: count(1).optional(),
  gpuModels: z.record(z.string(), z.string()).optional(),
  gpusPerNode: count(1).optional(),
  cpuMachine: z.string().optional(),
  timeScale: z.number().positive().optional(),
  shift: duration({ value: -Infinity, inclusive: true }).optional(),
  window: z.strictObject({ from: duration().default(0), to: positiveDuration().optional() }).optional(),
  machineMap: z.record(z.string(), z.string()).optional(),
  skipBadRows: z.boolean().optional(),
});

export type RawWorkload = z.output<typeof workload>;

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
  replications: count(1).default(1),
  checks: z
    .array(
      z.strictObject({
        metric: z.string().min(1),
        max: z.union([z.number(), z.string()]).optional(),
        min: z.union([z.number(), z.string()]).optional(),
        tolerance: z.union([z.number().min(0), z.string()]).optional(),
        worse: z.enum(['higher', 'lower']).default('higher'),
      }),
    )
    .default([]),
  horizon: duration({ value: 0, inclusive: false, hint: 'the measured span must be positive' }),
  warmup: duration().default(0),
  region: z.enum(REGION_NAMES).default('NY2'),
  timezone: z.string().optional(),
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
  policy: policy.prefault('reactive'),
  groups: z.array(group).min(1, 'a scenario needs at least one group'),
  workloads: z.array(workload).default([]),
});

export type RawScenario = z.output<typeof scenarioSchema>;

/** Every field name of the format, for "did you mean" hints on unknown fields. */
export const FIELD_NAMES = [
  ...Object.keys(scenarioSchema.shape),
  'granularity', 'bootBilled', 'machineCap', 'monthlyFee', 'scanInterval', 'scaleDownUnneededTime',
  'scaleDownDelayAfterAdd', 'pricePerHour', ...Object.keys(group.shape), ...Object.keys(workload.shape),
  'dist', 'value', 'mean', 'median', 'p95', 'mu', 'sigma', 'min', 'max', 'cv', 'shape', 'scale', 'values', 'file', 'column',
  'process', 'rate', 'interval', 'profile', 'hourly', 'daily', 'bursts', 'at', 'count', 'over',
  'requestRate', 'targetPerReplica', 'minReplicas', 'maxReplicas', 'cooldown', 'from', 'to',
  'checks', 'metric', 'tolerance', 'worse', 'name', 'module', 'spare', 'windows', 'days', 'nodes', 'method', 'target', 'scaleInCooldown',
];
