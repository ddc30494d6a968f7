import { stringify } from 'yaml';

/**
 * The settings of a grid point as a YAML patch to the scenario: groups and
 * workloads named by machine type and name, as in the scenario file.
 */
export function yamlPatch(settings: Record<string, string | number>): string {
  const patch: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(settings)) {
    const parts = path.split('.');
    if ((parts[0] === 'groups' || parts[0] === 'workloads') && parts.length >= 3) {
      const key = parts[0] === 'groups' ? 'machine' : 'name';
      const list = (patch[parts[0]] ??= []) as Record<string, unknown>[];
      let item = list.find((e) => e[key] === parts[1]);
      if (!item) list.push((item = { [key]: parts[1] }));
      nest(item, parts.slice(2), value);
    } else {
      nest(patch, parts, value);
    }
  }
  return stringify(patch);
}

function nest(target: Record<string, unknown>, parts: string[], value: unknown): void {
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}
