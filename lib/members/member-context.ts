import type { Role } from "@/lib/auth/roles";
import type { Access } from "@/lib/auth/workspace-access";

/** Who acts, in which workspace, with which role: what every member-facing rule needs. */
export type MemberContext = { userId: number; workspaceId: number; role: Role };

export function memberContextOf(access: Access): MemberContext {
  return { userId: access.userId, workspaceId: access.workspace.id, role: access.role };
}
