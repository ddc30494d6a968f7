import type { TraceFormat } from '../scenario.js';
import { readAlibabaGpu } from './alibaba-gpu.js';
import { readProjectCsv } from './project-csv.js';
import { readSwf } from './swf.js';
import type { TraceRead, TraceReadOptions } from './trace-read.js';

interface TraceFormatKind {
  read: (text: string, options: TraceReadOptions) => TraceRead;
  /** Workload fields only this format takes. */
  fields: readonly string[];
  /** File extensions that choose this format when `format` is not given. */
  extensions: readonly string[];
}

/** The trace formats a workload may replay, keyed by `format`. */
export const TRACE_FORMATS: Readonly<Record<TraceFormat, TraceFormatKind>> = {
  csv: { read: readProjectCsv, fields: [], extensions: ['.csv'] },
  swf: { read: readSwf, fields: ['machine', 'procsPerNode'], extensions: ['.swf'] },
  'alibaba-gpu': { read: readAlibabaGpu, fields: ['gpuModels', 'gpusPerNode', 'cpuMachine'], extensions: [] },
};

/** Every field that belongs to some format only. */
export const FORMAT_FIELDS = [...new Set(Object.values(TRACE_FORMATS).flatMap((f) => f.fields))];
