import { z } from "zod";
import { deleteMonitor, getMonitor, patchMonitor } from "@/lib/alerts/monitor-store";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/parse-id";

export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace, params }) => ({
  monitor: await getMonitor(db.sql, workspace.id, parseId(params.id, "monitor")),
}));

/** PATCH: given fields replace the stored ones; the merged monitor is validated as a whole. */
export const PATCH = route({ auth: "manage", permission: "alerts:manage", body: z.unknown() }, async ({ db, workspace, params, body }) => ({
  monitor: await patchMonitor(db, workspace.id, parseId(params.id, "monitor"), body),
}));

/** DELETE: the monitor and its alert history. 204. */
export const DELETE = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, params }) => {
  await deleteMonitor(db, workspace.id, parseId(params.id, "monitor"));
  return new Response(null, { status: 204 });
});
