import type { MetricsFilters } from "../dashboard-filters";
import type { ViewWindow } from "../dashboard-view";
import { metricsRequest, type MetricsRequest } from "../metrics-request";
import { prepareMeasureSeries } from "../prepare-measure-series";
import type { ChartData, MetricsRow } from "../chart-data";

const LATENCY = ["latency_p50_ms", "latency_p95_ms", "latency_p99_ms"] as const;
const TTFT = ["ttft_p50_ms", "ttft_p95_ms", "ttft_p99_ms"] as const;

/** p50/p95/p99 of latency and TTFT over time, for all models or the one picked in the card. */
export function latencyPercentilesRequest(w: ViewWindow, model: string | null, filters: MetricsFilters): MetricsRequest {
  return metricsRequest(w, {
    measures: [...LATENCY, ...TTFT],
    granularity: w.granularity,
    filters: model ? { ...filters, model: [model] } : filters,
  });
}

export function prepareLatencyPercentiles(rows: readonly MetricsRow[], w: ViewWindow): { latency: ChartData; ttft: ChartData } {
  const base = { rows, from: new Date(w.from), to: new Date(w.to), granularity: w.granularity };
  return {
    latency: prepareMeasureSeries({
      ...base,
      measures: LATENCY,
      labels: { latency_p50_ms: "p50", latency_p95_ms: "p95", latency_p99_ms: "p99" },
    }),
    ttft: prepareMeasureSeries({ ...base, measures: TTFT, labels: { ttft_p50_ms: "p50", ttft_p95_ms: "p95", ttft_p99_ms: "p99" } }),
  };
}
