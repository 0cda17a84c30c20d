import { ackAlert } from "@/lib/alerts/ack-alert";
import { actorLabel } from "@/lib/alerts/actor-label";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/parse-id";

/** POST /api/v1/alerts/{id}/ack — acknowledges an open alert (no renotify; alert.acknowledged to its channels). */
export const POST = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, actor, params }) =>
  ackAlert(db, workspace.id, parseId(params.id, "alert"), await actorLabel(db, actor)),
);
