import type { PrismaDb } from "@/lib/db/open-database";

/** The signed-in user's display details for the shell (never the password hash). */
export async function getUserProfile(prisma: PrismaDb, userId: number) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  return user ?? { id: userId, email: "unknown user", name: null };
}

export type UserProfile = Awaited<ReturnType<typeof getUserProfile>>;
