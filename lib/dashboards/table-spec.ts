import Decimal from "decimal.js";
import { toDecimal, type ValueFormat } from "./measure-display";

/**
 * A data table described as data — columns and rows — so one server loader feeds the sortable client
 * table, its CSV export and its totals row, and all three show the same numbers. Cells hold what the
 * engine returned: money as decimal strings, counts and ratios as numbers, null where undefined.
 */
export type TableColumn = {
  id: string;
  header: string;
  /** "change" is a ratio against the previous period, shown signed ("+12%"). */
  format: ValueFormat | "text" | "change";
  /** "sum" adds the column up exactly (additive measures); ratios and percentiles have no column total. */
  total?: "sum";
  /** Shown under the header and as its title: what the number means. */
  hint?: string;
  /** Text cells that link to a drill-down page: `${href}/${encodeURIComponent(value)}`. */
  href?: string;
  /** Shown as a muted second line of the column named here instead of its own column (still in the CSV). */
  under?: string;
};

export type TableCell = string | number | null;
export type TableRow = { id: string; cells: Record<string, TableCell> };

export type TableData = {
  columns: TableColumn[];
  rows: TableRow[];
  /** Exact totals of the "sum" columns over every row (the same rows the CSV holds). */
  totals: Record<string, string>;
  /** Rows the engine left out (top-N); shown as a note so a total is never silently partial. */
  truncated: boolean;
};

export function tableData(columns: TableColumn[], rows: TableRow[], truncated = false): TableData {
  return { columns, rows, totals: columnTotals(columns, rows), truncated };
}

export function columnTotals(columns: readonly TableColumn[], rows: readonly TableRow[]): Record<string, string> {
  const totals: Record<string, string> = {};
  for (const c of columns) {
    if (c.total !== "sum") continue;
    totals[c.id] = rows.reduce((sum, r) => sum.plus(toDecimal(r.cells[c.id]) ?? 0), new Decimal(0)).toFixed();
  }
  return totals;
}

/** Ascending comparison for sorting: numbers and decimal strings by value, text by locale; empty last. */
export function compareCells(a: TableCell, b: TableCell, format: TableColumn["format"]): number {
  const aEmpty = a === null || a === "";
  const bEmpty = b === null || b === "";
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (format === "text") return String(a).localeCompare(String(b));
  const da = toDecimal(a);
  const db = toDecimal(b);
  if (da === null || db === null) return String(a).localeCompare(String(b));
  return da.comparedTo(db);
}
