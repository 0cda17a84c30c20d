import { alertListQuerySchema, listAlerts } from "@/lib/alerts/alert-queries";
import { route } from "@/lib/http/route";

/** GET /api/v1/alerts?state=firing|open|resolved|all&ruleKind=&ruleId=&limit= */
export const GET = route(
  { auth: "read", permission: "dashboards:read", query: alertListQuerySchema },
  async ({ db, workspace, query }) => ({
    alerts: await listAlerts(db, workspace.id, query),
  }),
);
