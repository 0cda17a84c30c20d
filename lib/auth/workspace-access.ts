import type { PrismaDb } from "@/lib/db/open-database";
import type { Role } from "./roles";

/** Names the workspace of a session API request explicitly (slug); a non-member is refused, never redirected. */
export const WORKSPACE_HEADER = "x-unitscope-workspace";

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

/**
 * The one rule for a signed-in user's workspace, shared by pages and server actions (cookie only) and the
 * session API routes (header or cookie), so a page and the API calls it makes never disagree:
 * - `header` (x-unitscope-workspace) names a workspace deliberately: a non-member gets none (403), never
 *   another workspace's answer;
 * - `cookie` only remembers the last switch: naming a workspace the user has left (or a guessed slug), it
 *   is ignored and the user's first workspace is used, as for no cookie at all.
 */
export async function resolveSessionAccess(
  prisma: PrismaDb,
  userId: number,
  named: { header?: string | null; cookie?: string | null },
): Promise<Access | null> {
  if (named.header) return resolveAccess(prisma, userId, named.header);
  return (named.cookie ? await resolveAccess(prisma, userId, named.cookie) : null) ?? resolveAccess(prisma, userId);
}
