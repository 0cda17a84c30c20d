"use server";

import { cookies } from "next/headers";
import { refresh } from "next/cache";
import { getSessionUserId, WORKSPACE_COOKIE } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { switchWorkspace, type SwitchWorkspaceResult } from "@/lib/members/switch-workspace";

/** Remembers the chosen workspace in a cookie after checking, on the server, that the user belongs to it. */
export async function switchWorkspaceAction(slug: string): Promise<SwitchWorkspaceResult> {
  const userId = await getSessionUserId();
  if (userId === null) return { ok: false, message: "Your session has ended. Sign in again." };
  try {
    const chosen = await switchWorkspace(await getPrisma(), userId, slug);
    (await cookies()).set(WORKSPACE_COOKIE, chosen, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      // Same rule next-auth uses for its own cookies: Secure when the app is served over https.
      secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
      maxAge: 365 * 24 * 3600,
    });
    refresh();
    return { ok: true };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, message: err.message };
    throw err;
  }
}
