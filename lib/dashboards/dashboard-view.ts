import { loadDateRangeParams } from "@/lib/date-range/date-range-params";
import { resolveDateRange, type ResolvedDateRange } from "@/lib/date-range/resolve-date-range";
import { loadFilterParams, normalizeFilters, type DashboardFilters } from "./dashboard-filters";
import { pickGranularity, type Granularity } from "./time-buckets";

type SearchParams = Record<string, string | string[] | undefined>;

/** Everything a dashboard card needs to know about "what is being looked at", from the URL alone. */
export type DashboardView = {
  range: ResolvedDateRange;
  /** The window of the same length just before the range: "vs previous period" everywhere. */
  previous: { from: Date; to: Date };
  granularity: Granularity;
  filters: DashboardFilters;
};

/**
 * Pages pass the range the shell already resolved (loadDashboardContext), so the header's label, the
 * snapshot and every card agree on one `now`.
 */
export function dashboardViewOf(range: ResolvedDateRange, params: SearchParams): DashboardView {
  const span = range.to.getTime() - range.from.getTime();
  return {
    range,
    previous: { from: new Date(range.from.getTime() - span), to: range.from },
    granularity: pickGranularity(range.from, range.to),
    filters: normalizeFilters(loadFilterParams(params)),
  };
}

export function resolveDashboardView(params: SearchParams, now: Date = new Date()): DashboardView {
  return dashboardViewOf(resolveDateRange(loadDateRangeParams(params), now), params);
}

/** The serialisable part of a view, for client components (Dates as ISO strings). */
export type ViewWindow = { from: string; to: string; previousFrom: string; previousTo: string; granularity: Granularity; label: string };

export function viewWindow(view: DashboardView): ViewWindow {
  return {
    from: view.range.from.toISOString(),
    to: view.range.to.toISOString(),
    previousFrom: view.previous.from.toISOString(),
    previousTo: view.previous.to.toISOString(),
    granularity: view.granularity,
    label: view.range.label,
  };
}
