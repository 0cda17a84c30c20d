import { assertCan } from "@/lib/members/assert-can";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";
import type { CardContext } from "./card-context";
import type { MetricsAnswer, MetricsRequest } from "./metrics-request";

/**
 * The dashboards' one door to the metrics engine on the server: the same query function the
 * `POST /api/v1/metrics/query` route calls, in-process (no SQL here, no HTTP to ourselves), always for
 * the signed-in member's own workspace.
 */
export async function queryMetrics(c: Pick<CardContext, "db" | "ctx">, request: MetricsRequest): Promise<MetricsAnswer> {
  assertCan(c.ctx, "dashboards:read");
  return runMetricsQuery(c.db, c.ctx.workspaceId, request);
}
