import { listAlertDeliveries } from "@/lib/alerts/alert-queries";
import { route } from "@/lib/http/route";
import { parseRouteId } from "@/lib/notifications/parse-input";

/** GET /api/v1/alerts/{id}/deliveries — every delivery attempt of every notification of the alert. */
export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace, params }) => ({
  deliveries: await listAlertDeliveries(db, workspace.id, parseRouteId(params.id, "alert")),
}));
