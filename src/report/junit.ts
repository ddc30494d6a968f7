import type { CheckOutcome } from '../experiment/check.js';
import { escapeHtml as xml } from './escape-html.js';


/** JUnit XML with one test case per check (classname: the scenario), as CI systems display. */
export function junitXml(outcomes: readonly CheckOutcome[]): string {
  const failures = outcomes.filter((o) => o.verdict === 'fail' || o.verdict === 'regression').length;
  const cases = outcomes
    .map((o) => {
      const name = `${o.metric} ${o.check}`;
      const detail = `${o.reason}: now ${o.now}${o.baseline === null ? '' : `, baseline ${o.baseline}`}${o.interval ? `, difference 95% interval [${o.interval[0]}, ${o.interval[1]}]` : ''}`;
      const body = o.verdict === 'fail' || o.verdict === 'regression' ? `<failure message="${xml(`${o.verdict}: ${o.reason}`)}" type="${o.verdict}">${xml(detail)}</failure>` : `<system-out>${xml(`${o.verdict}: ${detail}`)}</system-out>`;
      return `    <testcase classname="${xml(o.scenario)}" name="${xml(name)}">${body}</testcase>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="poolsim check" tests="${outcomes.length}" failures="${failures}">\n  <testsuite name="poolsim check" tests="${outcomes.length}" failures="${failures}" errors="0">\n${cases}\n  </testsuite>\n</testsuites>\n`;
}
