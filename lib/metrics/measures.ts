import type { BaseColumn, SketchName } from "@/lib/rollups/base-columns";

/**
 * Every measure of POST /api/v1/metrics/query, declared once: its kind, whether it is money, and how
 * it is computed — an SQL expression over the summed base columns of a group (additive and ratio), or
 * a quantile of a sketch (percentile). The same expression serves every source (rollup cube or raw
 * events), the ranking of series and the final values, so no measure has two implementations.
 *
 * Empty buckets: additive measures are 0 ("0.0000000000" for money), ratios and percentiles null.
 * Money is a decimal string with exactly 10 decimal places (numeric in Postgres, never a float).
 */
export type MeasureKind = "additive" | "ratio" | "percentile";

/** Reads a summed base column of the current group, e.g. `col("requests")` → `s."requests"`. */
export type ColumnRef = (c: BaseColumn) => string;

type SqlMeasure = { kind: "additive" | "ratio"; money: boolean; sql: (col: ColumnRef) => string; description: string };
type PercentileMeasure = { kind: "percentile"; money: false; sketch: SketchName; q: number; description: string };
export type MeasureSpec = SqlMeasure | PercentileMeasure;

const count = (c: BaseColumn, description: string): SqlMeasure => ({ kind: "additive", money: false, sql: (col) => col(c), description });
const rate = (num: (col: ColumnRef) => string, den: (col: ColumnRef) => string, description: string): SqlMeasure => ({
  kind: "ratio",
  money: false,
  sql: (col) => `(${num(col)})::float8 / NULLIF(${den(col)}, 0)`,
  description,
});
const pct = (sketch: SketchName, q: number, description: string): PercentileMeasure => ({
  kind: "percentile",
  money: false,
  sketch,
  q,
  description,
});

export const MEASURES = {
  requests: count("requests", "events (model calls)"),
  successful_requests: count("ok_requests", "events with status ok"),
  failed_requests: {
    kind: "additive",
    money: false,
    sql: (col) => `(${col("requests")} - ${col("ok_requests")})`,
    description: "events with a status other than ok",
  },
  error_rate: rate(
    (c) => `${c("requests")} - ${c("ok_requests")}`,
    (c) => c("requests"),
    "failed_requests / requests",
  ),
  throttled_requests: count("throttled_requests", "events with status throttled or HTTP 429"),
  tasks: count("tasks", "events with attempt = 1"),
  successful_tasks: count("ok_requests", "events with status ok (at most one per task)"),
  task_success_rate: rate(
    (c) => c("ok_requests"),
    (c) => c("tasks"),
    "successful_tasks / tasks",
  ),
  retry_rate: rate(
    (c) => c("retries"),
    (c) => c("tasks"),
    "events with attempt > 1 / tasks",
  ),
  fallback_rate: rate(
    (c) => c("fallbacks"),
    (c) => c("tasks"),
    "events with fallbackFrom / tasks",
  ),
  fallback_success_rate: rate(
    (c) => c("fallback_ok"),
    (c) => c("fallbacks"),
    "ok events with fallbackFrom / events with fallbackFrom",
  ),
  input_tokens: count("input_tokens", "prompt tokens, cached ones included"),
  output_tokens: count("output_tokens", "completion tokens, reasoning included"),
  cache_read_tokens: count("cache_read_tokens", "prompt tokens read from the cache"),
  cache_write_tokens: count("cache_write_tokens", "prompt tokens written to the cache"),
  reasoning_tokens: count("reasoning_tokens", "reasoning tokens (inside output_tokens)"),
  cache_hit_ratio: rate(
    (c) => c("cache_read_tokens"),
    (c) => c("input_tokens"),
    "cache_read_tokens / input_tokens",
  ),
  cost_usd: {
    kind: "additive",
    money: true,
    sql: (col) => `round(${col("cost_usd")}, 10)`,
    description: "effective cost (after contract)",
  },
  list_cost_usd: {
    kind: "additive",
    money: true,
    sql: (col) => `round(${col("list_cost_usd")}, 10)`,
    description: "list cost (catalog prices)",
  },
  cost_per_successful_task_usd: {
    kind: "ratio",
    money: true,
    sql: (col) => `round(${col("cost_usd")} / NULLIF(${col("ok_requests")}, 0), 10)`,
    description: "effective cost of all events (retries and failures included) / successful_tasks",
  },
  cost_per_1k_tokens_usd: {
    kind: "ratio",
    money: true,
    sql: (col) => `round(${col("cost_usd")} * 1000 / NULLIF(${col("input_tokens")} + ${col("output_tokens")}, 0), 10)`,
    description: "effective cost × 1000 / (input_tokens + output_tokens)",
  },
  latency_p50_ms: pct("lat", 0.5, "median latency"),
  latency_p95_ms: pct("lat", 0.95, "95th percentile latency"),
  latency_p99_ms: pct("lat", 0.99, "99th percentile latency"),
  avg_latency_ms: rate(
    (c) => c("latency_ms_sum"),
    (c) => c("requests"),
    "mean latency",
  ),
  ttft_p50_ms: pct("ttft", 0.5, "median time to first token (streamed calls)"),
  ttft_p95_ms: pct("ttft", 0.95, "95th percentile time to first token"),
  ttft_p99_ms: pct("ttft", 0.99, "99th percentile time to first token"),
} as const satisfies Record<string, MeasureSpec>;

export type Measure = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];

export function measureSpec(m: Measure): MeasureSpec {
  return MEASURES[m];
}

/** The base columns a measure reads (found by building its expression with a recording accessor). */
export function measureColumns(m: Measure): BaseColumn[] {
  const spec = measureSpec(m);
  if (spec.kind === "percentile") return [];
  const used = new Set<BaseColumn>();
  spec.sql((c) => {
    used.add(c);
    return "0";
  });
  return [...used];
}

/** The value of a measure for a bucket without events. */
export function emptyValue(m: Measure): string | number | null {
  const spec = measureSpec(m);
  if (spec.kind !== "additive") return null;
  return spec.money ? "0.0000000000" : 0;
}
