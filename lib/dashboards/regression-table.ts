import type { RegressionDimension } from "./card-params";
import { findRegressions, type LatencyComparison } from "./prepare-regressions";
import { tableData, type TableColumn, type TableData } from "./table-spec";

export const REGRESSION_STATUS = { regressed: "Regressed", within: "Within threshold", none: "No data to compare" } as const;

/**
 * The regression finder's comparison as a DataTable spec, so it sorts, paginates and exports like every
 * other table. Every compared group is a row (not only the flagged ones) so the reader sees what the
 * threshold let through; the flag is a Status column rather than a row colour so it survives sorting
 * and lands in the CSV. Latencies stay in ms and the change a ratio, the table's CSV conventions.
 */
export function regressionTable(rows: readonly LatencyComparison[], dim: RegressionDimension, thresholdPct: number): TableData {
  // The same rule as the card's summary line, so the Status column and the count never disagree.
  const flagged = new Set(findRegressions(rows, thresholdPct));
  const columns: TableColumn[] = [
    { id: "group", header: dim === "model" ? "Provider / model" : "Route", format: "text" },
    { id: "calls", header: "Calls", format: "count", hint: "Calls in this period" },
    { id: "previous_calls", header: "Previous calls", format: "count", hint: "Calls in the previous period" },
    { id: "before", header: "Previous", format: "duration" },
    { id: "now", header: "This period", format: "duration" },
    { id: "change", header: "Change", format: "change" },
    { id: "status", header: "Status", format: "text", hint: `Regressed: worse by more than ${thresholdPct} %` },
  ];
  return tableData(
    columns,
    rows.map((r) => ({
      id: r.key,
      cells: {
        group: r.label,
        calls: r.requestsNow,
        previous_calls: r.requestsBefore,
        before: r.before,
        now: r.now,
        change: r.change,
        status: flagged.has(r) ? REGRESSION_STATUS.regressed : r.change === null ? REGRESSION_STATUS.none : REGRESSION_STATUS.within,
      },
    })),
  );
}

/** The table's name: its caption, the export button's label and the CSV file name. */
export function regressionTableName(metricName: string, dim: RegressionDimension): string {
  return `${metricName} regressions by ${dim}`;
}
