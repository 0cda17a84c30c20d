import { createLoader, parseAsArrayOf, parseAsString } from "nuqs/server";
import { MAX_TEXT_LENGTH } from "@/lib/ingest/ingest-limits";

/**
 * The global filter bar's state in the URL, one definition shared by the client bar (nuqs hooks) and the
 * server pages (the loader), like the date range: a view is a shareable link and each change a history
 * entry. Values are comma-separated lists (`?provider=openai,anthropic`); empty means "all".
 *
 * The URL key and the metrics query's filter key differ only for the workload class (`workload` reads
 * better in a link than `workloadClass`), so both live in this one typed map.
 */
export const FILTER_FIELDS = {
  provider: { urlKey: "provider", filterKey: "provider", dimension: "provider", label: "Provider", plural: "providers" },
  model: { urlKey: "model", filterKey: "model", dimension: "model", label: "Model", plural: "models" },
  region: { urlKey: "region", filterKey: "region", dimension: "region", label: "Region", plural: "regions" },
  tenant: { urlKey: "tenant", filterKey: "tenant", dimension: "tenant", label: "Tenant", plural: "tenants" },
  feature: { urlKey: "feature", filterKey: "feature", dimension: "feature", label: "Feature", plural: "features" },
  workload: {
    urlKey: "workload",
    filterKey: "workloadClass",
    dimension: "workload_class",
    label: "Workload class",
    plural: "workload classes",
  },
} as const;

export type FilterField = keyof typeof FILTER_FIELDS;
export const FILTER_FIELD_NAMES = Object.keys(FILTER_FIELDS) as FilterField[];
/** The URL params of the filter bar: links between analytics pages should carry them like the range. */
export const FILTER_URL_KEYS = FILTER_FIELD_NAMES.map((f) => FILTER_FIELDS[f].urlKey);

const list = parseAsArrayOf(parseAsString).withDefault([]);

export const filterParsers = {
  provider: list,
  model: list,
  region: list,
  tenant: list,
  feature: list,
  workload: list,
} satisfies Record<FilterField, typeof list>;

export const loadFilterParams = createLoader(filterParsers);

export type DashboardFilters = Record<FilterField, string[]>;

/** The `filters` object of a metrics query; fields with no selection are left out (= all values). */
export type MetricsFilters = Partial<Record<(typeof FILTER_FIELDS)[FilterField]["filterKey"], string[]>>;

/** Caps what a URL can ask for: a filter is a short pick list, not a way to send megabytes to the engine. */
export const MAX_VALUES_PER_FILTER = 50;

export function normalizeFilters(raw: Partial<Record<FilterField, string[] | null>>): DashboardFilters {
  const out = {} as DashboardFilters;
  for (const f of FILTER_FIELD_NAMES) {
    const values = (raw[f] ?? []).filter((v) => v.length > 0 && v.length <= MAX_TEXT_LENGTH);
    out[f] = [...new Set(values)].sort().slice(0, MAX_VALUES_PER_FILTER);
  }
  return out;
}

export function toMetricsFilters(filters: DashboardFilters, pinned: Partial<Record<FilterField, string>> = {}): MetricsFilters {
  const out: MetricsFilters = {};
  for (const f of FILTER_FIELD_NAMES) {
    // A drill-down page pins its own tenant/feature; the bar's selection for that field does not apply there.
    const values = pinned[f] !== undefined ? [pinned[f]] : filters[f];
    if (values.length > 0) out[FILTER_FIELDS[f].filterKey] = values;
  }
  return out;
}
