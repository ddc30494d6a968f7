/**
 * JSON for a chart spec: indented like JSON.stringify(value, null, 2), but an
 * array of flat objects or of primitives (chart data) is written one element
 * per line, so specs stay small and their diffs readable.
 */
export function specJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = value.every((v) => v === null || typeof v !== 'object' || (!Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x !== 'object')));
    if (flat) return `[\n${value.map((v) => `${inner}${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
    return `[\n${value.map((v) => `${inner}${specJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${specJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
