import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../metrics/result.js';

/** A scenario name made safe as a folder name. */
export function reportFolderName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'scenario';
}

/** Writes the report folder (`summary.json`); returns the files written. */
export function writeReport(result: Result, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const summary = join(dir, 'summary.json');
  writeFileSync(summary, `${JSON.stringify(result, null, 2)}\n`);
  return [summary];
}
