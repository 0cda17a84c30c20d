import type { CardContext } from "@/lib/dashboards/card-context";
import { FILTER_FIELD_NAMES, type FilterField } from "@/lib/dashboards/dashboard-filters";
import { loadFilterOptions } from "@/lib/dashboards/load-filter-options";
import { settle } from "@/lib/dashboards/settle";
import { FilterBar } from "./filter-bar";

/**
 * The filter bar with the values seen in the range. If the options cannot be loaded the bar still
 * renders (with the URL's current selection), so filters can always be cleared.
 */
export async function FilterBarSection({ c, pinned = [] }: { c: CardContext; pinned?: FilterField[] }) {
  const r = await settle("filter options", loadFilterOptions(c));
  const empty = Object.fromEntries(FILTER_FIELD_NAMES.map((f) => [f, [] as string[]])) as Record<FilterField, string[]>;
  return <FilterBar options={r.ok ? r.data : empty} pinned={pinned} />;
}
