import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { MACHINE_NAMES, MACHINE_TYPES } from '../catalog/machines.js';
import { REGIONS } from '../catalog/regions.js';
import { BUILTIN_POLICIES, BUILTIN_POLICY_NAMES, type BuiltinPolicyName } from '../policies/builtin-policies.js';
import { scaleDistribution, type Distribution } from '../random/distributions.js';
import { isTimeZone } from '../time/local-clock.js';
import { closest } from './closest.js';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import type { Arrivals, Burst, Check, Group, PolicySpec, Scenario, TraceFormat, Workload } from './scenario.js';
import { PolicyError, loadPolicyModule } from '../policies/policy-module.js';
import { FIELD_NAMES, looksLikeModule, scenarioSchema, type RawScenario, type RawWorkload } from './schema.js';
import { columnIndex, csvRows } from './traces/csv-rows.js';
import { replayRows } from './traces/replay.js';
import { TraceFileError } from './traces/trace-read.js';
import { FORMAT_FIELDS, TRACE_FORMATS } from './traces/trace-formats.js';
import { describe, parseDuration } from './units.js';
import { errorMessage, toScenarioIssues } from './zod-issues.js';

/** Assumed warm-pool defaults: storage price as a share of the running price, and start-up time as a share of a cold boot. */
export const STANDBY_PRICE_SHARE = 0.05;
export const STANDBY_BOOT_SHARE = 0.4;

export interface LoadOptions {
  /** Directory that relative trace paths are resolved against (default: the file's directory, or the working directory for an object). */
  baseDir?: string;
}

/**
 * Reads, validates and normalises a scenario from a YAML or JSON file (by
 * extension) or from an object shaped like one. Throws a `ScenarioError`
 * listing every problem found.
 */
export async function loadScenario(input: string | object, options: LoadOptions = {}): Promise<Scenario> {
  const source = typeof input === 'string' ? input : '(scenario object)';
  const raw = typeof input === 'string' ? readScenarioFile(input) : input;
  const baseDir = options.baseDir ?? (typeof input === 'string' ? dirname(resolve(input)) : process.cwd());
  const parsed = scenarioSchema.safeParse(raw, { error: errorMessage });
  if (!parsed.success) throw new ScenarioError(source, toScenarioIssues(parsed.error.issues, FIELD_NAMES));
  const issues: ScenarioIssue[] = [];
  const scenario = normalise(parsed.data, baseDir, issues);
  if (issues.length === 0 && 'module' in scenario.policy) {
    try {
      await loadPolicyModule(scenario.policy.module);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      issues.push({ path: 'policy', message: error.message });
    }
  }
  if (issues.length > 0) throw new ScenarioError(source, issues);
  return scenario;
}

/**
 * The policy a `--policy` option names: a built-in (default parameters) or a
 * module path, relative to `baseDir`; a module is loaded at once.
 */
export async function resolvePolicy(text: string, baseDir: string): Promise<PolicySpec> {
  const issues: ScenarioIssue[] = [];
  const spec = normalisePolicy(looksLikeModule(text) ? { module: text, params: {} } : { name: text, params: {} }, baseDir, issues);
  if (issues.length > 0) throw new ScenarioError('--policy', issues);
  if ('module' in spec) await loadPolicyModule(spec.module);
  return spec;
}

/** A scenario file as written: the parsed YAML or JSON, before validation (for variants made with --set). */
export function readScenarioSource(path: string): unknown {
  return readScenarioFile(path);
}

function readScenarioFile(path: string): unknown {
  const ext = extname(path).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    throw new ScenarioError(path, [{ path: '', message: `unknown file type "${ext}"; a scenario is a .yaml, .yml or .json file` }]);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(path, [{ path: '', message: `cannot read the file: ${readProblem(error)}` }]);
  }
  try {
    return ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw new ScenarioError(path, [{ path: at ? `line ${at.line}, column ${at.col}` : '', message: `not valid YAML: ${error.message.split('\n')[0]}` }]);
    }
    if (error instanceof SyntaxError) throw new ScenarioError(path, [{ path: '', message: `not valid JSON: ${error.message}` }]);
    throw error;
  }
}

function normalise(raw: RawScenario, baseDir: string, issues: ScenarioIssue[]): Scenario {
  const { region } = raw;
  const cap = raw.cluster.machineCap;
  const startMs = Date.parse(raw.start);
  const timezone = raw.timezone ?? REGIONS[region].timezone;
  if (!isTimeZone(timezone)) issues.push({ path: 'timezone', message: `"${timezone}" is not an IANA time zone, e.g. "Europe/Amsterdam"` });
  for (const name of Object.keys(raw.catalog)) {
    if (!MACHINE_TYPES[name]) issues.push({ path: `catalog.${name}`, message: unknownMachine(name) });
  }

  const groups: Group[] = [];
  const groupIndex = new Map<string, number>();
  raw.groups.forEach((g, i) => {
    const at = `groups[${i}]`;
    const type = MACHINE_TYPES[g.machine];
    if (!type) {
      issues.push({ path: `${at}.machine`, message: unknownMachine(g.machine) });
    } else if (!type.regions.includes(region)) {
      issues.push({ path: `${at}.machine`, message: `"${g.machine}" is not offered in ${region}; it is offered in ${type.regions.join(', ')}` });
    }
    if (groupIndex.has(g.machine)) {
      issues.push({ path: `${at}.machine`, message: `"${g.machine}" already has a group (groups[${groupIndex.get(g.machine)}]); one group per machine type` });
    } else {
      groupIndex.set(g.machine, i);
    }
    if (g.hotNodes > g.maxPoolSize) {
      issues.push({ path: `${at}.hotNodes`, message: `${g.hotNodes} is more than maxPoolSize ${g.maxPoolSize}` });
    }
    const pricePerHour = raw.catalog[g.machine]?.pricePerHour ?? type?.pricePerHour ?? 0;
    const bootTime = resolveDistribution(g.bootTime ?? type?.bootTime ?? { dist: 'fixed', value: 0 }, `${at}.bootTime`, baseDir, issues);
    if (g.standbyNodes === 0) {
      for (const field of ['standbyPricePerHour', 'standbyBootTime'] as const) {
        if (g[field] !== undefined) issues.push({ path: `${at}.${field}`, message: 'has no effect without standbyNodes' });
      }
    }
    groups.push({
      machine: g.machine,
      hotNodes: g.hotNodes,
      maxPoolSize: g.maxPoolSize,
      pricePerHour,
      bootTime,
      standbyNodes: g.standbyNodes,
      // Assumptions, stated in the README: storage costs 5% of the running price; a stopped machine starts in 40% of a cold boot.
      standbyPricePerHour: g.standbyPricePerHour ?? STANDBY_PRICE_SHARE * pricePerHour,
      standbyBootTime: g.standbyBootTime
        ? resolveDistribution(g.standbyBootTime, `${at}.standbyBootTime`, baseDir, issues)
        : scaleDistribution(bootTime, STANDBY_BOOT_SHARE),
    });
  });
  const hotTotal = groups.reduce((sum, g) => sum + g.hotNodes, 0);
  if (cap !== null && hotTotal > cap) {
    issues.push({ path: 'cluster.machineCap', message: `${cap} is less than the hot nodes of all groups together (${hotTotal})` });
  }

  /** Why a job of `nodes` machines of type `machine` cannot run, if it cannot. */
  const unrunnable = (machine: string, nodes: number): string | undefined => {
    const i = groupIndex.get(machine);
    if (i === undefined) {
      return MACHINE_TYPES[machine] ? `machine "${machine}" has no group; add a group for it under groups` : `machine ${unknownMachine(machine)}`;
    }
    if (nodes > groups[i].maxPoolSize) return `needs ${nodes} nodes, more than maxPoolSize ${groups[i].maxPoolSize} of ${machine}`;
    if (cap !== null && nodes > cap) return `needs ${nodes} nodes, more than cluster.machineCap ${cap}`;
    return undefined;
  };
  const checkMachines = (machines: string[], nodes: number, at: string) => {
    machines.forEach((m, k) => {
      const problem = unrunnable(m, nodes);
      const where = machines.length > 1 ? `${at}.machine[${k}]` : `${at}.machine`;
      if (problem) issues.push({ path: problem.startsWith('needs') ? `${at}.nodes` : where, message: problem });
    });
    if (new Set(machines).size < machines.length) issues.push({ path: `${at}.machine`, message: 'lists a machine type twice' });
  };
  const forbid = (w: RawWorkload, at: string, fields: readonly (keyof RawWorkload)[], why: string) => {
    for (const field of fields) if (w[field] !== undefined) issues.push({ path: `${at}.${field}`, message: `not allowed ${why}` });
  };
  const require = (w: RawWorkload, at: string, fields: readonly (keyof RawWorkload)[], why: string) => {
    for (const field of fields) if (w[field] === undefined) issues.push({ path: `${at}.${field}`, message: `is required ${why}` });
  };
  // `machine` is shared: the type of a synthetic workload or a deployment, and of every job of an SWF trace.
  const TRACE_ONLY = ['format', 'timeScale', 'shift', 'window', 'machineMap', 'skipBadRows', ...FORMAT_FIELDS.filter((f) => f !== 'machine')] as (keyof RawWorkload)[];

  const workloads: Workload[] = [];
  const names = new Map<string, string>();
  /** Registers a workload name; `owner` says where it comes from, for the message on a clash. */
  const claim = (name: string, path: string, owner: string) => {
    if (names.has(name)) issues.push({ path, message: `"${name}" is already the name of ${names.get(name)}; workload names must be unique` });
    else names.set(name, owner);
  };
  raw.workloads.forEach((w, i) => {
    const at = `workloads[${i}]`;
    const patience = w.patience === undefined ? null : resolveDistribution(w.patience, `${at}.patience`, baseDir, issues);
    const base = { name: w.name, patience };

    if (w.kind === 'deployment' || w.replicas !== undefined) {
      claim(w.name, `${at}.name`, at);
      if (w.kind !== 'deployment') issues.push({ path: `${at}.replicas`, message: 'only a workload of kind: deployment has replicas' });
      require(w, at, ['machine', 'replicas'], 'for a deployment');
      forbid(w, at, ['arrivals', 'duration', 'patience', 'trace', ...TRACE_ONLY], 'for a deployment: replicas run until scaled down');
      const nodes = w.nodes ?? 1;
      if (w.machine) checkMachines(w.machine, nodes, at);
      const r = w.replicas;
      if (w.machine && r !== undefined) {
        if (typeof r === 'object' && r.minReplicas > r.maxReplicas) {
          issues.push({ path: `${at}.replicas.minReplicas`, message: `${r.minReplicas} is more than maxReplicas ${r.maxReplicas}` });
        }
        workloads.push({
          ...base,
          type: 'deployment',
          kind: 'deployment',
          machines: w.machine,
          nodes,
          replicas: typeof r === 'number' ? { fixed: r } : { ...r, profile: r.profile ?? null },
        });
      }
      return;
    }

    if (w.trace !== undefined) {
      const format: TraceFormat = w.format ?? (extname(w.trace).toLowerCase() === '.swf' ? 'swf' : 'csv');
      const own = TRACE_FORMATS[format].fields;
      forbid(w, at, ['arrivals', 'duration', 'nodes'], 'with trace: each trace row gives its own submit time, duration and nodes');
      forbid(w, at, FORMAT_FIELDS.filter((f) => !own.includes(f) && f !== 'machine') as (keyof RawWorkload)[], `with format ${format}`);
      if (format !== 'swf' && w.machine !== undefined) {
        issues.push({ path: `${at}.machine`, message: `not allowed with a ${format} trace: its rows give their machine; use machineMap to replay on other types` });
      }
      if (format === 'swf') {
        require(w, at, ['machine'], 'for an SWF trace: the type every job runs on');
        if (w.machine && w.machine.length > 1) issues.push({ path: `${at}.machine`, message: 'an SWF trace runs on one machine type' });
      }
      if (w.window?.to !== undefined && w.window.to <= w.window.from) {
        issues.push({ path: `${at}.window.to`, message: `must be after window.from (${w.window.from}s)` });
      }
      const file = resolve(baseDir, w.trace);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        issues.push({ path: `${at}.trace`, message: `cannot read "${w.trace}": ${readProblem(error)}; the path is relative to the scenario file` });
        return;
      }
      let read;
      try {
        read = TRACE_FORMATS[format].read(text, {
          startMs,
          machine: w.machine?.[0],
          procsPerNode: w.procsPerNode,
          gpuModels: w.gpuModels,
          gpusPerNode: w.gpusPerNode,
          cpuMachine: w.cpuMachine,
        });
      } catch (error) {
        if (!(error instanceof TraceFileError)) throw error;
        issues.push({ path: error.line ? `${w.trace}:${error.line}` : `${at}.trace`, message: error.line ? error.message : `"${w.trace}" ${error.message}` });
        return;
      }
      const replay = replayRows(read.rows, { window: w.window, timeScale: w.timeScale, shift: w.shift, machineMap: w.machineMap }, unrunnable);
      const bad = [...read.bad, ...replay.bad].sort((a, b) => a.line - b.line);
      if (!w.skipBadRows) {
        for (const b of bad) issues.push({ path: `${w.trace}:${b.line}`, message: b.message });
        if (bad.length > 0) issues.push({ path: `${at}.trace`, message: `${bad.length} bad row${bad.length === 1 ? '' : 's'} in "${w.trace}"; fix them, or set skipBadRows: true to skip and count them` });
      }
      const excluded = Object.values(read.excluded).reduce((a, b) => a + b, 0);
      const labels = [...replay.jobs.keys()];
      if (labels.length === 0) labels.push(undefined);
      for (const label of labels) {
        const name = label ?? w.name;
        claim(name, label === undefined ? `${at}.name` : `${at}.trace`, label === undefined ? at : `the workload column of "${w.trace}"`);
        const jobs = replay.jobs.get(label) ?? { submit: [], duration: [], machine: [], nodes: [] };
        // Row counts belong to the file; they are reported once, on its first workload.
        const first = label === labels[0];
        workloads.push({
          ...base,
          kind: w.kind,
          type: 'trace',
          name,
          trace: w.trace,
          format,
          jobs,
          rows: {
            read: first ? read.read : 0,
            used: jobs.submit.length,
            skipped: first ? bad.length : 0,
            excluded: first ? excluded : 0,
            outsideWindow: first ? replay.outsideWindow : 0,
          },
        });
      }
      return;
    }

    claim(w.name, `${at}.name`, at);
    require(w, at, ['machine', 'arrivals', 'duration'], '(or give a trace)');
    forbid(w, at, TRACE_ONLY, 'without trace');
    const nodes = w.nodes ?? 1;
    if (w.machine) checkMachines(w.machine, nodes, at);
    if (w.machine && w.arrivals && w.duration) {
      const bursts = w.arrivals.bursts.map((b): Burst => ({
        at: 'onceMs' in b.at && b.at.onceMs !== undefined ? { once: (b.at.onceMs - startMs) / 1000 } : { weekly: (b.at as { weekly: { days: number[]; minuteOfDay: number } }).weekly },
        count: b.count,
        over: b.over,
      }));
      const a = w.arrivals;
      const arrivals: Arrivals =
        a.process === 'poisson'
          ? { process: 'poisson', rate: a.rate, profile: a.profile ?? null, bursts }
          : a.process === 'fixed'
            ? { process: 'fixed', interval: a.interval, bursts }
            : { process: 'bursts', bursts };
      workloads.push({
        ...base,
        kind: w.kind,
        type: 'synthetic',
        machines: w.machine,
        nodes,
        arrivals,
        duration: resolveDistribution(w.duration, `${at}.duration`, baseDir, issues),
      });
    }
  });

  return {
    name: raw.name,
    seed: raw.seed,
    replications: raw.replications,
    checks: raw.checks.map((c, i) => normaliseCheck(c, `checks[${i}]`, issues)),
    policy: normalisePolicy(raw.policy, baseDir, issues),
    horizon: raw.horizon,
    warmup: raw.warmup,
    region,
    timezone,
    start: raw.start,
    billing: raw.billing,
    cluster: raw.cluster,
    autoscaler: raw.autoscaler,
    groups,
    workloads,
  };
}

/** A check's values in the figure's unit: durations for times, percentages for shares. */
function normaliseCheck(c: RawScenario['checks'][number], at: string, issues: ScenarioIssue[]): Check {
  const value = (v: number | string | undefined, field: string): number | undefined => {
    if (v === undefined || typeof v === 'number') return v;
    const text = v.trim();
    if (text.endsWith('%')) {
      const n = Number(text.slice(0, -1));
      if (Number.isFinite(n)) return n / 100;
    } else {
      const d = parseDuration(text.replace(/^\$/, '').replace(/,/g, ''));
      if (typeof d === 'number') return d;
    }
    issues.push({ path: `${at}.${field}`, message: `"${v}" is not a number, a percentage (1%) or a duration (5m)` });
    return undefined;
  };
  if (c.max === undefined && c.min === undefined && c.tolerance === undefined) {
    issues.push({ path: at, message: 'a check needs max, min or tolerance' });
  }
  const out: Check = { metric: c.metric, worse: c.worse };
  const max = value(c.max, 'max');
  const min = value(c.min, 'min');
  const tolerance = typeof c.tolerance === 'number' ? c.tolerance / 100 : value(c.tolerance, 'tolerance');
  if (max !== undefined) out.max = max;
  if (min !== undefined) out.min = min;
  if (tolerance !== undefined) out.tolerance = tolerance;
  return out;
}

/** A built-in policy's parameters checked and normalised, or a module path made absolute. */
function normalisePolicy(raw: RawScenario['policy'], baseDir: string, issues: ScenarioIssue[]): PolicySpec {
  if ('module' in raw) return { module: resolve(baseDir, raw.module), params: raw.params };
  const builtin = BUILTIN_POLICIES[raw.name as BuiltinPolicyName];
  if (!builtin) {
    issues.push({ path: 'policy', message: `"${raw.name}" is not a built-in policy; valid: ${BUILTIN_POLICY_NAMES.join(', ')}, or a module: ./my-policy.js` });
    return { builtin: raw.name, params: {} };
  }
  const parsed = builtin.params.safeParse(raw.params, { error: errorMessage });
  if (!parsed.success) {
    issues.push(...toScenarioIssues(parsed.error.issues, FIELD_NAMES, ['policy']));
    return { builtin: raw.name, params: {} };
  }
  return { builtin: raw.name, params: parsed.data };
}

/** Reads the CSV column of an empirical distribution given by file; other distributions pass through. */
function resolveDistribution(d: Distribution, at: string, baseDir: string, issues: ScenarioIssue[]): Distribution {
  const source = d as Distribution & { file?: string; column?: string };
  if (d.dist !== 'empirical' || source.file === undefined || source.column === undefined) return d;
  const { file, column } = source;
  const values: number[] = [];
  try {
    const { header, headerLine, records } = csvRows(readFileSync(resolve(baseDir, file), 'utf8'));
    const index = columnIndex(header, headerLine, [column.toLowerCase()])[column.toLowerCase()];
    for (const { line, cells } of records) {
      const parsed = parseDuration(/^[\d.]+$/.test(cells[index] ?? '') ? Number(cells[index]) : cells[index]);
      if (typeof parsed === 'number' && parsed >= 0) values.push(parsed);
      else issues.push({ path: `${file}:${line}`, message: `${column} ${describe(cells[index] ?? '')} is not a duration` });
    }
  } catch (error) {
    if (error instanceof TraceFileError) issues.push({ path: error.line ? `${file}:${error.line}` : `${at}.file`, message: error.message });
    else issues.push({ path: `${at}.file`, message: `cannot read "${file}": ${readProblem(error)}; the path is relative to the scenario file` });
    return d;
  }
  if (values.length === 0) issues.push({ path: `${at}.file`, message: `"${file}" has no values in column ${column}` });
  return d.max === undefined ? { dist: 'empirical', values } : { dist: 'empirical', values, max: d.max };
}

function unknownMachine(name: string): string {
  const hint = closest(name, MACHINE_NAMES);
  return `"${name}" is not a machine type${hint ? ` (did you mean "${hint}"?)` : ''}; valid: ${MACHINE_NAMES.join(', ')}`;
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return code ?? String(error);
}
