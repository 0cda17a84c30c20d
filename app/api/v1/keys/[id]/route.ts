import { revokeWorkspaceKey } from "@/lib/keys/revoke-workspace-key";
import { route } from "@/lib/http/route";
import { sessionMember } from "@/lib/members/session-member";

/** Revokes a key of the caller's workspace: 204, or 404 when no active key with that id is there. */
export const DELETE = route({ auth: "session", permission: "keys:manage" }, async ({ db, params, workspace, actor }) => {
  await revokeWorkspaceKey(db.prisma, sessionMember(workspace, actor), params.id);
  return new Response(null, { status: 204 });
});
