import { listAlertDeliveries } from "@/lib/alerts/alert-queries";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/parse-id";

/** GET /api/v1/alerts/{id}/deliveries — every delivery attempt of every notification of the alert. */
export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace, params }) => ({
  deliveries: await listAlertDeliveries(db, workspace.id, parseId(params.id, "alert")),
}));
