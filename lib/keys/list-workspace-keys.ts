import type { PrismaDb } from "@/lib/db/open-database";
import { assertCan } from "@/lib/members/assert-can";
import type { MemberContext } from "@/lib/members/member-context";
import type { ApiKeyScope } from "@/lib/auth/api-key-secret";

/** Every key of the actor's workspace, active first, newest first. Hashes never leave this function. */
export async function listWorkspaceKeys(prisma: PrismaDb, ctx: MemberContext) {
  assertCan(ctx, "keys:read");
  const keys = await prisma.apiKey.findMany({
    where: { workspaceId: ctx.workspaceId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return keys
    .map(({ createdBy, scopes, ...k }) => ({ ...k, scopes: scopes as ApiKeyScope[], createdBy: createdBy?.email ?? null }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

export type KeyRow = Awaited<ReturnType<typeof listWorkspaceKeys>>[number];
