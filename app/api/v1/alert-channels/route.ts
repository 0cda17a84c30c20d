import { z } from "zod";
import { route } from "@/lib/http/route";
import { createChannel, listChannels } from "@/lib/notifications/channel-store";

/** GET /api/v1/alert-channels — channels with their public config and last delivery (never secrets). */
export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace }) => ({
  channels: await listChannels(db, workspace.id),
}));

/** POST — {name, type, config}; the response's `secrets` (a webhook's signing secret) is shown this once. */
export const POST = route({ auth: "manage", permission: "alerts:manage", body: z.unknown() }, async ({ db, workspace, body }) =>
  Response.json(await createChannel(db, workspace.id, body), { status: 201, headers: { "Cache-Control": "no-store" } }),
);
