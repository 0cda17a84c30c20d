import "server-only";
import { cache } from "react";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readDateRange } from "@/lib/date-range/resolve-date-range";
import { requestOrigin } from "@/lib/http/request-origin";
import { memberContextOf } from "@/lib/members/member-context";
import { workspaceHasEvents } from "@/lib/overview/workspace-has-events";
import type { CardContext } from "./card-context";
import type { FilterField } from "./dashboard-filters";
import { dashboardViewOf } from "./dashboard-view";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What every dashboard page needs before its own panels: who is asking (resolved on the server), the
 * range from the URL, whether the workspace has any events yet, and the origin for snippets. Cached per
 * request, so the shell and the page share one resolution.
 */
export const loadDashboardContext = cache(async (searchParams: SearchParams) => {
  const access = await requireAccess();
  const [range, db, origin] = await Promise.all([readDateRange(searchParams), getDb(), requestOrigin()]);
  const ctx = memberContextOf(access);
  const hasEvents = await workspaceHasEvents(db.prisma, ctx);
  return { access, ctx, db, range, hasEvents, origin, canCreateKeys: can(access.role, "keys:manage") };
});

export type DashboardContext = Awaited<ReturnType<typeof loadDashboardContext>>;

/**
 * The one page preamble: the shell's context, the URL's parameters and the cards' context (filters of
 * the URL, plus `pinned` values of a drill-down page such as /tenants/[tenant]).
 */
export async function loadDashboardPage(searchParams: SearchParams, pinned?: Partial<Record<FilterField, string>>) {
  const context = await loadDashboardContext(searchParams);
  const params = await searchParams;
  const c: CardContext = {
    db: context.db,
    ctx: context.ctx,
    workspaceSlug: context.access.workspace.slug,
    view: dashboardViewOf(context.range, params),
    pinned,
  };
  return { context, params, c };
}
