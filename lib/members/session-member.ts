import type { Actor } from "@/lib/auth/actor";
import { ApiError } from "@/lib/http/errors";
import type { WorkspaceRef } from "@/lib/auth/workspace-access";
import type { MemberContext } from "./member-context";

/** For `auth: "session"` routes: the signed-in member as lib/keys and lib/members expect it. */
export function sessionMember(workspace: WorkspaceRef, actor: Actor): MemberContext {
  // route() refuses API keys on session routes; this guards the type, and any future change of that rule.
  if (actor.kind !== "user") throw new ApiError("forbidden", "this endpoint needs a signed-in user, not an API key");
  return { userId: actor.userId, workspaceId: workspace.id, role: actor.role };
}
