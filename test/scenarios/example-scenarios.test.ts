import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario, resolvePolicy } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';

const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');

describe('example scenarios say what they do', () => {
  test('office-hours-hot-nodes: the table in its comments matches the runs', async () => {
    const file = resolve(SCENARIOS, 'office-hours-hot-nodes.yaml');
    const rows = [...readFileSync(file, 'utf8').matchAll(/^#\s+(\d)\s+\$([\d,]+)\s+(\d+)%\s+([\d.]+)%$/gm)];
    expect(rows.length).toBe(3);
    const scenario = await loadScenario(file);
    for (const [, hot, cost, waited, gaveUp] of rows) {
      const r = simulate({ ...scenario, groups: scenario.groups.map((g) => ({ ...g, hotNodes: Number(hot) })) });
      expect(Math.round(r.cost.monthly), `hotNodes ${hot}`).toBe(Number(cost.replace(',', '')));
      expect(Math.round(r.wait.probWait * 100)).toBe(Number(waited));
      expect((r.jobs.abandonedShare * 100).toFixed(1)).toBe(gaveUp);
    }
  });
});

describe('example scenarios: policies', () => {
  test('policies-office-hours: the table in its comments matches the runs', async () => {
    const file = resolve(SCENARIOS, 'policies-office-hours.yaml');
    const rows = [...readFileSync(file, 'utf8').matchAll(/^#\s+(reactive|headroom|predictive)\s+\$([\d,]+)\s+(\d+)%\s+([\d.]+)%$/gm)];
    expect(rows.map((r) => r[1])).toEqual(['reactive', 'headroom', 'predictive']);
    const scenario = await loadScenario(file);
    for (const [, name, cost, waited, gaveUp] of rows) {
      const r = simulate({ ...scenario, policy: await resolvePolicy(name, SCENARIOS) });
      expect(r.policy).toBe(name);
      expect(Math.round(r.cost.monthly), name).toBe(Number(cost.replace(',', '')));
      expect(Math.round(r.wait.probWait * 100), name).toBe(Number(waited));
      expect((r.jobs.abandonedShare * 100).toFixed(1), name).toBe(gaveUp);
    }
  });
});

describe('example scenarios: the claims in their comments', () => {
  const withGroups = async (name: string, change: (g: { hotNodes: number }) => object) => {
    const s = await loadScenario(resolve(SCENARIOS, name));
    return simulate({ ...s, groups: s.groups.map((g) => ({ ...g, ...change(g) })) });
  };

  test('p5000-hot-nodes: two hot nodes cost more and cut the share of jobs that wait, and the p95 wait', async () => {
    const hot = await withGroups('p5000-hot-nodes.yaml', () => ({ hotNodes: 2 }));
    const none = await withGroups('p5000-hot-nodes.yaml', () => ({ hotNodes: 0 }));
    expect(hot.cost.monthly).toBeGreaterThan(none.cost.monthly);
    expect(hot.wait.probWait).toBeLessThan(none.wait.probWait - 0.2);
    expect(hot.wait.p95).toBeLessThan(none.wait.p95);
  });

  test('account-cap: raising the cap from 8 to 12 takes p95 wait from over a day to minutes and the bill down by about a fifth', async () => {
    const s = await loadScenario(resolve(SCENARIOS, 'account-cap.yaml'));
    const tight = simulate(s);
    const loose = simulate({ ...s, cluster: { ...s.cluster, machineCap: 12 } });
    expect(tight.wait.p95).toBeGreaterThan(86400);
    expect(loose.wait.p95).toBeLessThan(15 * 60);
    expect(loose.cost.monthly / tight.cost.monthly).toBeGreaterThan(0.7);
    expect(loose.cost.monthly / tight.cost.monthly).toBeLessThan(0.85);
    expect(tight.groups.some((g) => g.blockedBy.accountCap > 0)).toBe(true);
  });
});
