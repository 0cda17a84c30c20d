import { getDb } from "@/lib/db/client";
import { resolveDbConfig } from "@/lib/db/config";
import { checkHealth } from "@/lib/health/check-health";

/** Public liveness + database reachability for load balancers and uptime checks. 503 when degraded. */
export async function GET(): Promise<Response> {
  const report = await checkHealth(getDb, resolveDbConfig().kind);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(report.status === "ok" ? {} : { "Retry-After": "5" }) },
  });
}
