import Decimal from "decimal.js";
import { relativeChange } from "./compare-periods";
import { MEASURE_DISPLAY, toDecimal, type MeasureName } from "./measure-display";
import type { MetricsRow } from "./chart-data";
import { tableData, type TableColumn, type TableData, type TableRow } from "./table-spec";

export type TableDimension = { id: string; header: string; href?: string };
export type TableMeasure = { measure: MeasureName; header?: string; hint?: string };

export type MeasureTableInput = {
  rows: readonly MetricsRow[];
  dimensions: readonly TableDimension[];
  measures: readonly TableMeasure[];
  /** Adds "Share" of this money measure's total and, with `previous`, "vs previous" of the same measure. */
  share?: MeasureName;
  previous?: readonly MetricsRow[];
  /** Initial order: this measure, largest first (the table stays sortable by any column). */
  sortBy?: MeasureName;
  truncated?: boolean;
};

/**
 * A metrics result grouped by one or more dimensions as a table: dimension columns, then measures; sums
 * for additive measures only (a total of p95s or of success rates means nothing). Optionally each row's
 * share of the total and its change against the previous period.
 */
export function prepareMeasureTable(input: MeasureTableInput): TableData {
  const columns: TableColumn[] = [
    ...input.dimensions.map((d) => ({ id: d.id, header: d.header, format: "text" as const, ...(d.href ? { href: d.href } : {}) })),
  ];
  for (const m of input.measures) {
    const display = MEASURE_DISPLAY[m.measure];
    columns.push({
      id: m.measure,
      header: m.header ?? display.label,
      format: display.format,
      ...(display.empty === "zero" ? { total: "sum" as const } : {}),
      ...(m.hint ? { hint: m.hint } : {}),
    });
    if (input.share === m.measure) {
      columns.push({ id: "share", header: "Share", format: "percent", hint: "Of the total in this table" });
      if (input.previous)
        columns.push({
          id: "change",
          header: "vs previous",
          format: "change",
          hint: "Change against the previous period of the same length",
        });
    }
  }

  const dimKey = (r: MetricsRow) =>
    rowKeyOf(
      r,
      input.dimensions.map((d) => d.id),
    );
  const previous = new Map((input.previous ?? []).map((r) => [dimKey(r), r]));
  const total = input.share ? input.rows.reduce((s, r) => s.plus(toDecimal(r[input.share!]) ?? 0), new Decimal(0)) : null;

  const rows: TableRow[] = input.rows.map((r) => {
    const cells: TableRow["cells"] = {};
    for (const d of input.dimensions) {
      // Kept null (shown as "(no tenant)" etc. by the table, empty in CSV): a missing value is not a name.
      const v = r[d.id];
      cells[d.id] = v === null || v === undefined || v === "" ? null : String(v);
    }
    for (const m of input.measures) {
      const v = r[m.measure];
      cells[m.measure] = v === undefined ? null : v;
    }
    if (input.share && total) {
      const value = toDecimal(r[input.share]) ?? new Decimal(0);
      cells.share = total.isZero() ? null : value.div(total).toNumber();
      if (input.previous) cells.change = relativeChange(r[input.share] ?? "0", previous.get(dimKey(r))?.[input.share] ?? "0");
    }
    return { id: dimKey(r), cells };
  });

  if (input.sortBy) {
    const by = input.sortBy;
    rows.sort((a, b) => (toDecimal(b.cells[by]) ?? new Decimal(-Infinity)).comparedTo(toDecimal(a.cells[by]) ?? new Decimal(-Infinity)));
  }
  return tableData(columns, rows, input.truncated ?? false);
}

/** The id of a table row: its dimension values (so sparklines and comparisons can find the same row). */
export function rowKeyOf(row: MetricsRow, dimensions: readonly string[]): string {
  return JSON.stringify(dimensions.map((d) => (row[d] === undefined || row[d] === "" ? null : row[d])));
}
