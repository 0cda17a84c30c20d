import type { Database } from "@/lib/db/open-database";
import type { Dimension } from "@/lib/rollups/dimensions";
import type { MetricsQueryInput } from "../query-schema";
import { runMetricsQuery, type MetricsMeta } from "../run-metrics-query";

export const SPEND_DIMENSIONS = ["feature", "tenant", "provider", "model"] as const satisfies readonly Dimension[];
export type SpendDimension = (typeof SPEND_DIMENSIONS)[number];

export type SpendRow = {
  /** The feature, tenant, provider or model; null for events without one (e.g. internal traffic without a tenant). */
  key: string | null;
  costUsd: string;
  listCostUsd: string;
  requests: number;
  successfulTasks: number;
  costPerSuccessfulTaskUsd: string | null;
  costPer1kTokensUsd: string | null;
  taskSuccessRate: number | null;
};

/**
 * Unit economics: spend by feature, tenant, provider or model over [from, to), largest first, with
 * the reliability-adjusted unit cost. One metrics query; money stays decimal strings.
 */
export async function spendBy(
  db: Pick<Database, "sql">,
  workspaceId: number,
  args: { from: string; to: string; by: SpendDimension; filters?: MetricsQueryInput["filters"]; limit?: number },
): Promise<{ rows: SpendRow[]; meta: MetricsMeta }> {
  const { rows, meta } = await runMetricsQuery(db, workspaceId, {
    from: args.from,
    to: args.to,
    dimensions: [args.by],
    filters: args.filters,
    measures: [
      "cost_usd",
      "list_cost_usd",
      "requests",
      "successful_tasks",
      "cost_per_successful_task_usd",
      "cost_per_1k_tokens_usd",
      "task_success_rate",
    ],
    orderBy: [{ field: "cost_usd", direction: "desc" }],
    limit: args.limit,
  } satisfies MetricsQueryInput);
  return {
    meta,
    rows: rows.map((r) => ({
      key: (r[args.by] as string | null) ?? null,
      costUsd: r.cost_usd as string,
      listCostUsd: r.list_cost_usd as string,
      requests: r.requests as number,
      successfulTasks: r.successful_tasks as number,
      costPerSuccessfulTaskUsd: (r.cost_per_successful_task_usd as string | null) ?? null,
      costPer1kTokensUsd: (r.cost_per_1k_tokens_usd as string | null) ?? null,
      taskSuccessRate: (r.task_success_rate as number | null) ?? null,
    })),
  };
}
