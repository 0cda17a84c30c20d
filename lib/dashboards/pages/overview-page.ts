import type { Mover } from "@/lib/metrics/views/top-movers";
import type { SpendDimension } from "@/lib/metrics/views/spend-by";
import type { KpiSpec } from "../prepare-kpis";
import { tableData, type TableColumn, type TableData } from "../table-spec";

/** Leadership's headline numbers (the month-end projection tile comes from the engine's projection). */
export const OVERVIEW_KPIS: KpiSpec[] = [
  { id: "spend", measure: "cost_usd", label: "Spend (effective)", betterWhen: "lower" },
  { id: "cost-per-task", measure: "cost_per_successful_task_usd", betterWhen: "lower" },
  { id: "success-rate", measure: "task_success_rate", betterWhen: "higher" },
  { id: "latency-p95", measure: "latency_p95_ms", label: "p95 latency", betterWhen: "lower" },
  { id: "ttft-p95", measure: "ttft_p95_ms", label: "p95 time to first token", betterWhen: "lower" },
];

/** Top movers as a table: who spends more (or less) than in the previous period, by absolute change. */
export function prepareMovers(rows: readonly Mover[], dimension: MoverDimension): TableData {
  const columns: TableColumn[] = [
    { id: dimension, header: MOVER_LABEL[dimension], format: "text", ...(MOVER_HREF[dimension] ? { href: MOVER_HREF[dimension] } : {}) },
    { id: "current", header: "This period", format: "usd" },
    { id: "previous", header: "Previous", format: "usd" },
    { id: "change_usd", header: "Change", format: "usd" },
    // The engine gives the change in percent; the table's "change" format is a ratio.
    { id: "change", header: "Change %", format: "change" },
  ];
  return tableData(
    columns,
    rows.map((m) => ({
      id: JSON.stringify([m.key]),
      cells: {
        [dimension]: m.key,
        current: m.currentUsd,
        previous: m.previousUsd,
        change_usd: m.changeUsd,
        change: m.changePct === null ? null : m.changePct / 100,
      },
    })),
  );
}

export const MOVER_DIMENSIONS = ["tenant", "feature", "model"] as const satisfies readonly SpendDimension[];
export type MoverDimension = (typeof MOVER_DIMENSIONS)[number];
const MOVER_LABEL: Record<MoverDimension, string> = { tenant: "Tenant", feature: "Feature", model: "Model" };
const MOVER_HREF: Record<MoverDimension, string | null> = { tenant: "/tenants", feature: "/features", model: null };
