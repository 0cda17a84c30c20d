import { can, type Permission } from "@/lib/auth/roles";
import { ApiError } from "@/lib/http/errors";
import type { MemberContext } from "./member-context";

/**
 * The server-side gate of every member action. The UI hides controls a role may not use, but server
 * actions are reachable by anyone holding a session, so the rule is enforced here, not in components.
 */
export function assertCan(ctx: MemberContext, permission: Permission): void {
  if (!can(ctx.role, permission)) {
    throw new ApiError("forbidden", `your role '${ctx.role}' may not do this (needs ${permission})`);
  }
}
