import { ScenarioError } from '../scenario/scenario-error.js';

/** One `--set PATH=VALUES` option: the path and the values to try, in order. */
export interface Setting {
  path: string;
  values: (string | number)[];
}

/**
 * Parses `PATH=VALUES`: a list (`0,1,2`), an integer range (`0..4`), or
 * durations (`2m,8m,30m`); numbers become numbers, the rest stay strings for
 * the scenario's own parsing (units).
 */
export function parseSetting(text: string): Setting {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    throw new ScenarioError('--set', [{ path: '--set', message: `"${text}" is not PATH=VALUES, e.g. groups.P5000.hotNodes=0,2 or autoscaler.scaleDownUnneededTime=2m,8m` }]);
  }
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(spec);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from) throw new ScenarioError('--set', [{ path: `--set ${path}`, message: `range ${spec} is empty; write low..high` }]);
    return { path, values: Array.from({ length: to - from + 1 }, (_, i) => from + i) };
  }
  const values = spec.split(',').map((v) => v.trim()).filter((v) => v !== '').map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v));
  return { path, values };
}

/**
 * Sets `value` at `path` in a scenario as written (a parsed YAML/JSON object),
 * creating objects on the way. In `groups` an element is named by its
 * machine type, in `workloads` by its name (or either by index).
 */
export function setPath(raw: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: unknown = raw;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const container = node as Record<string, unknown> | unknown[];
    if (Array.isArray(container)) {
      const by = path.startsWith('groups.') ? 'machine' : 'name';
      const found = /^\d+$/.test(key) ? container[Number(key)] : container.find((e) => (e as Record<string, unknown>)?.[by] === key);
      if (found === undefined) {
        throw new ScenarioError('--set', [{ path: `--set ${path}`, message: `no element "${key}" in ${parts.slice(0, i).join('.')}; name ${by === 'machine' ? 'a group by its machine type' : 'a workload by its name'}` }]);
      }
      node = found;
      continue;
    }
    if (container[key] === undefined) container[key] = {};
    node = container[key];
    if (node === null || typeof node !== 'object') {
      throw new ScenarioError('--set', [{ path: `--set ${path}`, message: `${parts.slice(0, i + 1).join('.')} is not an object` }]);
    }
  }
  (node as Record<string, unknown>)[parts[parts.length - 1]] = value;
}

/** A grid point's settings for people: "hotNodes=2, maxPoolSize=8" (each path by its last part). */
export function settingsLabel(settings: Record<string, string | number>): string {
  return Object.entries(settings).map(([path, value]) => `${path.split('.').pop()}=${value}`).join(', ');
}

/** Every combination of the settings' values (the Cartesian product), in order. */
export function combinations(settings: readonly Setting[]): Record<string, string | number>[] {
  let out: Record<string, string | number>[] = [{}];
  for (const s of settings) out = out.flatMap((c) => s.values.map((v) => ({ ...c, [s.path]: v })));
  return out;
}
