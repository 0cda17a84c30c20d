import Decimal from "decimal.js";
import type { MetricsFilters } from "../dashboard-filters";
import type { ViewWindow } from "../dashboard-view";
import { toDecimal, type MeasureName } from "../measure-display";
import { metricsRequest, type MetricsRequest } from "../metrics-request";
import { prepareDimensionSeries, type DimensionChartData } from "../prepare-dimension-series";
import type { MetricsRow } from "../chart-data";

export const LATENCY_METRICS = ["latency", "ttft"] as const;
export type LatencyMetric = (typeof LATENCY_METRICS)[number];
export const PERCENTILES = ["p50", "p95", "p99"] as const;
export type Percentile = (typeof PERCENTILES)[number];
export const LATENCY_METRIC_LABEL: Record<LatencyMetric, string> = { latency: "Latency", ttft: "Time to first token" };

export function percentileMeasure(metric: LatencyMetric, pct: Percentile): MeasureName {
  return `${metric}_${pct}_ms` as MeasureName;
}

/** One percentile line per model over time (the busiest models), with request counts to rank them. */
export function percentileByModelRequest(w: ViewWindow, metric: LatencyMetric, pct: Percentile, filters: MetricsFilters): MetricsRequest {
  return metricsRequest(w, {
    measures: ["requests", percentileMeasure(metric, pct)],
    dimensions: ["model"],
    granularity: w.granularity,
    filters,
  });
}

/**
 * Percentiles cannot be summed into an "Other" line, so only the busiest models (by requests over the
 * range) are drawn; buckets where a model had no calls are gaps.
 */
export function preparePercentileByModel(
  rows: readonly MetricsRow[],
  w: ViewWindow,
  metric: LatencyMetric,
  pct: Percentile,
  maxSeries = 6,
): DimensionChartData {
  const volume = new Map<string | null, Decimal>();
  for (const r of rows) {
    const model = r.model === undefined || r.model === null || r.model === "" ? null : String(r.model);
    volume.set(model, (volume.get(model) ?? new Decimal(0)).plus(toDecimal(r.requests) ?? 0));
  }
  const rank = [...volume.entries()].sort((a, b) => b[1].comparedTo(a[1]) || String(a[0]).localeCompare(String(b[0]))).map(([m]) => m);
  return prepareDimensionSeries({
    rows,
    dimension: "model",
    measure: percentileMeasure(metric, pct),
    from: new Date(w.from),
    to: new Date(w.to),
    granularity: w.granularity,
    maxSeries,
    rank,
  });
}
