import { deleteSilence } from "@/lib/alerts/silences";
import { route } from "@/lib/http/route";
import { parseRouteId } from "@/lib/notifications/parse-input";

/** DELETE /api/v1/silences/{id} — ends the silence. 204. */
export const DELETE = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, params }) => {
  await deleteSilence(db, workspace.id, parseRouteId(params.id, "silence"));
  return new Response(null, { status: 204 });
});
