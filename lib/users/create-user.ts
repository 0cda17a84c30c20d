import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { roleSchema } from "@/lib/auth/roles";
import type { PrismaDb } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(120).optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  workspaceSlug: z.string(),
  role: roleSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

/**
 * Creates the user (or finds them by email) and makes them a member of the workspace with the role.
 * An existing user's password is never changed here; an existing membership is refused.
 */
export async function createUser(prisma: PrismaDb, input: CreateUserInput) {
  const data = createUserSchema.parse(input);
  const workspace = await prisma.workspace.findUnique({ where: { slug: data.workspaceSlug } });
  if (!workspace) throw new ApiError("not_found", `no workspace '${data.workspaceSlug}'`);
  const passwordHash = await hashPassword(data.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email } });
    const user = existing ?? (await tx.user.create({ data: { email: data.email, name: data.name ?? null, passwordHash } }));
    const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } });
    if (member) throw new ApiError("conflict", `${data.email} is already a member of '${workspace.slug}' (${member.role})`);
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: data.role } });
    // `existingUser`: their own password still applies (the one given was not used); callers say so.
    return { id: user.id, email: user.email, workspace: workspace.slug, role: data.role, existingUser: existing !== null };
  });
}
