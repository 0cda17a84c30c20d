import type { BarListItem } from "../summarize-bar-list";
import Decimal from "decimal.js";
import type { VendorRow } from "@/lib/metrics/views/vendor-matrix";
import { toDecimal } from "../measure-display";
import { rowKeyOf } from "../prepare-measure-table";
import { tableData, type TableColumn, type TableData, type TableRow } from "../table-spec";

/**
 * The vendor comparison matrix as a table: one row per provider/model from the engine's vendor matrix
 * view, the columns of the analytics contract (plus spend and volume for context). Row ids are the
 * (provider, model) key the sparklines use.
 */
const COLUMNS: (TableColumn & { from: keyof VendorRow })[] = [
  // On screen the provider is a second line under the model (the matrix must fit a laptop); the CSV keeps both.
  { id: "provider", header: "Provider", format: "text", under: "model", from: "provider" },
  { id: "model", header: "Model", format: "text", from: "model" },
  { id: "cost_usd", header: "Spend", format: "usd", total: "sum", from: "costUsd" },
  { id: "requests", header: "Requests", format: "count", total: "sum", from: "requests" },
  {
    id: "cost_per_successful_task_usd",
    header: "$ / OK task",
    format: "usd",
    hint: "All spend (retries and failures included) per successful task",
    from: "costPerSuccessfulTaskUsd",
  },
  { id: "cost_per_1k_tokens_usd", header: "$ / 1k tokens", format: "usd", from: "costPer1kTokensUsd" },
  { id: "latency_p50_ms", header: "p50", format: "duration", from: "latencyP50Ms" },
  { id: "latency_p95_ms", header: "p95", format: "duration", from: "latencyP95Ms" },
  { id: "ttft_p95_ms", header: "TTFT p95", format: "duration", from: "ttftP95Ms" },
  { id: "error_rate", header: "Errors", format: "percent", from: "errorRate" },
  {
    id: "throttle_rate",
    header: "Throttled",
    format: "percent",
    hint: "Calls throttled (status throttled or HTTP 429) / calls",
    from: "throttleRate",
  },
  {
    id: "fallback_rate",
    header: "Fallback",
    format: "percent",
    hint: "Calls that were a fallback from another model, per task",
    from: "fallbackRate",
  },
  {
    id: "fallback_success_rate",
    header: "Fallback OK",
    format: "percent",
    hint: "Fallback calls that succeeded",
    from: "fallbackSuccessRate",
  },
];

export function prepareVendorMatrix(rows: readonly VendorRow[]): TableData {
  const columns: TableColumn[] = COLUMNS.map(({ from: _from, ...c }) => c);
  const out: TableRow[] = rows.map((r) => ({
    id: rowKeyOf({ provider: r.provider, model: r.model }, ["provider", "model"]),
    cells: Object.fromEntries(COLUMNS.map((c) => [c.id, (r[c.from] ?? null) as string | number | null])),
  }));
  out.sort((a, b) => (toDecimal(b.cells.cost_usd) ?? new Decimal(0)).comparedTo(toDecimal(a.cells.cost_usd) ?? new Decimal(0)));
  return tableData(columns, out);
}

/** Most expensive per success first: the bar chart beside the matrix (models with no successful task left out). */
export function unitCostBars(table: TableData, top = 12): BarListItem[] {
  return table.rows
    .map((r) => ({
      label: `${r.cells.provider ?? "(no provider)"}/${r.cells.model ?? "(no model)"}`,
      exact: toDecimal(r.cells.cost_per_successful_task_usd),
    }))
    .filter((r): r is { label: string; exact: Decimal } => r.exact !== null)
    .sort((a, b) => b.exact.comparedTo(a.exact))
    .slice(0, top)
    .map((r) => ({ label: r.label, v: r.exact.toNumber(), x: r.exact.toFixed() }));
}
