import type { Database } from "@/lib/db/client";
import type { MemberContext } from "@/lib/members/member-context";
import { toMetricsFilters, type FilterField } from "./dashboard-filters";
import { viewWindow, type DashboardView, type ViewWindow } from "./dashboard-view";
import type { MetricsFilters } from "./dashboard-filters";

/**
 * What every server card receives: the database, who asks (workspace + role, checked by the loaders),
 * and the view from the URL. `pinned` fixes a filter on drill-down pages (/tenants/acme pins tenant=acme).
 * `workspaceSlug` (of ctx.workspaceId) is what client cards key their cache by and send to the API.
 */
export type CardContext = {
  db: Database;
  ctx: MemberContext;
  workspaceSlug: string;
  view: DashboardView;
  pinned?: Partial<Record<FilterField, string>>;
};

export function cardFilters(c: CardContext): MetricsFilters {
  return toMetricsFilters(c.view.filters, c.pinned);
}

export function cardWindow(c: CardContext): ViewWindow {
  return viewWindow(c.view);
}

/** The previous period's window with the same granularity (for "vs previous" comparisons). */
export function previousWindow(c: CardContext): ViewWindow {
  const w = viewWindow(c.view);
  return { ...w, from: w.previousFrom, to: w.previousTo };
}
