import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { writeReport } from '../../src/report/write-report.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulateDetailed } from '../../src/simulate.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Debian's chromium; .ci/run installs it when it is missing. */
const CHROMIUM = process.env.POOLSIM_CHROMIUM ?? '/usr/bin/chromium';

describe('index.html in a real browser', () => {
  test('every chart is visible, with no console errors and no network requests', { timeout: 60_000 }, async () => {
    expect(existsSync(CHROMIUM), `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does`).toBe(true);
    const dir = join(ROOT, 'reports/browser-test');
    await writeReport(simulateDetailed(await loadScenario(join(ROOT, 'scenarios/office-hours-hot-nodes.yaml'))), dir);
    const page = pathToFileURL(join(dir, 'index.html')).href;

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      tab.on('pageerror', (e) => problems.push(e.message));
      tab.on('request', (r) => {
        if (r.url() !== page) requests.push(r.url());
      });
      await tab.goto(page);
      await tab.waitForLoadState('load');

      expect(await tab.title()).toMatch(/^office-hours-hot-nodes: \$[\d,]+\/month, p95 wait/);
      const charts = await tab.locator('figure.chart svg').all();
      expect(charts.length).toBe(5);
      for (const chart of charts) {
        expect(await chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(100);
        expect(box?.height ?? 0).toBeGreaterThan(100);
      }
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);

      mkdirSync(join(ROOT, 'reports/screenshots'), { recursive: true });
      await tab.screenshot({ path: join(ROOT, 'reports/screenshots/office-hours-hot-nodes.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
