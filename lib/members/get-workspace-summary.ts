import type { PrismaDb } from "@/lib/db/open-database";
import { assertCan } from "./assert-can";
import type { MemberContext } from "./member-context";

/** What Settings → General shows about the actor's workspace. */
export async function getWorkspaceSummary(prisma: PrismaDb, ctx: MemberContext) {
  assertCan(ctx, "dashboards:read");
  const [workspace, members, activeKeys] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { id: true, slug: true, name: true, timezone: true, createdAt: true },
    }),
    prisma.membership.count({ where: { workspaceId: ctx.workspaceId } }),
    prisma.apiKey.count({ where: { workspaceId: ctx.workspaceId, revokedAt: null } }),
  ]);
  return { ...workspace, members, activeKeys };
}
