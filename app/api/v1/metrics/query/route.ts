import { route } from "@/lib/http/route";
import { readQueryBody } from "@/lib/metrics/read-query-body";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";

/**
 * POST /api/v1/metrics/query — one declarative query over the caller's workspace (session, or an API
 * key with the read scope). Body and answer: lib/metrics/README.md.
 */
export const POST = route({ auth: "read", permission: "dashboards:read" }, async ({ req, db, workspace }) =>
  runMetricsQuery(db, workspace.id, await readQueryBody(req)),
);
