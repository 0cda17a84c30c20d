import type { CardContext } from "@/lib/dashboards/card-context";
import type { FilterField } from "@/lib/dashboards/dashboard-filters";
import { FilterBar } from "./filter-bar";

/** The filter bar for a page's view: options are loaded by the bar itself when a filter is opened. */
export function FilterBarSection({ c, pinned = [] }: { c: CardContext; pinned?: FilterField[] }) {
  return (
    <FilterBar
      workspace={c.workspaceSlug}
      window={{ from: c.view.range.from.toISOString(), to: c.view.range.to.toISOString() }}
      pinned={pinned}
    />
  );
}
