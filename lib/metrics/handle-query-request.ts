import type { Database } from "@/lib/db/open-database";
import { readJsonBody } from "@/lib/http/read-json-body";
import { runMetricsQuery, type MetricsAnswer } from "./run-metrics-query";

/** A metrics query is a few hundred bytes; filters of 200 values per dimension stay far below this. */
const MAX_QUERY_BODY_BYTES = 64 * 1024;

/**
 * The body of POST /api/v1/metrics/query once the caller is authenticated: read the JSON, answer for the
 * caller's workspace. The route wraps it with route() (session or read-scoped key); bench:metrics serves
 * this same function over HTTP behind the same API-key check.
 */
export async function handleQueryRequest(ctx: {
  req: Request;
  db: Pick<Database, "sql">;
  workspace: { id: number };
}): Promise<MetricsAnswer> {
  return runMetricsQuery(ctx.db, ctx.workspace.id, await readJsonBody(ctx.req, MAX_QUERY_BODY_BYTES));
}
