import type { ApiKeyScope } from "./api-key-secret";
import type { Permission } from "./roles";

/**
 * What an API key may do, per scope: an explicit list, never derived from a permission's name, so a new
 * permission grants nothing to keys until it is placed here (key-scope-permissions.test.ts makes every
 * permission's placement a decision). Keys act for automation, never for people: no scope grants
 * keys:manage, members:manage or settings:manage, so a key can never mint keys or members.
 */
export const KEY_SCOPE_PERMISSIONS = {
  // Ingest routes check the scope itself (route() `auth: "ingest"`); it grants no permission.
  ingest: [],
  read: ["dashboards:read", "members:read", "keys:read", "pricing:read"],
  // Monitors, SLOs, budgets and contracts as code. Reading them back needs `read` too.
  manage: ["pricing:manage", "alerts:manage", "slos:manage", "budgets:manage", "inventory:manage", "quotas:manage", "billing:import"],
} as const satisfies Record<ApiKeyScope, readonly Permission[]>;

/** Permissions no key is ever granted, whatever its scopes: only a signed-in person does these. */
export const SESSION_ONLY_PERMISSIONS = ["keys:manage", "members:manage", "settings:manage"] as const satisfies readonly Permission[];

export function scopesGrant(scopes: readonly ApiKeyScope[], permission: Permission): boolean {
  return scopes.some((s) => (KEY_SCOPE_PERMISSIONS[s] as readonly Permission[]).includes(permission));
}
