import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DecisionRecord } from '../metrics/decisions.js';
import type { Result } from '../metrics/result.js';
import { decisionsCsv } from './decisions-csv.js';

/** A scenario name made safe as a folder name. */
export function reportFolderName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'scenario';
}

/** What a report folder is made of. */
export interface ReportContent {
  result: Result;
  decisions: readonly DecisionRecord[];
}

/** Writes the report folder (`summary.json`, `decisions.csv`); returns the files written. */
export function writeReport(content: ReportContent, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['summary.json', `${JSON.stringify(content.result, null, 2)}\n`],
    ['decisions.csv', decisionsCsv(content.decisions, content.result.start)],
  ];
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}
