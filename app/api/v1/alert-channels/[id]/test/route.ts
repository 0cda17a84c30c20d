import { route } from "@/lib/http/route";
import { testChannel } from "@/lib/notifications/channel-store";
import { parseId } from "@/lib/http/parse-id";

/** POST /api/v1/alert-channels/{id}/test — queues an alert.test message (delivered by the outbox). 202. */
export const POST = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, params }) =>
  Response.json(await testChannel(db, workspace.id, parseId(params.id, "alert channel")), { status: 202 }),
);
