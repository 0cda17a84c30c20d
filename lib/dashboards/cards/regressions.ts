import type { MetricsFilters } from "../dashboard-filters";
import type { ViewWindow } from "../dashboard-view";
import { metricsRequest, type MetricsRequest } from "../metrics-request";
import { compareLatency, type LatencyComparison } from "../prepare-regressions";
import type { MetricsRow } from "../chart-data";
import type { RegressionDimension } from "../card-params";
import type { LatencyMetric } from "./percentile-by-model";

/** Models are compared as provider + model (the same name can be served by two providers). */
export const REGRESSION_GROUP: Record<RegressionDimension, ("provider" | "model" | "route")[]> = {
  model: ["provider", "model"],
  route: ["route"],
};

/** This period and the previous one, p95 of latency and TTFT per group, with volumes to skip noise. */
export function regressionRequests(w: ViewWindow, dim: RegressionDimension, filters: MetricsFilters): [MetricsRequest, MetricsRequest] {
  const parts = {
    measures: ["requests" as const, "latency_p95_ms" as const, "ttft_p95_ms" as const],
    dimensions: REGRESSION_GROUP[dim],
    filters,
  };
  return [metricsRequest(w, parts), metricsRequest({ from: w.previousFrom, to: w.previousTo }, parts)];
}

export type RegressionRows = { current: MetricsRow[]; previous: MetricsRow[] };

export function prepareRegressions(
  rows: RegressionRows,
  dim: RegressionDimension,
  minRequests: number,
): Record<LatencyMetric, LatencyComparison[]> {
  const input = { ...rows, dimensions: REGRESSION_GROUP[dim], minRequests };
  return { latency: compareLatency({ ...input, measure: "latency_p95_ms" }), ttft: compareLatency({ ...input, measure: "ttft_p95_ms" }) };
}
