import type { PrismaDb } from "@/lib/db/open-database";
import { assertCan } from "./assert-can";
import type { MemberContext } from "./member-context";

/** The members of the actor's workspace, owners first, then by email. */
export async function listMembers(prisma: PrismaDb, ctx: MemberContext) {
  assertCan(ctx, "members:read");
  const rows = await prisma.membership.findMany({
    where: { workspaceId: ctx.workspaceId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ user: { email: "asc" } }],
  });
  const rank = { owner: 0, admin: 1, engineer: 2, finance: 3, viewer: 4 } as const;
  return rows
    .map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }))
    .sort((a, b) => rank[a.role] - rank[b.role] || a.email.localeCompare(b.email));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];
