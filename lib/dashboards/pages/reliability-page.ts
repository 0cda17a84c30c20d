import type { TableSpec } from "../load-cards";
import type { KpiSpec } from "../prepare-kpis";

export const RELIABILITY_KPIS: KpiSpec[] = [
  { id: "requests", measure: "requests", betterWhen: "neither" },
  { id: "error-rate", measure: "error_rate", betterWhen: "lower" },
  { id: "throttled", measure: "throttled_requests", betterWhen: "lower" },
  { id: "retry-rate", measure: "retry_rate", betterWhen: "lower" },
  { id: "fallback-rate", measure: "fallback_rate", betterWhen: "lower" },
  { id: "fallback-success", measure: "fallback_success_rate", betterWhen: "higher" },
];

export const ERROR_TYPES_TABLE: TableSpec = {
  dimensions: [
    { id: "error_type", header: "Error type" },
    { id: "provider", header: "Provider" },
  ],
  measures: [
    { measure: "failed_requests", header: "Failed" },
    { measure: "throttled_requests", header: "Throttled" },
    { measure: "avg_latency_ms", header: "Avg latency", hint: "Mean time until the failure" },
  ],
  share: "failed_requests",
  compare: true,
  sortBy: "failed_requests",
  hideZero: "failed_requests",
};

/** Fewer calls than this in either period and a p95 change is noise, not a regression. */
export const REGRESSION_MIN_REQUESTS = 50;
