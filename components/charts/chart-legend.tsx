import type { ChartData } from "@/lib/dashboards/chart-data";
import { formatValue, formatValueExact } from "@/lib/dashboards/measure-display";
import { seriesColor } from "./chart-palette";

/** Series names with their colour (and exact total for additive series): the legend is also a key to the table. */
export function ChartLegend({ data, colors }: { data: ChartData; colors?: readonly string[] }) {
  if (data.series.length < 2 && data.series.every((s) => s.total === null)) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {data.series.map((s, i) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: colors?.[i] ?? seriesColor(i, s.label) }} />
          <span>{s.label}</span>
          {s.total !== null ? (
            <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100" title={formatValueExact(data.format, s.total)}>
              {formatValue(data.format, s.total)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
