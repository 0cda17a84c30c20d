import { revokeApiKey } from "@/lib/auth/api-keys";
import type { PrismaDb } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { assertCan } from "@/lib/members/assert-can";
import type { MemberContext } from "@/lib/members/member-context";
import { keyIdSchema } from "./key-schemas";

/** Revokes a key of the actor's workspace; a key of another workspace is "not found", never revoked. */
export async function revokeWorkspaceKey(prisma: PrismaDb, ctx: MemberContext, keyId: unknown): Promise<void> {
  assertCan(ctx, "keys:manage");
  const id = keyIdSchema.safeParse(keyId);
  if (!id.success) throw new ApiError("invalid_request", "a key id is a positive integer");
  await revokeApiKey(prisma, ctx.workspaceId, id.data);
}
