import { assertCan as assertActorCan, userActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/roles";
import type { MemberContext } from "./member-context";

/**
 * The server-side gate of every member action. The UI hides controls a role may not use, but server
 * actions are reachable by anyone holding a session, so the rule is enforced here, not in components.
 * Member actions are session-only; the check itself is lib/auth's, the same for every actor.
 */
export function assertCan(ctx: MemberContext, permission: Permission): void {
  assertActorCan({ workspaceId: ctx.workspaceId, actor: userActor(ctx) }, permission);
}
