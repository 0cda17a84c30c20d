import { resolveAccess } from "@/lib/auth/workspace-access";
import { workspaceSlugSchema } from "@/lib/workspaces/workspace-schemas";
import type { PrismaDb } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";

/**
 * Checks that the user may switch to the workspace named by `slug` and returns the slug to remember.
 * Membership is checked here, not only when the cookie is read, so a forged choice is refused at once.
 */
export async function switchWorkspace(prisma: PrismaDb, userId: number, slug: unknown): Promise<string> {
  const parsed = workspaceSlugSchema.safeParse(slug);
  if (!parsed.success) throw new ApiError("invalid_request", "not a workspace slug");
  const access = await resolveAccess(prisma, userId, parsed.data);
  if (!access) throw new ApiError("forbidden", `you are not a member of workspace '${parsed.data}'`);
  return access.workspace.slug;
}

/** What the switch action answers the switcher (a server action cannot throw a message to the client). */
export type SwitchWorkspaceResult = { ok: true } | { ok: false; message: string };
