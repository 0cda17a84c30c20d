import { cache } from "react";
import { cardFilters, cardWindow, type CardContext } from "./card-context";
import { metricsRequest } from "./metrics-request";
import { prepareSparklines, type SparkPoint } from "./prepare-sparklines";
import { prepareVendorMatrix } from "./pages/vendors-page";
import { loadVendorRows } from "./load-engine-views";
import { queryMetrics } from "./query-metrics";
import type { TableData } from "./table-spec";

const DAY = 86_400_000;

export type VendorMatrix = { table: TableData; spendTrend: Record<string, SparkPoint[]>; p95Trend: Record<string, SparkPoint[]> };

/**
 * The vendor matrix (the engine's vendor view) and its trends, loaded once per request (React `cache`): the unit-cost chart and the
 * matrix are separate cards with their own Suspense boundaries but share this answer. Trends are daily
 * (hourly for ranges up to two days) so each sparkline has a readable number of points.
 */
export const loadVendorMatrix = cache(async (c: CardContext): Promise<VendorMatrix> => {
  const window = cardWindow(c);
  const filters = cardFilters(c);
  const span = c.view.range.to.getTime() - c.view.range.from.getTime();
  const granularity = span <= 2 * DAY ? "hour" : "day";
  const dimensions: ("provider" | "model")[] = ["provider", "model"];
  const [matrix, trend] = await Promise.all([
    loadVendorRows(c),
    queryMetrics(c, metricsRequest(window, { measures: ["cost_usd", "latency_p95_ms"], dimensions, granularity, filters })),
  ]);
  const base = { rows: trend.rows, dimensions, from: c.view.range.from, to: c.view.range.to, granularity } as const;
  return {
    table: prepareVendorMatrix(matrix),
    spendTrend: prepareSparklines({ ...base, measure: "cost_usd" }),
    p95Trend: prepareSparklines({ ...base, measure: "latency_p95_ms" }),
  };
});
