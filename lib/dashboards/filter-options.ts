import Decimal from "decimal.js";
import { FILTER_FIELDS, type FilterField } from "./dashboard-filters";
import { toDecimal } from "./measure-display";
import { metricsRequest, type MetricsRequest } from "./metrics-request";
import type { MetricsRow } from "./chart-data";

/** Longest pick list offered per filter (busiest values first); the search box narrows it. */
export const MAX_OPTIONS = 200;

/**
 * The values a filter offers: those seen in the selected range, busiest first. Deliberately not narrowed
 * by the other filters, so adding a second provider stays possible after picking the first. Asked only
 * when the filter is opened, so rendering a page costs no option queries.
 */
export function filterOptionsRequest(window: { from: string; to: string }, field: FilterField): MetricsRequest {
  return metricsRequest(window, { measures: ["requests"], dimensions: [FILTER_FIELDS[field].dimension] });
}

export function prepareFilterOptions(rows: readonly MetricsRow[], field: FilterField): string[] {
  const dimension = FILTER_FIELDS[field].dimension;
  return rows
    .filter((r) => r[dimension] !== null && r[dimension] !== undefined && r[dimension] !== "")
    .map((r) => ({ value: String(r[dimension]), n: toDecimal(r.requests) ?? new Decimal(0) }))
    .sort((a, b) => b.n.comparedTo(a.n) || a.value.localeCompare(b.value))
    .slice(0, MAX_OPTIONS)
    .map((x) => x.value);
}
