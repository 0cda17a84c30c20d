import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path-header";
import { safeCallbackPath } from "./safe-callback-path";
import { authOptions } from "./auth-options";
import { can, type Permission } from "./roles";
import { resolveSessionAccess, type Access } from "./workspace-access";

export const WORKSPACE_COOKIE = "unitscope_workspace";

export async function getSessionUserId(): Promise<number | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  return typeof id === "number" && Number.isInteger(id) ? id : null;
}

/** For pages and server actions: the signed-in user's workspace and role, or a redirect to sign-in. */
export const requireAccess = cache(async (): Promise<Access> => {
  const userId = await getSessionUserId();
  if (userId === null) redirect(await signInPath());
  const cookie = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const access = await resolveSessionAccess(await getPrisma(), userId, { cookie });
  if (!access) redirect("/login?error=no_workspace");
  return access;
});

/**
 * /login, with the requested page as callbackUrl when the proxy passed it on (proxy.ts): a shared link
 * opened while signed out leads to its view after sign-in; the login page applies the same check again.
 */
async function signInPath(): Promise<string> {
  const path = safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER), undefined, "/");
  return path !== "/" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login";
}

export async function requirePermission(permission: Permission): Promise<Access> {
  const access = await requireAccess();
  if (!can(access.role, permission)) redirect("/overview?error=forbidden");
  return access;
}
