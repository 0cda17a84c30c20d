import { route } from "@/lib/http/route";
import { handleQueryRequest } from "@/lib/metrics/handle-query-request";

/**
 * POST /api/v1/metrics/query — one declarative query over the caller's workspace (session, or an API
 * key with the read scope). Body and answer: lib/metrics/README.md.
 */
export const POST = route({ auth: "read", permission: "dashboards:read" }, handleQueryRequest);
