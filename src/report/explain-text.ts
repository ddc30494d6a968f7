import type { DecisionRecord } from '../metrics/decisions.js';
import type { GroupSnapshot, Snapshot } from '../model/snapshot.js';
import type { Scenario } from '../scenario/scenario.js';
import { formatDuration } from './format.js';

/** "2026-01-06 09:30:00 UTC" for simulated seconds `t`. */
function utc(start: string, t: number): string {
  return new Date(Date.parse(start) + t * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function localTime(scenario: Scenario, t: number): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: scenario.timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${f.format(new Date(Date.parse(scenario.start) + t * 1000))} ${scenario.timezone}`;
}

/**
 * Why each idle node is still there, as far as the engine's rules and the
 * managed autoscaler's idle timeout say (a custom policy may have reasons of
 * its own: its decisions are listed below the state).
 */
function idleNotes(g: GroupSnapshot, snap: Snapshot, scenario: Scenario): string[] {
  const unneeded = scenario.autoscaler.scaleDownUnneededTime;
  const delay = scenario.autoscaler.scaleDownDelayAfterAdd;
  const total = g.booting + g.idle + g.reserved + g.busy;
  return g.idleNodes.map((n, k) => {
    const why: string[] = [];
    if (total - k <= g.hotNodes) why.push(`it is one of the ${g.hotNodes} hot node${g.hotNodes === 1 ? '' : 's'} (hot-nodes-floor)`);
    if (n.idleSeconds < unneeded) why.push(`idle less than scaleDownUnneededTime ${formatDuration(unneeded)}: removable in ${formatDuration(unneeded - n.idleSeconds)}`);
    if (snap.sinceScaleUp < delay) why.push(`a scale-up ${formatDuration(snap.sinceScaleUp)} ago holds removals for ${formatDuration(delay - snap.sinceScaleUp)} more (delay-after-add)`);
    return `  idle node #${n.id}: idle ${formatDuration(n.idleSeconds)}${why.length > 0 ? `; kept because ${why.join('; and ')}` : '; due for removal at the next scan'}`;
  });
}

/** `poolsim explain`: the cluster's state at an instant and the decisions around it. */
export function explainText(scenario: Scenario, policy: string, snap: Snapshot, decisions: readonly DecisionRecord[], window: number, groups: readonly string[]): string {
  const lines: string[] = [`${scenario.name} at ${utc(scenario.start, snap.time)} (${localTime(scenario, snap.time)}), policy ${policy}`, ''];
  const cap = snap.machineCap === null ? 'no account cap' : `account cap ${snap.machineCap}`;
  lines.push(`cluster: ${snap.clusterNodes} machines, ${cap}; last scale-up ${snap.sinceScaleUp === Infinity ? 'never' : `${formatDuration(snap.sinceScaleUp)} ago`}`);
  for (const g of snap.groups.filter((x) => groups.includes(x.machine))) {
    const total = g.booting + g.idle + g.reserved + g.busy;
    lines.push(
      '',
      `${g.machine}: ${total} of max ${g.maxPoolSize} (hot ${g.hotNodes}): ${g.busy} busy, ${g.idle} idle, ${g.reserved} reserved, ${g.booting} booting${g.standbyNodes > 0 ? `; warm pool ${g.standby} of ${g.standbyNodes}` : ''}`,
      `  queue: ${g.queuedJobs === 0 ? 'empty' : `${g.queuedJobs} job${g.queuedJobs === 1 ? '' : 's'} wanting ${g.nodesWanted} more node${g.nodesWanted === 1 ? '' : 's'}, the oldest waiting ${formatDuration(g.oldestWait)}`}`,
    );
    if (g.queuedJobs > 0) {
      const limits: string[] = [];
      if (total >= g.maxPoolSize) limits.push('the pool is at its max (max-pool)');
      if (snap.machineCap !== null && snap.clusterNodes >= snap.machineCap) limits.push('the account cap is reached (account-cap)');
      if (limits.length > 0) lines.push(`  it cannot grow: ${limits.join(' and ')}`);
      else if (g.booting > 0) lines.push(`  ${g.booting} node${g.booting === 1 ? ' is' : 's are'} booting for it`);
    }
    lines.push(...idleNotes(g, snap, scenario));
  }
  const from = snap.time - window;
  const to = snap.time + window;
  const near = decisions.filter((d) => d.time >= from && d.time <= to && groups.includes(d.group));
  lines.push('', `decisions from ${utc(scenario.start, from)} to ${utc(scenario.start, to)}:`);
  if (near.length === 0) lines.push('  none');
  for (const d of near) {
    lines.push(`  ${utc(scenario.start, d.time).slice(11, 19)}  ${d.group.padEnd(8)} ${d.action.padEnd(18)} ${String(d.count).padStart(3)}  ${d.reason}${d.limit ? `, cut by ${d.limit}` : ''}${d.note ? `  (${d.note})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
