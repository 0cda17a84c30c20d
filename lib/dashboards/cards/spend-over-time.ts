import type { MetricsFilters } from "../dashboard-filters";
import type { ViewWindow } from "../dashboard-view";
import { metricsRequest, type MetricsRequest } from "../metrics-request";
import { prepareDimensionSeries, type DimensionChartData } from "../prepare-dimension-series";
import type { MetricsRow } from "../chart-data";

/** What the Spend chart can be stacked by (the switch above it); also the URL param's values. */
export const STACK_BY = ["provider", "model", "feature"] as const;
export type StackBy = (typeof STACK_BY)[number];
export const STACK_LABEL: Record<StackBy, string> = { provider: "Provider", model: "Model", feature: "Feature" };

export function spendOverTimeRequest(w: ViewWindow, stack: StackBy, filters: MetricsFilters): MetricsRequest {
  return metricsRequest(w, { measures: ["cost_usd"], dimensions: [stack], granularity: w.granularity, filters });
}

/** Effective spend per bucket, one stacked series per provider/model/feature (top 7 + Other, exact). */
export function prepareSpendOverTime(rows: readonly MetricsRow[], w: ViewWindow, stack: StackBy): DimensionChartData {
  return prepareDimensionSeries({
    rows,
    dimension: stack,
    measure: "cost_usd",
    from: new Date(w.from),
    to: new Date(w.to),
    granularity: w.granularity,
    maxSeries: 8,
  });
}
