import { cache } from "react";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { readDateRange } from "@/lib/date-range/resolve-date-range";
import { memberContextOf } from "@/lib/members/member-context";
import { workspaceHasEvents } from "@/lib/overview/workspace-has-events";
import { requestOrigin } from "./request-origin";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What every dashboard page needs before its own panels: who is asking (resolved on the server), the
 * range from the URL, whether the workspace has any events yet, and the origin for snippets.
 */
export const loadDashboardContext = cache(async (searchParams: SearchParams) => {
  const access = await requireAccess();
  const [range, prisma, origin] = await Promise.all([readDateRange(searchParams), getPrisma(), requestOrigin()]);
  const ctx = memberContextOf(access);
  const hasEvents = await workspaceHasEvents(prisma, ctx);
  return { access, ctx, prisma, range, hasEvents, origin, canCreateKeys: can(access.role, "keys:manage") };
});

export type DashboardContext = Awaited<ReturnType<typeof loadDashboardContext>>;
