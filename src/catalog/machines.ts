import type { Distribution } from '../random/distributions.js';
import { Z95 } from '../random/distributions.js';
import { REGION_NAMES, type RegionName } from './regions.js';

export interface MachineType {
  readonly name: string;
  readonly vcpu: number;
  readonly ramGiB: number;
  readonly gpu: string | null;
  readonly gpuMemGiB: number | null;
  readonly pricePerHour: number;
  /** Where the price comes from. */
  readonly priceSource: string;
  readonly regions: readonly RegionName[];
  /** Request-to-ready time when a group does not set one (an assumption: never published). */
  readonly bootTime: Distribution;
}

/** Lognormal with the given median and 95th percentile, in seconds. */
export function lognormalFromMedianP95(median: number, p95: number): Distribution {
  return { dist: 'lognormal', mu: Math.log(median), sigma: Math.log(p95 / median) / Z95 };
}

// Boot times were not published; these defaults are assumptions, stated as such in the README.
const CPU_BOOT = lognormalFromMedianP95(120, 240);
const GPU_BOOT = lognormalFromMedianP95(240, 540);

const LIST_2019_22 = 'Paperspace instance types docs, 2019-2022';
const LIST_2023 = 'DigitalOcean Paperspace pricing page, 2023 list';
const ALL: readonly RegionName[] = REGION_NAMES;
const NY2_CA1: readonly RegionName[] = ['NY2', 'CA1'];
const NY2_AMS1: readonly RegionName[] = ['NY2', 'AMS1'];
const NY2: readonly RegionName[] = ['NY2'];

function cpu(name: string, vcpu: number, ramGiB: number, pricePerHour: number, priceSource: string): MachineType {
  return { name, vcpu, ramGiB, gpu: null, gpuMemGiB: null, pricePerHour, priceSource, regions: ALL, bootTime: CPU_BOOT };
}

function gpu(
  name: string,
  vcpu: number,
  ramGiB: number,
  model: string,
  gpuMemGiB: number,
  pricePerHour: number,
  regions: readonly RegionName[],
): MachineType {
  return { name, vcpu, ramGiB, gpu: model, gpuMemGiB, pricePerHour, priceSource: LIST_2019_22, regions, bootTime: GPU_BOOT };
}

/**
 * The built-in machine catalog. Specs: Paperspace/autoscaler
 * `cloudprovider/paperspace/machine_types.go`; prices: Paperspace docs
 * (2019-2022) or the 2023 list where marked; regions: the 2023 availability page.
 */
export const MACHINE_TYPES: Readonly<Record<string, MachineType>> = Object.fromEntries(
  [
    cpu('C3', 2, 2, 0.018, LIST_2019_22),
    cpu('C4', 2, 4, 0.04, LIST_2023),
    cpu('C5', 4, 8, 0.08, LIST_2019_22),
    cpu('C6', 8, 16, 0.16, LIST_2023),
    cpu('C7', 12, 30, 0.3, LIST_2019_22),
    cpu('C8', 16, 60, 0.6, LIST_2023),
    cpu('C9', 24, 120, 0.9, LIST_2023),
    cpu('C10', 32, 244, 1.6, `${LIST_2023} (no 2020-22 price found)`),
    gpu('P4000', 8, 30, 'Quadro P4000', 8, 0.51, ALL),
    gpu('P5000', 8, 30, 'Quadro P5000', 16, 0.78, ALL),
    gpu('P6000', 8, 30, 'Quadro P6000', 24, 1.1, ALL),
    gpu('RTX4000', 8, 30, 'Quadro RTX 4000', 8, 0.56, ALL),
    gpu('RTX5000', 8, 30, 'Quadro RTX 5000', 16, 0.82, NY2),
    gpu('V100', 8, 30, 'Tesla V100', 16, 2.3, NY2_AMS1),
    gpu('V100-32G', 8, 30, 'Tesla V100', 32, 2.3, NY2),
    gpu('A4000', 8, 45, 'RTX A4000', 16, 0.76, ALL),
    gpu('A5000', 8, 45, 'RTX A5000', 24, 1.38, NY2_CA1),
    gpu('A6000', 8, 45, 'RTX A6000', 48, 1.89, NY2_CA1),
    gpu('A100', 12, 90, 'A100', 40, 3.09, NY2),
    gpu('A100-80G', 12, 90, 'A100', 80, 3.18, NY2),
  ].map((m) => [m.name, m]),
);

export const MACHINE_NAMES = Object.keys(MACHINE_TYPES);
