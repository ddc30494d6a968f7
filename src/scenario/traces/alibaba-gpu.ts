import { columnIndex, csvRows, numberCell } from './csv-rows.js';
import type { TraceRead, TraceReadOptions } from './trace-read.js';

/**
 * The pod list of Alibaba's GPU cluster trace 2023 (Weng et al., "Beware of
 * Fragmentation", USENIX ATC 2023): a pod is submitted at `creation_time` and
 * runs from `scheduled_time` to `deletion_time` (integer seconds). Pods never
 * scheduled are left out and counted. A GPU pod runs on the machine type its
 * `gpu_spec` maps to (`gpuModels`, "*" for any model, including the empty
 * spec of pods that accept any GPU), on ceil(num_gpu / gpusPerNode) machines;
 * a pod without GPUs runs on `cpuMachine`, or is left out when none is given.
 */
export function readAlibabaGpu(text: string, options: TraceReadOptions): TraceRead {
  const { header, headerLine, records } = csvRows(text);
  const col = columnIndex(header, headerLine, ['creation_time', 'deletion_time', 'scheduled_time', 'num_gpu', 'gpu_spec'] as const);
  const models = options.gpuModels ?? {};
  const perNode = options.gpusPerNode ?? 1;
  const out: TraceRead = { rows: [], bad: [], excluded: {}, read: records.length };
  const exclude = (reason: string) => {
    out.excluded[reason] = (out.excluded[reason] ?? 0) + 1;
  };
  for (const { line, cells } of records) {
    const created = numberCell(cells[col.creation_time]);
    const deleted = numberCell(cells[col.deletion_time]);
    const scheduledText = cells[col.scheduled_time] ?? '';
    const scheduled = numberCell(scheduledText);
    const gpus = numberCell(cells[col.num_gpu]);
    const problems: string[] = [];
    if (created === undefined) problems.push(`creation_time "${cells[col.creation_time] ?? ''}" is not a number`);
    if (deleted === undefined) problems.push(`deletion_time "${cells[col.deletion_time] ?? ''}" is not a number`);
    if (scheduledText !== '' && scheduled === undefined) problems.push(`scheduled_time "${scheduledText}" is not a number`);
    if (gpus === undefined || gpus < 0 || !Number.isInteger(gpus)) problems.push(`num_gpu "${cells[col.num_gpu] ?? ''}" is not a whole number`);
    if (problems.length === 0 && scheduled !== undefined && (deleted as number) < scheduled) {
      problems.push(`deletion_time ${deleted} is before scheduled_time ${scheduled}`);
    }
    if (problems.length > 0) {
      out.bad.push({ line, message: problems.join('; ') });
      continue;
    }
    if (scheduled === undefined) {
      exclude('never scheduled');
      continue;
    }
    let machine: string | undefined;
    let nodes = 1;
    if (gpus === 0) {
      machine = options.cpuMachine;
      if (!machine) {
        exclude('no GPU and no cpuMachine');
        continue;
      }
    } else {
      const spec = cells[col.gpu_spec] ?? '';
      machine = models[spec] ?? models['*'];
      if (!machine) {
        exclude(`GPU model "${spec}" not in gpuModels`);
        continue;
      }
      nodes = Math.ceil((gpus as number) / perNode);
    }
    out.rows.push({ line, submit: created as number, duration: (deleted as number) - scheduled, machine, nodes });
  }
  return out;
}
