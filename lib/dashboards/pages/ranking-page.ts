import type { BarListItem } from "../summarize-bar-list";
import type { TableSpec } from "../load-cards";
import type { KpiSpec } from "../prepare-kpis";
import { toDecimal } from "../measure-display";
import type { TableData } from "../table-spec";

export type RankedDimension = "tenant" | "feature";

/** Everything that differs between the Tenants and the Features pages (list and drill-down), in one map. */
export const RANKED_DIMENSIONS = {
  tenant: {
    one: "tenant",
    One: "Tenant",
    many: "tenants",
    Many: "Tenants",
    href: "/tenants",
    listDescription: "Your customers ranked by spend, with their unit cost and task success rate.",
    drilldownDescription: "This tenant's spend, unit cost and reliability, by feature and model.",
    breakdownTitle: "Features and models used",
  },
  feature: {
    one: "feature",
    One: "Feature",
    many: "features",
    Many: "Features",
    href: "/features",
    listDescription: "Product features ranked by spend, with their unit cost and task success rate.",
    drilldownDescription: "This feature's spend, unit cost and reliability, by tenant, route and model.",
    breakdownTitle: "Routes and models",
  },
} as const satisfies Record<RankedDimension, Record<string, string>>;

/** Tenants or features ranked by spend, with unit cost, success rate and latency (the Tenants/Features pages). */
export function rankingTable(dimension: RankedDimension): TableSpec {
  return {
    dimensions: [{ id: dimension, header: RANKED_DIMENSIONS[dimension].One, href: RANKED_DIMENSIONS[dimension].href }],
    measures: [
      { measure: "cost_usd", header: "Spend" },
      { measure: "requests" },
      { measure: "successful_tasks", header: "OK tasks" },
      {
        measure: "cost_per_successful_task_usd",
        header: "$ / OK task",
        hint: "All spend (retries and failures included) per successful task",
      },
      { measure: "cost_per_1k_tokens_usd", header: "$ / 1k tokens" },
      { measure: "task_success_rate", header: "Success" },
      // No latency percentile here: merging a sketch per tenant is the costliest part of this query on
      // the embedded database, and each drill-down page charts its latency anyway.
    ],
    share: "cost_usd",
    compare: true,
    sortBy: "cost_usd",
  };
}

/** The ranking as bars: the top N rows by spend, exact amounts kept for the tooltip. */
export function rankingBars(table: TableData, dimension: RankedDimension, top = 10): BarListItem[] {
  return [...table.rows]
    .map((r) => ({
      label: r.cells[dimension] === null ? `(no ${RANKED_DIMENSIONS[dimension].one})` : String(r.cells[dimension]),
      exact: toDecimal(r.cells.cost_usd),
    }))
    .filter((r) => r.exact !== null)
    .sort((a, b) => b.exact!.comparedTo(a.exact!))
    .slice(0, top)
    .map((r) => ({ label: r.label, v: r.exact!.toNumber(), x: r.exact!.toFixed() }));
}

/** Headline numbers of one tenant's or feature's drill-down page. */
export const DRILLDOWN_KPIS: KpiSpec[] = [
  { id: "spend", measure: "cost_usd", label: "Spend (effective)", betterWhen: "lower" },
  { id: "cost-per-task", measure: "cost_per_successful_task_usd", betterWhen: "lower" },
  { id: "success-rate", measure: "task_success_rate", betterWhen: "higher" },
  { id: "requests", measure: "requests", betterWhen: "neither" },
  { id: "p95", measure: "latency_p95_ms", betterWhen: "lower" },
  { id: "error-rate", measure: "error_rate", betterWhen: "lower" },
];

/** Drill-down table: what this tenant uses (features × models) or who uses this feature (tenants × models). */
export function drilldownTable(dimension: RankedDimension): TableSpec {
  const other =
    dimension === "tenant"
      ? { id: "feature" as const, header: "Feature", href: RANKED_DIMENSIONS.feature.href }
      : { id: "route" as const, header: "Route" };
  return {
    dimensions: [other, { id: "model", header: "Model" }],
    measures: [
      { measure: "cost_usd", header: "Spend" },
      { measure: "requests" },
      { measure: "cost_per_successful_task_usd", header: "$ / OK task" },
      // Per model, call errors rather than task success: a task that fails over to another model
      // succeeds on that one, so a per-model task success rate can exceed 100 %.
      { measure: "error_rate", header: "Errors" },
      { measure: "latency_p95_ms", header: "p95 latency" },
    ],
    share: "cost_usd",
    sortBy: "cost_usd",
  };
}
