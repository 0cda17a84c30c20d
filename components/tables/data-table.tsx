"use client";

import { useMemo, useState } from "react";
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
} from "@tanstack/react-table";
import { formatValue, formatValueExact } from "@/lib/dashboards/measure-display";
import { compareCells, type TableCell, type TableColumn, type TableData, type TableRow } from "@/lib/dashboards/table-spec";
import { Sparkline } from "@/components/charts/sparkline";
import { SERIES_COLORS } from "@/components/charts/chart-palette";
import type { SparkPoint } from "@/lib/dashboards/prepare-sparklines";
import type { ValueFormat } from "@/lib/dashboards/measure-display";
import { tableStyles } from "@/components/ui/table";
import { CsvDownloadButton } from "./csv-download-button";

/** A trend column after the data columns (not sortable, not in the CSV: a picture of numbers already listed). */
export type SparkColumn = { id: string; header: string; format: ValueFormat; points: Record<string, SparkPoint[]> };
import { TableCellValue } from "./table-cell";

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, TableRow>();

type Props = {
  table: TableData;
  /** Names the table (caption, CSV file name, export button). */
  name: string;
  initialSort?: { id: string; desc: boolean };
  /** Rows shown before "Show all"; long tenant lists stay scannable. */
  pageSize?: number;
  /** The current view's query string, carried into drill-down links so range and filters stay. */
  linkQuery?: string;
  csv?: { from: string; to: string };
  testId?: string;
  sparklines?: SparkColumn[];
  /** Tighter cells for wide matrices; the first column stays in view while the rest scrolls sideways. */
  dense?: boolean;
  /** Puts the trend columns right after this column (default: at the end), so they are seen without scrolling. */
  sparklinesAfter?: string;
};

/**
 * A sortable table (TanStack Table, client-side sorting of the server-prepared rows): headers are
 * buttons with aria-sort, numbers compare by value (decimal strings too), empties sort last, and the
 * footer shows the exact totals of summable columns — the same totals the CSV export carries.
 */
export function DataTable({
  table,
  name,
  initialSort,
  pageSize = 25,
  linkQuery = "",
  csv,
  testId,
  sparklines = [],
  dense = false,
  sparklinesAfter,
}: Props) {
  const pad = dense ? "px-2" : "px-3";
  const sticky = dense ? "first:sticky first:left-0 first:z-10 first:bg-white dark:first:bg-zinc-900" : "";
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [initialSort] : []);
  const [showAll, setShowAll] = useState(false);
  const columns = useMemo(
    () =>
      helper.columns(
        table.columns.map((c) =>
          helper.accessor((r: TableRow) => emptyToUndefined(r.cells[c.id]), {
            id: c.id,
            header: c.header,
            sortDescFirst: c.format !== "text",
            sortUndefined: "last",
            sortFn: (a, b, id) =>
              compareCells((a.getValue(id) as TableCell | undefined) ?? null, (b.getValue(id) as TableCell | undefined) ?? null, c.format),
          }),
        ),
      ),
    [table.columns],
  );
  const t = useTable({ features, columns, data: table.rows, state: { sorting }, onSortingChange: setSorting, enableSortingRemoval: false });
  const rows = t.getRowModel().rows;
  const shown = table.columns.filter((c) => !c.under);
  const underOf = (id: string) => table.columns.find((c) => c.under === id);
  // Data columns and trend columns in display order (trends after `sparklinesAfter`, else last).
  const at = sparklinesAfter ? shown.findIndex((c) => c.id === sparklinesAfter) + 1 : shown.length;
  const slots: ({ kind: "col"; c: TableColumn } | { kind: "spark"; sp: SparkColumn; i: number })[] = shown.map((c) => ({
    kind: "col" as const,
    c,
  }));
  slots.splice(at > 0 ? at : shown.length, 0, ...sparklines.map((sp, i) => ({ kind: "spark" as const, sp, i })));
  const visible = showAll ? rows : rows.slice(0, pageSize);
  const hasTotals = table.columns.some((c) => c.total === "sum");

  return (
    <div data-testid={testId} className="space-y-2">
      {csv ? (
        <div className="flex items-center justify-end gap-2 px-5 pt-3">
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{rows.length} rows</span>
          <CsvDownloadButton table={table} name={name} from={csv.from} to={csv.to} />
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className={`w-full text-left ${dense ? "text-[13px]" : "text-sm"}`}>
          <caption className="sr-only">{name}. Column headers sort the table.</caption>
          <thead className={tableStyles.thead}>
            {t.getHeaderGroups().map((group) => (
              <tr key={group.id} className={tableStyles.headRow}>
                {slots.map((slot) => {
                  if (slot.kind === "spark") {
                    return (
                      <th key={slot.sp.id} scope="col" className={`${pad} py-2 font-medium uppercase last:pr-5`}>
                        {slot.sp.header}
                      </th>
                    );
                  }
                  const spec = slot.c;
                  const header = group.headers.find((h) => h.column.id === spec.id)!;
                  const sorted = header.column.getIsSorted();
                  const numeric = spec.format !== "text";
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      className={`${pad} py-2 font-medium first:pl-5 last:pr-5 ${sticky} ${numeric ? "text-right" : ""}`}
                      title={spec.hint}
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={`inline-flex items-center gap-1 rounded uppercase hover:text-zinc-900 dark:hover:text-zinc-100 ${numeric ? "flex-row-reverse" : ""}`}
                      >
                        {spec.header}
                        <span aria-hidden="true" className={sorted ? "text-brand-600 dark:text-brand-300" : "opacity-30"}>
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={tableStyles.tbody}>
            {visible.map((row) => (
              <tr key={row.id} data-testid={testId ? `${testId}-row` : undefined} className={tableStyles.row}>
                {slots.map((slot) => {
                  if (slot.kind === "spark") {
                    const { sp, i } = slot;
                    const rowName = table.columns
                      .filter((c) => c.format === "text")
                      .map((c) => row.original.cells[c.id] ?? "—")
                      .join(" / ");
                    return (
                      <td key={sp.id} className={`${pad} py-1 last:pr-5`}>
                        <Sparkline
                          points={sp.points[row.original.id] ?? []}
                          format={sp.format}
                          label={`${sp.header}, ${rowName}`}
                          color={SERIES_COLORS[i % SERIES_COLORS.length]}
                        />
                      </td>
                    );
                  }
                  const { c } = slot;
                  const sub = underOf(c.id);
                  return (
                    <td
                      key={c.id}
                      className={`${pad} py-2 whitespace-nowrap first:pl-5 last:pr-5 ${sticky} ${c.format !== "text" ? "text-right tabular-nums" : ""}`}
                    >
                      <TableCellValue column={c} value={row.original.cells[c.id] ?? null} linkQuery={linkQuery} />
                      {sub ? (
                        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{row.original.cells[sub.id] ?? "—"}</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {hasTotals ? (
            <tfoot className={tableStyles.tfoot}>
              <tr>
                {slots.map((slot, i) => {
                  if (slot.kind === "spark") return <td key={slot.sp.id} />;
                  const { c } = slot;
                  const total = table.totals[c.id];
                  return i === 0 ? (
                    <th key={c.id} scope="row" className={`${pad} py-2 pl-5 text-left ${sticky}`}>
                      Total
                    </th>
                  ) : (
                    <td
                      key={c.id}
                      data-testid={testId && total !== undefined ? `${testId}-total-${c.id}` : undefined}
                      data-exact={total}
                      className={`${pad} py-2 text-right whitespace-nowrap tabular-nums last:pr-5`}
                      title={
                        total !== undefined && c.format !== "text" && c.format !== "change" ? formatValueExact(c.format, total) : undefined
                      }
                    >
                      {total !== undefined && c.format !== "text" && c.format !== "change" ? formatValue(c.format, total) : ""}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {rows.length > pageSize ? (
        <div className="px-5 pb-3">
          <button
            type="button"
            onClick={() => setShowAll((v) => !v)}
            className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300"
            aria-expanded={showAll}
          >
            {showAll ? `Show the first ${pageSize} rows` : `Show all ${rows.length} rows`}
          </button>
        </div>
      ) : null}
      {table.truncated ? (
        <p className="px-5 pb-3 text-xs text-amber-700 dark:text-amber-400">
          Only the largest rows are listed; the total covers the listed rows.
        </p>
      ) : null}
    </div>
  );
}

function emptyToUndefined(v: TableCell | undefined): TableCell | undefined {
  return v === null || v === "" ? undefined : v;
}
