import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { MACHINE_NAMES, MACHINE_TYPES } from '../catalog/machines.js';
import { closest } from './closest.js';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import type { Group, Scenario, Workload } from './scenario.js';
import { FIELD_NAMES, scenarioSchema, type RawScenario } from './schema.js';
import { parseTraceCsv } from './trace-csv.js';
import { errorMessage, toScenarioIssues } from './zod-issues.js';

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
  if (issues.length > 0) throw new ScenarioError(source, issues);
  return scenario;
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
    groups.push({
      machine: g.machine,
      hotNodes: g.hotNodes,
      maxPoolSize: g.maxPoolSize,
      pricePerHour: raw.catalog[g.machine]?.pricePerHour ?? type?.pricePerHour ?? 0,
      bootTime: g.bootTime ?? type?.bootTime ?? { dist: 'fixed', value: 0 },
    });
  });
  const hotTotal = groups.reduce((sum, g) => sum + g.hotNodes, 0);
  if (cap !== null && hotTotal > cap) {
    issues.push({ path: 'cluster.machineCap', message: `${cap} is less than the hot nodes of all groups together (${hotTotal})` });
  }

  /** Why a workload (or trace row) of `nodes` machines of type `machine` cannot run, if it cannot. */
  const unrunnable = (machine: string, nodes: number): string | undefined => {
    const i = groupIndex.get(machine);
    if (i === undefined) {
      return MACHINE_TYPES[machine]
        ? `machine "${machine}" has no group; add a group for it under groups`
        : `machine ${unknownMachine(machine)}`;
    }
    if (nodes > groups[i].maxPoolSize) return `needs ${nodes} nodes, more than maxPoolSize ${groups[i].maxPoolSize} of ${machine}`;
    if (cap !== null && nodes > cap) return `needs ${nodes} nodes, more than cluster.machineCap ${cap}`;
    return undefined;
  };

  const workloads: Workload[] = [];
  const names = new Map<string, number>();
  raw.workloads.forEach((w, i) => {
    const at = `workloads[${i}]`;
    const name = w.name ?? (w.trace ? w.trace : w.machine ?? `workload-${i + 1}`);
    if (names.has(name)) issues.push({ path: `${at}.name`, message: `"${name}" is already the name of workloads[${names.get(name)}]; names must be unique` });
    names.set(name, i);
    if (w.trace !== undefined) {
      for (const field of ['machine', 'nodes', 'arrivals', 'duration'] as const) {
        if (w[field] !== undefined) issues.push({ path: `${at}.${field}`, message: 'not allowed with trace: each trace row gives its own machine, nodes, submit time and duration' });
      }
      const file = resolve(baseDir, w.trace);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        issues.push({ path: `${at}.trace`, message: `cannot read "${w.trace}": ${readProblem(error)}; the path is relative to the scenario file` });
        return;
      }
      const { jobs, issues: rowIssues } = parseTraceCsv(text, w.trace, unrunnable);
      issues.push(...rowIssues);
      workloads.push({ type: 'trace', name, trace: w.trace, jobs });
      return;
    }
    for (const field of ['machine', 'arrivals', 'duration'] as const) {
      if (w[field] === undefined) issues.push({ path: `${at}.${field}`, message: 'is required (or give a trace)' });
    }
    const nodes = w.nodes ?? 1;
    if (w.machine !== undefined) {
      const problem = unrunnable(w.machine, nodes);
      if (problem) issues.push({ path: problem.startsWith('needs') ? `${at}.nodes` : `${at}.machine`, message: problem });
    }
    if (w.machine !== undefined && w.arrivals !== undefined && w.duration !== undefined) {
      workloads.push({ type: 'synthetic', name, machine: w.machine, nodes, arrivals: w.arrivals, duration: w.duration });
    }
  });

  return {
    name: raw.name,
    seed: raw.seed,
    horizon: raw.horizon,
    warmup: raw.warmup,
    region,
    start: raw.start,
    billing: raw.billing,
    cluster: raw.cluster,
    autoscaler: raw.autoscaler,
    groups,
    workloads,
  };
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
