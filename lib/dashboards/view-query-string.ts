import { FILTER_FIELD_NAMES, FILTER_FIELDS, filterParsers } from "./dashboard-filters";
import type { DashboardView } from "./dashboard-view";

/**
 * The query string that reproduces a view (range and filters) — carried by drill-down links so a
 * tenant's page opens on the same range with the same filters. Custom ranges keep their days.
 */
export function viewQueryString(view: DashboardView): string {
  const q = new URLSearchParams();
  if (view.range.choice === "custom") {
    q.set("range", "custom");
    q.set("from", view.range.from.toISOString().slice(0, 10));
    q.set("to", new Date(view.range.to.getTime() - 86_400_000).toISOString().slice(0, 10));
  } else {
    q.set("range", view.range.choice);
  }
  for (const f of FILTER_FIELD_NAMES) {
    // nuqs' own serializer: a value holding a comma ("Acme, Inc.") stays one value when read back.
    if (view.filters[f].length > 0) q.set(FILTER_FIELDS[f].urlKey, filterParsers[f].serialize(view.filters[f]));
  }
  return q.toString();
}
