import { z } from "zod";

export const ROLES = ["owner", "admin", "engineer", "finance", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What each role may do. Reading dashboards is open to every member; changing anything that affects
 * access or money is not. Checked on the server wherever the action happens, never only in the UI.
 */
const PERMISSIONS = {
  "dashboards:read": ["owner", "admin", "engineer", "finance", "viewer"],
  "members:read": ["owner", "admin", "engineer", "finance", "viewer"],
  "members:manage": ["owner", "admin"],
  "keys:read": ["owner", "admin", "engineer", "finance"],
  "keys:manage": ["owner", "admin"],
  "pricing:read": ["owner", "admin", "engineer", "finance", "viewer"],
  "pricing:manage": ["owner", "admin", "finance"],
  "settings:manage": ["owner", "admin"],
  // Wave 2: monitoring and FinOps objects. Everyone reads them (dashboards:read); these change them.
  "alerts:manage": ["owner", "admin", "engineer"],
  "slos:manage": ["owner", "admin", "engineer"],
  "budgets:manage": ["owner", "admin", "finance"],
  "inventory:manage": ["owner", "admin", "engineer"],
  "quotas:manage": ["owner", "admin", "engineer"],
  "billing:import": ["owner", "admin", "finance"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
