import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { clientIp } from "./client-ip";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { SIGN_IN_ERROR } from "./sign-in-errors";
import { claimSignInAttempt, noteSignInSuccess } from "./sign-in-throttle";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) });

export type AuthorizedUser = { id: string; email: string; name: string | null };

/**
 * next-auth's credentials check. Returns the user, or null for a wrong email or password (the page
 * must not tell which). Throws SIGN_IN_ERROR codes for refusals that need another message: throttled
 * (wait and retry) and database unavailable (nothing was checked; not the user's fault).
 */
export async function authorizeCredentials(
  raw: unknown,
  headers: Record<string, string | string[] | undefined> = {},
): Promise<AuthorizedUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const attempt = { email: parsed.data.email, ip: clientIp(headers) };
  try {
    const { sql, prisma } = await getDb();
    const decision = await claimSignInAttempt(sql, attempt);
    if (!decision.allowed) throw new Error(SIGN_IN_ERROR.throttled);
    const user = await prisma.user.findUnique({ where: { email: attempt.email } });
    // Compare against a dummy hash when the user is unknown so timing does not reveal who exists.
    const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) return null; // the claim already counted this failure
    await noteSignInSuccess(sql, attempt, decision.counted);
    return { id: String(user.id), email: user.email, name: user.name };
  } catch (err) {
    if (isDatabaseUnavailable(err)) {
      console.error("[auth] sign-in: database unavailable:", err instanceof Error ? err.message : err);
      throw new Error(SIGN_IN_ERROR.unavailable);
    }
    throw err;
  }
}
