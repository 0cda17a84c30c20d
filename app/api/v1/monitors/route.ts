import { z } from "zod";
import { createMonitor, listMonitors } from "@/lib/alerts/monitor-store";
import { route } from "@/lib/http/route";

/** GET /api/v1/monitors — the workspace's monitors (lib/alerts/README.md). */
export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace }) => ({
  monitors: await listMonitors(db.sql, workspace.id),
}));

/** POST /api/v1/monitors — creates a monitor; 400 names the offending field. */
export const POST = route({ auth: "manage", permission: "alerts:manage", body: z.unknown() }, async ({ db, workspace, body }) =>
  Response.json({ monitor: await createMonitor(db, workspace.id, body) }, { status: 201 }),
);
