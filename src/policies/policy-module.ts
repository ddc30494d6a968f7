import { pathToFileURL } from 'node:url';
import type { PolicySpec, Scenario } from '../scenario/scenario.js';
import { BUILTIN_POLICIES, type BuiltinPolicyName } from './builtin-policies.js';
import type { ScalingPolicy } from './policy.js';

/** A policy that cannot be loaded, or that broke its contract during a run: bad input, not a crash. */
export class PolicyError extends Error {
  constructor(
    /** The policy: a built-in name or the module's path. */
    readonly policy: string,
    message: string,
  ) {
    super(`policy ${policy}: ${message}`);
    this.name = 'PolicyError';
  }
}

/** Loaded modules by absolute path: what they export (an object or a factory). */
const modules = new Map<string, unknown>();

/**
 * Imports a policy module (.js, .mjs, or .ts through tsx) and checks that it
 * exports a policy object or a factory, as `default` or `policy`. Loading
 * the same path again reuses it.
 */
export async function loadPolicyModule(path: string): Promise<void> {
  if (modules.has(path)) return;
  let namespace: Record<string, unknown>;
  try {
    if (/\.(c|m)?ts$/.test(path)) {
      const { tsImport } = await import('tsx/esm/api');
      namespace = await tsImport(pathToFileURL(path).href, import.meta.url);
    } else {
      namespace = await import(pathToFileURL(path).href);
    }
  } catch (error) {
    throw new PolicyError(path, `cannot be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  // A CommonJS or transpiled module wraps its exports once more, in `default`.
  const wrapped = (namespace.default ?? {}) as Record<string, unknown>;
  const candidates = [namespace.default, namespace.policy, wrapped.default, wrapped.policy];
  const looksLikePolicy = (x: unknown) => typeof x === 'function' || (!!x && typeof x === 'object' && ('decide' in x || 'name' in x));
  const exported = candidates.find(looksLikePolicy);
  if (exported === undefined) {
    throw new PolicyError(path, 'exports no policy: export default a policy object { name, decide(view) } or a factory (params) => policy, or export it as `policy`');
  }
  modules.set(path, exported);
}

/** Checks the shape of what a module or factory gave. */
function checked(policy: unknown, source: string): ScalingPolicy {
  if (!policy || typeof policy !== 'object') throw new PolicyError(source, `the factory returned ${policy === null ? 'null' : typeof policy}, not a policy object`);
  const p = policy as Partial<ScalingPolicy>;
  if (typeof p.name !== 'string' || p.name === '') throw new PolicyError(source, 'policy.name: must be a non-empty string');
  if (typeof p.decide !== 'function') throw new PolicyError(source, 'policy.decide: must be a function (view) => decision');
  if (p.eventDriven !== undefined && typeof p.eventDriven !== 'boolean') throw new PolicyError(source, 'policy.eventDriven: must be true or false');
  return p as ScalingPolicy;
}

/** The policy a run uses: a fresh instance, so no state leaks between runs (for modules that export a factory). */
export function createPolicy(spec: PolicySpec, scenario: Scenario): ScalingPolicy {
  if ('builtin' in spec) {
    const builtin = BUILTIN_POLICIES[spec.builtin as BuiltinPolicyName];
    if (!builtin) throw new PolicyError(spec.builtin, 'is not a built-in policy');
    return (builtin.create as (p: unknown, s: Scenario) => ScalingPolicy)(spec.params, scenario);
  }
  const exported = modules.get(spec.module);
  if (exported === undefined) throw new RangeError(`policy module ${spec.module} is not loaded: load the scenario with loadScenario(), or call loadPolicyModule() first`);
  if (typeof exported !== 'function') return checked(exported, spec.module);
  let made: unknown;
  try {
    made = (exported as (params: Record<string, unknown>) => unknown)(spec.params);
  } catch (error) {
    throw new PolicyError(spec.module, `the factory threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checked(made, spec.module);
}

/** The display name of a policy spec. */
export function policyName(spec: PolicySpec): string {
  return 'builtin' in spec ? spec.builtin : spec.module;
}
