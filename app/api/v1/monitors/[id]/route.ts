import { z } from "zod";
import { deleteMonitor, getMonitor, patchMonitor } from "@/lib/alerts/monitor-store";
import { route } from "@/lib/http/route";
import { parseRouteId } from "@/lib/notifications/parse-input";

export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace, params }) => ({
  monitor: await getMonitor(db.sql, workspace.id, parseRouteId(params.id, "monitor")),
}));

/** PATCH: given fields replace the stored ones; the merged monitor is validated as a whole. */
export const PATCH = route({ auth: "manage", permission: "alerts:manage", body: z.unknown() }, async ({ db, workspace, params, body }) => ({
  monitor: await patchMonitor(db, workspace.id, parseRouteId(params.id, "monitor"), body),
}));

/** DELETE: the monitor and its alert history. 204. */
export const DELETE = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, params }) => {
  await deleteMonitor(db, workspace.id, parseRouteId(params.id, "monitor"));
  return new Response(null, { status: 204 });
});
