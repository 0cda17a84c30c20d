import type { PrismaDb } from "@/lib/db/open-database";
import type { Role } from "./roles";

export type WorkspaceRef = { id: number; slug: string; name: string; timezone: string };
export type Access = { userId: number; role: Role; workspace: WorkspaceRef; workspaces: (WorkspaceRef & { role: Role })[] };

/**
 * The workspace a user acts in: the one named (by slug) if they are a member of it, else their first.
 * Returns null when the user has no membership at all — or is not a member of the named workspace,
 * so a guessed slug never falls through to someone else's data.
 */
export async function resolveAccess(prisma: PrismaDb, userId: number, slug?: string | null): Promise<Access | null> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, timezone: true } } },
    orderBy: { workspace: { slug: "asc" } },
  });
  if (memberships.length === 0) return null;
  const chosen = slug ? memberships.find((m) => m.workspace.slug === slug) : memberships[0];
  if (!chosen) return null;
  return {
    userId,
    role: chosen.role,
    workspace: chosen.workspace,
    workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })),
  };
}
