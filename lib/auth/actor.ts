import { ApiError } from "@/lib/http/errors";
import type { ApiKeyScope } from "./api-key-secret";
import { scopesGrant } from "./key-scope-permissions";
import { can, type Permission, type Role } from "./roles";

/** Who is acting: a signed-in user with a role in the workspace, or an API key with scopes. */
export type Actor = { kind: "user"; userId: number; role: Role } | { kind: "key"; keyId: number; scopes: ApiKeyScope[] };

/**
 * Who acts in which workspace: what every domain write takes (lib/pricing, the wave-2 domains), so the
 * rule is checked with assertCan where the write happens, whichever door (route, server action, job)
 * it came through. Session-only member actions use the narrower MemberContext of lib/members.
 */
export type ActorContext = { workspaceId: number; actor: Actor };

/** The one permission check, for users (their role) and API keys (their scopes, key-scope-permissions.ts). */
export function actorCan(actor: Actor, permission: Permission): boolean {
  return actor.kind === "user" ? can(actor.role, permission) : scopesGrant(actor.scopes, permission);
}

export function forbiddenError(actor: Actor, permission: Permission): ApiError {
  return new ApiError(
    "forbidden",
    actor.kind === "user"
      ? `your role '${actor.role}' may not do this (needs ${permission})`
      : `this API key's scopes (${actor.scopes.join(", ")}) do not grant ${permission}`,
  );
}

/** The server-side gate of every domain write: the UI hiding a control is never the check. */
export function assertCan(ctx: ActorContext, permission: Permission): void {
  if (!actorCan(ctx.actor, permission)) throw forbiddenError(ctx.actor, permission);
}

/** The actor of a user's session (pages, server actions): `userActor(access)` from requireAccess(). */
export function userActor(access: { userId: number; role: Role }): Actor {
  return { kind: "user", userId: access.userId, role: access.role };
}

/** Who to record as the author of a write: a user id or a key id, the other null. */
export function authorOf(actor: Actor): { userId: number | null; keyId: number | null } {
  return actor.kind === "user" ? { userId: actor.userId, keyId: null } : { userId: null, keyId: actor.keyId };
}
