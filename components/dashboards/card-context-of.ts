import { getDb } from "@/lib/db/client";
import type { CardContext } from "@/lib/dashboards/card-context";
import type { FilterField } from "@/lib/dashboards/dashboard-filters";
import { dashboardViewOf } from "@/lib/dashboards/dashboard-view";
import type { DashboardContext } from "@/components/shell/dashboard-context";

/** The cards' context for a page: the shell's resolved access and range plus the filters of the URL. */
export async function cardContextOf(
  context: DashboardContext,
  params: Record<string, string | string[] | undefined>,
  pinned?: Partial<Record<FilterField, string>>,
): Promise<CardContext> {
  return {
    db: await getDb(),
    ctx: context.ctx,
    workspaceSlug: context.access.workspace.slug,
    view: dashboardViewOf(context.range, params),
    pinned,
  };
}
