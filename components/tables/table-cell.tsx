import Link from "next/link";
import { dimensionLabel } from "@/lib/dashboards/dimension-label";
import { formatChange, formatValue, formatValueExact } from "@/lib/dashboards/measure-display";
import type { TableCell as Cell, TableColumn } from "@/lib/dashboards/table-spec";

/** One formatted cell: rounded for reading, the exact value in its title (tooltip). */
export function TableCellValue({ column, value, linkQuery }: { column: TableColumn; value: Cell; linkQuery: string }) {
  if (column.format === "text") {
    if (value === null || value === "")
      return <span className="text-zinc-500 italic dark:text-zinc-400">{dimensionLabel(column.id, null)}</span>;
    if (column.href) {
      return (
        <Link
          href={`${column.href}/${encodeURIComponent(String(value))}${linkQuery ? `?${linkQuery}` : ""}`}
          className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
        >
          {value}
        </Link>
      );
    }
    return <span className="font-medium">{value}</span>;
  }
  if (column.format === "change") {
    const n = typeof value === "number" ? value : value === null ? null : Number(value);
    const tone =
      n === null || Math.abs(n) < 0.005
        ? "text-zinc-500 dark:text-zinc-400"
        : n > 0
          ? "text-amber-700 dark:text-amber-400"
          : "text-emerald-700 dark:text-emerald-400";
    return <span className={tone}>{formatChange(n, value === null)}</span>;
  }
  return <span title={formatValueExact(column.format, value)}>{formatValue(column.format, value)}</span>;
}
