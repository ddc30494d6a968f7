import type * as z from 'zod';
import { closest } from './closest.js';
import { describe } from './units.js';
import { formatPath, type ScenarioIssue } from './scenario-error.js';

/** Messages that quote the offending value and say what is allowed. */
export function errorMessage(iss: z.core.$ZodRawIssue): string | undefined {
  const input = iss.input;
  switch (iss.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      if (iss.expected === 'int') return `${describe(input)} is not a whole number`;
      return `expected ${iss.expected === 'object' ? 'an object' : iss.expected === 'array' ? 'a list' : `a ${iss.expected}`}, got ${describe(input)}`;
    case 'too_small':
      if (iss.origin === 'array') return `needs at least ${String(iss.minimum)} entr${iss.minimum === 1 ? 'y' : 'ies'}`;
      if (iss.origin === 'string') return 'must not be empty';
      return `${describe(input)} must be ${iss.inclusive ? 'at least' : 'more than'} ${String(iss.minimum)}`;
    case 'invalid_value':
      return `${describe(input)} is not valid; valid: ${iss.values.map((v) => String(v)).join(', ')}`;
    default:
      return undefined;
  }
}

/** Flattens zod issues into scenario issues, one per unknown field, unions resolved to the branch that fits best. */
export function toScenarioIssues(issues: readonly z.core.$ZodIssue[], fieldNames: readonly string[], prefix: PropertyKey[] = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = closest(key, fieldNames);
        out.push({ path: formatPath([...path, key]), message: `unknown field${hint ? `; did you mean "${hint}"?` : ''}` });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch whose complaints are not "wrong type here" is the one the user meant.
      const branches = issue.errors.filter((b) => !isTypeMismatch(b));
      out.push(...toScenarioIssues(branches.length > 0 ? branches[0] : issue.errors[0], fieldNames, path));
    } else {
      out.push({ path: formatPath(path), message: issue.message });
    }
  }
  return out;
}

/** True when a union branch failed only because the value is of another type altogether. */
function isTypeMismatch(branch: readonly z.core.$ZodIssue[]): boolean {
  if (branch.length !== 1 || branch[0].path.length > 0) return false;
  const issue = branch[0];
  return issue.code === 'invalid_type' || (issue.code === 'invalid_union' && issue.errors.every(isTypeMismatch));
}
