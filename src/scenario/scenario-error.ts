/** One problem in a scenario: where it is and what is wrong. */
export interface ScenarioIssue {
  /** Path into the file, e.g. "groups[1].hotNodes", or "file:line" for a trace row. */
  path: string;
  message: string;
}

/** Invalid user input: carries every problem found, so all can be shown at once. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(`${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${issues.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

/** Formats a path of keys and indices as `groups[1].hotNodes`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
