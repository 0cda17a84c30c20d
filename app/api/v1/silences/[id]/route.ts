import { deleteSilence } from "@/lib/alerts/silences";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/parse-id";

/** DELETE /api/v1/silences/{id} — ends the silence. 204. */
export const DELETE = route({ auth: "manage", permission: "alerts:manage" }, async ({ db, workspace, params }) => {
  await deleteSilence(db, workspace.id, parseId(params.id, "silence"));
  return new Response(null, { status: 204 });
});
