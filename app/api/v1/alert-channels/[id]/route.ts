import { z } from "zod";
import { route } from "@/lib/http/route";
import { deleteChannel, getChannel, patchChannel } from "@/lib/notifications/channel-store";
import { parseId } from "@/lib/http/parse-id";

export const GET = route({ auth: "read", permission: "dashboards:read" }, async ({ db, workspace, params }) => ({
  channel: await getChannel(db, workspace.id, parseId(params.id, "alert channel")),
}));

/** PATCH — {name?, enabled?, config?}: given config keys replace stored ones (secrets too, write-only). */
export const PATCH = route({ auth: "manage", permission: "alerts:manage", body: z.unknown() }, async ({ db, workspace, params, body }) => ({
  channel: await patchChannel(db, workspace.id, parseId(params.id, "alert channel"), body),
}));

export const DELETE = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, params }) => {
  await deleteChannel(db, workspace.id, parseId(params.id, "alert channel"));
  return new Response(null, { status: 204 });
});
