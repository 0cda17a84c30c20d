import type { Database } from "@/lib/db/open-database";
import type { MetricsQueryInput } from "../query-schema";
import { runMetricsQuery, type MetricsMeta } from "../run-metrics-query";

export type VendorRow = {
  provider: string;
  model: string;
  requests: number;
  costUsd: string;
  costPerSuccessfulTaskUsd: string | null;
  costPer1kTokensUsd: string | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  ttftP95Ms: number | null;
  errorRate: number | null;
  /** Throttled requests (status throttled or HTTP 429) / requests. */
  throttleRate: number | null;
  fallbackRate: number | null;
  fallbackSuccessRate: number | null;
};

/** The vendor comparison: one row per provider/model over [from, to), busiest first. */
export async function vendorMatrix(
  db: Pick<Database, "sql">,
  workspaceId: number,
  args: { from: string; to: string; filters?: MetricsQueryInput["filters"] },
): Promise<{ rows: VendorRow[]; meta: MetricsMeta }> {
  const { rows, meta } = await runMetricsQuery(db, workspaceId, {
    from: args.from,
    to: args.to,
    dimensions: ["provider", "model"],
    filters: args.filters,
    measures: [
      "requests",
      "cost_usd",
      "cost_per_successful_task_usd",
      "cost_per_1k_tokens_usd",
      "latency_p50_ms",
      "latency_p95_ms",
      "ttft_p95_ms",
      "error_rate",
      "throttled_requests",
      "fallback_rate",
      "fallback_success_rate",
    ],
  } satisfies MetricsQueryInput);
  return {
    meta,
    rows: rows.map((r) => {
      const requests = r.requests as number;
      return {
        provider: r.provider as string,
        model: r.model as string,
        requests,
        costUsd: r.cost_usd as string,
        costPerSuccessfulTaskUsd: (r.cost_per_successful_task_usd as string | null) ?? null,
        costPer1kTokensUsd: (r.cost_per_1k_tokens_usd as string | null) ?? null,
        latencyP50Ms: (r.latency_p50_ms as number | null) ?? null,
        latencyP95Ms: (r.latency_p95_ms as number | null) ?? null,
        ttftP95Ms: (r.ttft_p95_ms as number | null) ?? null,
        errorRate: (r.error_rate as number | null) ?? null,
        throttleRate: requests > 0 ? (r.throttled_requests as number) / requests : null,
        fallbackRate: (r.fallback_rate as number | null) ?? null,
        fallbackSuccessRate: (r.fallback_success_rate as number | null) ?? null,
      };
    }),
  };
}
