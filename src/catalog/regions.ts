/** Paperspace regions (Paperspace/paperspace-go `region.go`). */
export const REGIONS = {
  NY2: { name: 'East Coast (NY2)', timezone: 'America/New_York' },
  CA1: { name: 'West Coast (CA1)', timezone: 'America/Los_Angeles' },
  AMS1: { name: 'Europe (AMS1)', timezone: 'Europe/Amsterdam' },
} as const;

export type RegionName = keyof typeof REGIONS;

export const REGION_NAMES = Object.keys(REGIONS) as RegionName[];
