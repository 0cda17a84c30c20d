import Decimal from "decimal.js";
import type { MetricsRow } from "../chart-data";
import { toDecimal, type MeasureName } from "../measure-display";
import { prepareMeasureTable, type TableMeasure } from "../prepare-measure-table";
import type { TableColumn, TableData } from "../table-spec";

/** The vendor comparison matrix: one row per provider/model, the columns of the analytics contract. */
export const VENDOR_MEASURES: TableMeasure[] = [
  { measure: "cost_usd", header: "Spend" },
  { measure: "requests" },
  { measure: "cost_per_successful_task_usd", header: "$ / OK task", hint: "All spend (retries and failures included) per successful task" },
  { measure: "cost_per_1k_tokens_usd", header: "$ / 1k tokens" },
  { measure: "latency_p50_ms", header: "p50" },
  { measure: "latency_p95_ms", header: "p95" },
  { measure: "ttft_p95_ms", header: "TTFT p95" },
  { measure: "error_rate", header: "Errors" },
  { measure: "fallback_rate", header: "Fallback", hint: "Calls that were a fallback from another model, per task" },
  { measure: "fallback_success_rate", header: "Fallback OK", hint: "Fallback calls that succeeded" },
];

/** Measures the matrix query asks for (throttled_requests feeds the throttle-rate column). */
export const VENDOR_QUERY_MEASURES: MeasureName[] = [...VENDOR_MEASURES.map((m) => m.measure), "throttled_requests"];

/**
 * The matrix table from one metrics answer grouped by provider and model: the contract's columns plus the
 * throttle rate (throttled calls / calls), inserted after the error rate.
 */
export function prepareVendorMatrix(rows: readonly MetricsRow[]): TableData {
  const table = prepareMeasureTable({
    rows,
    dimensions: [
      { id: "provider", header: "Provider" },
      { id: "model", header: "Model" },
    ],
    measures: VENDOR_MEASURES,
    sortBy: "cost_usd",
  });
  const throttle: TableColumn = { id: "throttle_rate", header: "Throttled", format: "percent", hint: "Calls throttled (status throttled or HTTP 429) / calls" };
  const at = table.columns.findIndex((c) => c.id === "error_rate") + 1;
  table.columns.splice(at, 0, throttle);
  const byId = new Map(rows.map((r) => [JSON.stringify([r.provider ?? null, r.model ?? null]), r]));
  for (const row of table.rows) {
    const source = byId.get(row.id);
    const requests = toDecimal(source?.requests) ?? new Decimal(0);
    const throttled = toDecimal(source?.throttled_requests) ?? new Decimal(0);
    row.cells.throttle_rate = requests.isZero() ? null : throttled.div(requests).toNumber();
  }
  return table;
}

/** Cheapest-per-success first: the bar chart beside the matrix (models with no successful task left out). */
export function unitCostBars(table: TableData, top = 12): { label: string; v: number; x: string }[] {
  return table.rows
    .map((r) => ({ label: `${r.cells.model ?? "(no model)"}`, exact: toDecimal(r.cells.cost_per_successful_task_usd) }))
    .filter((r): r is { label: string; exact: Decimal } => r.exact !== null)
    .sort((a, b) => b.exact.comparedTo(a.exact))
    .slice(0, top)
    .map((r) => ({ label: r.label, v: r.exact.toNumber(), x: r.exact.toFixed() }));
}
