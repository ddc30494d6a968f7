/** One job read from a trace, in the trace's own time (seconds) and machine names. */
export interface TraceRow {
  /** Line in the file, for messages. */
  line: number;
  submit: number;
  duration: number;
  machine: string;
  nodes: number;
  /** The `workload` column of a project CSV, if any. */
  label?: string;
}

/** What a format's reader found. */
export interface TraceRead {
  rows: TraceRow[];
  /** Rows that cannot be read, with why. */
  bad: { line: number; message: string }[];
  /** Rows the format's rules leave out, with the reason and how many. */
  excluded: Record<string, number>;
  /** Data rows seen. */
  read: number;
}

/** Options of a trace workload that the readers use. */
export interface TraceReadOptions {
  /** Milliseconds since the epoch of the scenario's t = 0 (for absolute timestamps). */
  startMs: number;
  /** SWF: the type every job runs on. */
  machine?: string;
  procsPerNode?: number;
  /** Alibaba: GPU model (gpu_spec) to machine type; "*" for any other model. */
  gpuModels?: Record<string, string>;
  gpusPerNode?: number;
  /** Alibaba: the type of pods without GPUs (left out when not given). */
  cpuMachine?: string;
}

/** A fatal problem with the whole file (not one row). */
export class TraceFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
