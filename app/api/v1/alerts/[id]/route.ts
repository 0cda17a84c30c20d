import { getAlert } from "@/lib/alerts/alert-queries";
import { route } from "@/lib/http/route";
import { parseRouteId } from "@/lib/notifications/parse-input";

/** GET /api/v1/alerts/{id} — the alert and its timeline (transitions, renotifications, acknowledgement). */
export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace, params }) =>
  getAlert(db, workspace.id, parseRouteId(params.id, "alert")),
);
