import Decimal from "decimal.js";
import { cardWindow, type CardContext } from "./card-context";
import { FILTER_FIELD_NAMES, FILTER_FIELDS, type FilterField } from "./dashboard-filters";
import { toDecimal } from "./measure-display";
import { metricsRequest } from "./metrics-request";
import { queryMetrics } from "./query-metrics";

/** Longest pick list offered per filter (busiest values first); a search box narrows it. */
const MAX_OPTIONS = 200;

/**
 * The values each filter offers: those seen in the selected range, busiest first. Deliberately not
 * narrowed by the other filters, so adding a second provider stays possible after picking the first.
 */
export async function loadFilterOptions(c: CardContext): Promise<Record<FilterField, string[]>> {
  const w = cardWindow(c);
  const entries = await Promise.all(
    FILTER_FIELD_NAMES.map(async (f) => {
      const dimension = FILTER_FIELDS[f].dimension;
      const answer = await queryMetrics(c, metricsRequest(w, { measures: ["requests"], dimensions: [dimension] }));
      const values = answer.rows
        .filter((r) => r[dimension] !== null && r[dimension] !== undefined && r[dimension] !== "")
        .map((r) => ({ value: String(r[dimension]), n: toDecimal(r.requests) ?? new Decimal(0) }))
        .sort((a, b) => b.n.comparedTo(a.n) || a.value.localeCompare(b.value))
        .slice(0, MAX_OPTIONS)
        .map((x) => x.value);
      return [f, values] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<FilterField, string[]>;
}
