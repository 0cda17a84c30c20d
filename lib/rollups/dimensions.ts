/**
 * The dimensions events are grouped and filtered by: the API's snake_case name → the usage_events
 * column and the camelCase filter key of the metrics query. SQL identifiers come only from this map.
 *
 * In rollup tables every dimension is NOT NULL and '' stands for "absent" (ingestion refuses empty
 * strings, so '' cannot be a real value). That lets dimensions be part of primary keys and joins
 * without NULL-safe comparisons; the metrics query maps '' back to null on the way out.
 */
export const DIMENSIONS = {
  provider: { column: "provider", filterKey: "provider" },
  model: { column: "model", filterKey: "model" },
  region: { column: "region", filterKey: "region" },
  tenant: { column: "tenant", filterKey: "tenant" },
  feature: { column: "feature", filterKey: "feature" },
  route: { column: "route", filterKey: "route" },
  workload_class: { column: "workload_class", filterKey: "workloadClass" },
  status: { column: "status", filterKey: "status" },
  error_type: { column: "error_type", filterKey: "errorType" },
} as const;

export type Dimension = keyof typeof DIMENSIONS;
export type FilterKey = (typeof DIMENSIONS)[Dimension]["filterKey"];

export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];
export const FILTER_KEYS = DIMENSION_NAMES.map((d) => DIMENSIONS[d].filterKey);

/** The raw-event expression of a dimension as rollups store it ('' for absent). */
export function rawDimensionSql(d: Dimension, alias = "e"): string {
  return `COALESCE(${alias}."${DIMENSIONS[d].column}", '')`;
}
