import type { DecisionRecord } from '../metrics/decisions.js';
import type { Snapshot } from '../model/snapshot.js';
import { policyName } from '../policies/policy-module.js';
import { explainText } from '../report/explain-text.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { parseDuration } from '../scenario/units.js';
import { simulate } from '../simulate.js';
import type { Io } from './io.js';
import { scenarioFromArgs, type ScenarioArgs } from './run-command.js';
import { UsageError } from './usage-error.js';

export interface ExplainArgs extends ScenarioArgs {
  at: string;
  group?: string[];
  window: string;
}

/** `poolsim explain FILE --at TIME`: the cluster's state at that moment and the decisions around it. */
export async function explainCommand(args: ExplainArgs, io: Io): Promise<number> {
  const scenario = await scenarioFromArgs(args, io);
  const startMs = Date.parse(scenario.start);
  const isDate = /^\d{4}-\d{2}-\d{2}/.test(args.at);
  const at = isDate ? (Date.parse(args.at) - startMs) / 1000 : parseDuration(args.at);
  if (typeof at !== 'number' || Number.isNaN(at)) {
    throw new UsageError(`--at "${args.at}" is neither an ISO 8601 date-time (2026-01-06T09:30Z) nor a time since the start (36h)`);
  }
  if (at < -scenario.warmup || at > scenario.horizon) {
    const end = new Date(startMs + scenario.horizon * 1000).toISOString();
    throw new UsageError(`--at ${args.at} is outside the simulated span (${new Date(startMs - scenario.warmup * 1000).toISOString()} to ${end})`);
  }
  const window = parseDuration(args.window);
  if (typeof window !== 'number' || window < 0) throw new UsageError(`--window "${args.window}" is not a duration like 30m`);
  const machines = scenario.groups.map((g) => g.machine);
  const groups = args.group ?? machines;
  for (const g of groups) {
    if (!machines.includes(g)) throw new ScenarioError('--group', [{ path: '--group', message: `"${g}" is not a group of ${scenario.name}; groups: ${machines.join(', ')}` }]);
  }
  const decisions: DecisionRecord[] = [];
  let snapshot: Snapshot | undefined;
  simulate(scenario, { seed: args.seed, onDecision: (d) => decisions.push(d), snapshotAt: at, onSnapshot: (s) => (snapshot = s) });
  io.stdout(explainText(scenario, policyName(scenario.policy), snapshot as Snapshot, decisions, window, groups));
  return 0;
}
