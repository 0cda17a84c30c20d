import Decimal from "decimal.js";
import { formatCompact, formatCount, formatDuration, formatUsd, formatUsdExact } from "@/lib/format/format";
import type { Measure } from "@/lib/metrics/measures";

/**
 * How each metrics measure is shown. `empty` is the chart rule for a bucket without data: additive
 * measures are a true 0 there ("zero"); ratios and percentiles do not exist there and are drawn as a
 * gap ("gap") — a p95 of 0 ms would be a lie. It mirrors the engine's measure kinds (lib/metrics/measures:
 * 0 for additive, null for ratios and percentiles; a test pins the two together) so charts stay right
 * even for buckets the engine did not return, e.g. a provider absent from one hour of a stacked chart.
 */
export type ValueFormat = "count" | "usd" | "percent" | "duration";
export type MeasureDisplay = { label: string; short: string; format: ValueFormat; empty: "zero" | "gap" };

export const MEASURE_DISPLAY = {
  requests: { label: "Requests", short: "Requests", format: "count", empty: "zero" },
  successful_requests: { label: "Successful requests", short: "OK", format: "count", empty: "zero" },
  failed_requests: { label: "Failed requests", short: "Failed", format: "count", empty: "zero" },
  error_rate: { label: "Error rate", short: "Errors", format: "percent", empty: "gap" },
  throttled_requests: { label: "Throttled requests", short: "Throttled", format: "count", empty: "zero" },
  tasks: { label: "Tasks", short: "Tasks", format: "count", empty: "zero" },
  successful_tasks: { label: "Successful tasks", short: "OK tasks", format: "count", empty: "zero" },
  task_success_rate: { label: "Task success rate", short: "Success", format: "percent", empty: "gap" },
  retry_rate: { label: "Retry rate", short: "Retries", format: "percent", empty: "gap" },
  fallback_rate: { label: "Fallback rate", short: "Fallbacks", format: "percent", empty: "gap" },
  fallback_success_rate: { label: "Fallback success rate", short: "Fallback OK", format: "percent", empty: "gap" },
  input_tokens: { label: "Input tokens", short: "Input", format: "count", empty: "zero" },
  output_tokens: { label: "Output tokens", short: "Output", format: "count", empty: "zero" },
  cache_read_tokens: { label: "Cache read tokens", short: "Cache read", format: "count", empty: "zero" },
  cache_write_tokens: { label: "Cache write tokens", short: "Cache write", format: "count", empty: "zero" },
  reasoning_tokens: { label: "Reasoning tokens", short: "Reasoning", format: "count", empty: "zero" },
  cache_hit_ratio: { label: "Cache hit ratio", short: "Cache hits", format: "percent", empty: "gap" },
  cost_usd: { label: "Spend (effective)", short: "Spend", format: "usd", empty: "zero" },
  list_cost_usd: { label: "Spend at list price", short: "List", format: "usd", empty: "zero" },
  cost_per_successful_task_usd: { label: "Cost per successful task", short: "$/task", format: "usd", empty: "gap" },
  cost_per_1k_tokens_usd: { label: "Cost per 1k tokens", short: "$/1k tok", format: "usd", empty: "gap" },
  latency_p50_ms: { label: "Latency p50", short: "p50", format: "duration", empty: "gap" },
  latency_p95_ms: { label: "Latency p95", short: "p95", format: "duration", empty: "gap" },
  latency_p99_ms: { label: "Latency p99", short: "p99", format: "duration", empty: "gap" },
  avg_latency_ms: { label: "Average latency", short: "avg", format: "duration", empty: "gap" },
  ttft_p50_ms: { label: "TTFT p50", short: "TTFT p50", format: "duration", empty: "gap" },
  ttft_p95_ms: { label: "TTFT p95", short: "TTFT p95", format: "duration", empty: "gap" },
  ttft_p99_ms: { label: "TTFT p99", short: "TTFT p99", format: "duration", empty: "gap" },
} as const satisfies Record<Measure, MeasureDisplay>;

/** The engine's measure names (every one has a display entry above). */
export type MeasureName = Measure;

/** A value as the engine sends it: money as decimal strings, counts and ratios as numbers, null for "no data". */
export type MetricValue = string | number | null | undefined;

/** For plotting only (chart geometry); exact values keep their decimal string for labels and tooltips. */
export function toPlotNumber(v: MetricValue): number | null {
  if (v === null || v === undefined || v === "") return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A decimal for sums and comparisons: money never goes through binary floats. */
export function toDecimal(v: MetricValue): Decimal | null {
  if (v === null || v === undefined || v === "") return null;
  try {
    return new Decimal(v);
  } catch {
    return null;
  }
}

export function formatValue(format: ValueFormat, v: MetricValue, opts: { compact?: boolean } = {}): string {
  if (v === null || v === undefined || v === "") return "—";
  switch (format) {
    case "usd":
      return formatUsd(String(v));
    case "count": {
      const n = toPlotNumber(v) ?? 0;
      return opts.compact ? formatCompact(n) : formatCount(n);
    }
    case "percent":
      return formatPercent(toPlotNumber(v));
    case "duration": {
      const n = toPlotNumber(v);
      return n === null ? "—" : formatDuration(n);
    }
  }
}

/** Tooltip text: every stored digit of money, counts in full, ratios to 0.01 %, durations in ms. */
export function formatValueExact(format: ValueFormat, v: MetricValue): string {
  if (v === null || v === undefined || v === "") return "no data";
  switch (format) {
    case "usd":
      return formatUsdExact(String(v));
    case "count":
      return formatCount(toPlotNumber(v) ?? 0);
    case "percent": {
      const d = toDecimal(v);
      return d === null ? "no data" : `${d.times(100).toDecimalPlaces(2).toFixed()} %`;
    }
    case "duration": {
      const d = toDecimal(v);
      return d === null ? "no data" : `${d.toDecimalPlaces(1).toFixed()} ms`;
    }
  }
}

export function formatPercent(ratio: number | null, digits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  const pct = ratio * 100;
  if (pct !== 0 && Math.abs(pct) < 0.1 && digits <= 1) return pct > 0 ? "<0.1%" : "-<0.1%";
  return `${pct.toFixed(digits)}%`;
}

/** "+12.3%" / "-4.0%" / "new" — the change of a value against the previous period. */
export function formatChange(change: number | null, previousWasZero = false): string {
  if (change === null) return previousWasZero ? "new" : "—";
  // From almost nothing to something (a period before the data began) is "×N", not "+1634935%".
  if (change >= 9.995) return `×${formatCompact(Math.round(change + 1))}`;
  const pct = change * 100;
  return `${pct > 0 ? "+" : ""}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
}
