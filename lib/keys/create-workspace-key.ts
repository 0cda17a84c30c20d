import { createApiKey } from "@/lib/auth/api-keys";
import type { PrismaDb } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { zodIssues } from "@/lib/http/respond";
import { assertCan } from "@/lib/members/assert-can";
import type { MemberContext } from "@/lib/members/member-context";
import { createKeySchema, type CreateKeyInput } from "./key-schemas";

/**
 * Creates a key in the actor's workspace (never another) and returns its secret, which exists only
 * in this return value: the caller shows it once.
 */
export async function createWorkspaceKey(prisma: PrismaDb, ctx: MemberContext, input: CreateKeyInput) {
  assertCan(ctx, "keys:manage");
  const parsed = createKeySchema.safeParse(input);
  if (!parsed.success) throw new ApiError("invalid_body", parsed.error.issues[0]?.message ?? "invalid key", zodIssues(parsed.error));
  return createApiKey(prisma, {
    workspaceId: ctx.workspaceId,
    name: parsed.data.name,
    scopes: parsed.data.scopes,
    createdById: ctx.userId,
  });
}
