import { route } from "@/lib/http/route";
import { rotateWebhookSecret } from "@/lib/notifications/channel-store";
import { parseId } from "@/lib/http/parse-id";

/** POST — a new webhook signing secret, shown once; the old one keeps signing for the grace period. */
export const POST = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, params }) =>
  Response.json(await rotateWebhookSecret(db, workspace.id, parseId(params.id, "alert channel")), {
    headers: { "Cache-Control": "no-store" },
  }),
);
