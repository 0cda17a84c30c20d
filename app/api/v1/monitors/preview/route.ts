import { z } from "zod";
import { previewMonitor } from "@/lib/alerts/preview-monitor";
import { route } from "@/lib/http/route";

/** POST /api/v1/monitors/preview — backtests a saved ({monitorId}) or unsaved ({monitor}) rule over the last `days`. */
export const POST = route({ auth: "read", permission: "dashboards:read", body: z.unknown() }, async ({ db, workspace, body }) =>
  previewMonitor(db, workspace.id, body),
);
