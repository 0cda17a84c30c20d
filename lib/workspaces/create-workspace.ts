import type { PrismaDb } from "@/lib/db/open-database";
import { ApiError } from "@/lib/http/errors";
import { createWorkspaceSchema, type CreateWorkspaceInput } from "./workspace-schemas";

export async function createWorkspace(prisma: PrismaDb, input: CreateWorkspaceInput) {
  const data = createWorkspaceSchema.parse(input);
  const existing = await prisma.workspace.findUnique({ where: { slug: data.slug } });
  if (existing) throw new ApiError("conflict", `workspace '${data.slug}' already exists`);
  return prisma.workspace.create({ data: { slug: data.slug, name: data.name ?? data.slug, timezone: data.timezone } });
}
