import { getAlert } from "@/lib/alerts/alert-queries";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/parse-id";

/** GET /api/v1/alerts/{id} — the alert and its timeline (transitions, renotifications, acknowledgement). */
export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace, params }) =>
  getAlert(db, workspace.id, parseId(params.id, "alert")),
);
