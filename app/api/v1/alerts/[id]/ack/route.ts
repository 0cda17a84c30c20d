import { ackAlert } from "@/lib/alerts/ack-alert";
import { actorLabel } from "@/lib/alerts/actor-label";
import { route } from "@/lib/http/route";
import { parseRouteId } from "@/lib/notifications/parse-input";

/** POST /api/v1/alerts/{id}/ack — acknowledges an open alert (no renotify; alert.acknowledged to its channels). */
export const POST = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, actor, params }) =>
  ackAlert(db, workspace.id, parseRouteId(params.id, "alert"), await actorLabel(db, actor)),
);
