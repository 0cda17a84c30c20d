import type { Dimension } from "./dimensions";
import type { Grain } from "./grains";

/**
 * The rollup cubes: each keeps the base columns and sketches per (workspace, grain, UTC bucket, its
 * dimensions). A cube keyed by every dimension has nearly as many rows per hour as there are events,
 * so several narrower cubes each serve a family of panels and the metrics query picks the first
 * (smallest) one that holds every dimension it groups or filters by. The order below is by measured
 * size (rows per day on the 10M-event benchmark data, 200 tenants: see lib/rollups/README.md).
 *
 * `retentionHours` bounds how far back rows of a grain are kept: minute rows of the last two days serve
 * minute charts; the all-dimension cube keeps hour rows for recent days only (its history lives in day
 * and month rows). Older buckets of that grain are simply not used by the query planner.
 */
export type CubeGrainSpec = { retentionHours?: number };

export type CubeSpec = {
  table: string;
  dims: readonly Dimension[];
  grains: Partial<Record<Grain, CubeGrainSpec>>;
};

export const CUBES = {
  /** Vendor matrix, reliability and spend by provider/model, and every chart without dimensions. */
  pm: {
    table: "rollup_pm",
    dims: ["provider", "model"],
    grains: { minute: { retentionHours: 48 }, hour: {}, day: {}, week: {}, month: {} },
  },
  /** Routes within features (regression finder, feature drill-downs), by region and workload class. */
  route: {
    table: "rollup_route",
    dims: ["provider", "model", "region", "workload_class", "feature", "route"],
    grains: { hour: {}, day: {}, week: {}, month: {} },
  },
  /** Reliability: status and error type by provider/model/region/workload class. */
  core: {
    table: "rollup_core",
    dims: ["provider", "model", "region", "workload_class", "status", "error_type"],
    grains: { hour: {}, day: {}, week: {}, month: {} },
  },
  /** Tenants and features (ranking, feature × tenant tables); region and class ride along almost free. */
  tenant: {
    table: "rollup_tenant",
    dims: ["tenant", "feature", "region", "workload_class"],
    grains: { hour: {}, day: {}, week: {}, month: {} },
  },
  /** Unit economics by tenant × feature × provider/model; hour rows only for the last 8 days. */
  usage: {
    table: "rollup_usage",
    dims: ["provider", "model", "region", "workload_class", "tenant", "feature"],
    grains: { hour: { retentionHours: 8 * 24 }, day: {}, week: {}, month: {} },
  },
  /** Every dimension: any combination of filters; hour rows only for the last 8 days. */
  full: {
    table: "rollup_full",
    dims: ["provider", "model", "region", "workload_class", "tenant", "feature", "route", "status", "error_type"],
    grains: { hour: { retentionHours: 8 * 24 }, day: {}, week: {}, month: {} },
  },
} as const satisfies Record<string, CubeSpec>;

export type CubeName = keyof typeof CUBES;
export const CUBE_NAMES = Object.keys(CUBES) as CubeName[];

export function cubeHasGrain(cube: CubeName, grain: Grain): boolean {
  return grain in CUBES[cube].grains;
}

/** Earliest bucket start (epoch ms) of `grain` kept for the cube at `now`; -Infinity when unbounded. */
export function retainedFrom(cube: CubeName, grain: Grain, now: number): number {
  const spec = (CUBES[cube].grains as Partial<Record<Grain, CubeGrainSpec>>)[grain];
  if (!spec) return Infinity;
  return spec.retentionHours === undefined ? -Infinity : now - spec.retentionHours * 3_600_000;
}

/** The first cube, in size order, holding every needed dimension. */
export function smallestCoveringCube(needed: Iterable<Dimension>): CubeName | null {
  const want = [...new Set(needed)];
  return CUBE_NAMES.find((c) => want.every((d) => (CUBES[c].dims as readonly Dimension[]).includes(d))) ?? null;
}
