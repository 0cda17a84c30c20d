import { sketchKeySql } from "./sketch";

/**
 * The additive columns every rollup row carries, each the SUM of a per-event expression over raw
 * usage_events (alias e). Every measure of the metrics query is one of these sums, a ratio of them, or
 * a quantile of a sketch, so the same map drives the rollup tables (migration), their refresh from raw
 * events, the merge of finer rows into coarser ones, and the raw-event fallback of the query.
 *
 * Definitions (DESIGN-NOTES "Tasks, retries, fallbacks"): a task's first call has attempt 1; an ok
 * event ends a task (at most one per task); a fallback call names the model it replaced.
 */
export const BASE_COLUMNS = {
  requests: { type: "bigint", raw: "1" },
  ok_requests: { type: "bigint", raw: "(e.status = 'ok')::int" },
  throttled_requests: { type: "bigint", raw: "(e.status = 'throttled' OR COALESCE(e.http_status = 429, false))::int" },
  tasks: { type: "bigint", raw: "(e.attempt = 1)::int" },
  retries: { type: "bigint", raw: "(e.attempt > 1)::int" },
  fallbacks: { type: "bigint", raw: "(e.fallback_from IS NOT NULL)::int" },
  fallback_ok: { type: "bigint", raw: "(e.fallback_from IS NOT NULL AND e.status = 'ok')::int" },
  input_tokens: { type: "bigint", raw: "e.input_tokens" },
  output_tokens: { type: "bigint", raw: "e.output_tokens" },
  cache_read_tokens: { type: "bigint", raw: "e.cache_read_tokens" },
  cache_write_tokens: { type: "bigint", raw: "e.cache_write_tokens" },
  reasoning_tokens: { type: "bigint", raw: "e.reasoning_tokens" },
  // Money: numeric without a scale limit, so sums of numeric(20,10) costs stay exact at any volume.
  list_cost_usd: { type: "numeric", raw: "e.list_cost_usd" },
  cost_usd: { type: "numeric", raw: "e.effective_cost_usd" },
  latency_ms_sum: { type: "bigint", raw: "e.latency_ms" },
} as const satisfies Record<string, { type: "bigint" | "numeric"; raw: string }>;

export type BaseColumn = keyof typeof BASE_COLUMNS;
export const BASE_COLUMN_NAMES = Object.keys(BASE_COLUMNS) as BaseColumn[];

/**
 * Sketches per rollup row: `<name>_keys int2[]` (bin keys, ascending, only bins with events) and
 * `<name>_cum int8[]` (cumulative counts: events in this bin and all lower ones). Cumulative counts let
 * Postgres answer a quantile of one row by binary search (width_bucket) without shipping its bins;
 * merging rows takes the differences. TTFT is absent for non-streamed calls: those events are simply
 * not in the TTFT sketch.
 */
export const SKETCHES = {
  lat: { raw: "e.latency_ms" },
  ttft: { raw: "e.ttft_ms" },
} as const;

export type SketchName = keyof typeof SKETCHES;
export const SKETCH_NAMES = Object.keys(SKETCHES) as SketchName[];

/**
 * Quantiles whose bin key every row also stores (`<sketch>_q50`, `_q95`, `_q99`, int2, NULL for an
 * empty sketch): a group answered by a single row — an hourly series of one model — needs neither the
 * bins nor a second statement. They are the quantiles the metrics query offers.
 */
export const STORED_QUANTILES = { q50: 0.5, q95: 0.95, q99: 0.99 } as const;
export type StoredQuantile = keyof typeof STORED_QUANTILES;
export const STORED_QUANTILE_NAMES = Object.keys(STORED_QUANTILES) as StoredQuantile[];

export function storedQuantileColumn(s: SketchName, q: number): string | null {
  const name = STORED_QUANTILE_NAMES.find((n) => STORED_QUANTILES[n] === q);
  return name ? `${s}_${name}` : null;
}

/**
 * The key of quantile q of a stored sketch (keys, cumulative counts) in SQL: the rank rule of
 * percentile_disc, max(1, ⌈q·n⌉) with q as float8, found by binary search (width_bucket) over the
 * cumulative counts. NULL for an empty sketch.
 */
export function quantileKeySql(keys: string, cum: string, q: string): string {
  return `${keys}[width_bucket(greatest(1, ceil(${q}::float8 * ${cum}[cardinality(${cum})]))::bigint - 1, ${cum}) + 1]`;
}

export function rawSketchKeySql(s: SketchName): string {
  return sketchKeySql(SKETCHES[s].raw);
}
