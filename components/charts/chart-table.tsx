import type { ChartData } from "@/lib/dashboards/chart-data";
import { formatValue, formatValueExact } from "@/lib/dashboards/measure-display";
import { bucketLabel } from "@/lib/dashboards/time-buckets";

/** The table view of a time chart: one row per bucket, one column per series, exact values on hover. */
export function ChartTable({ data, caption }: { data: ChartData; caption: string }) {
  const additive = data.series.every((s) => s.total !== null);
  return (
    <div className="max-h-80 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Time (UTC)
            </th>
            {data.series.map((s) => (
              <th key={s.key} scope="col" className="px-3 py-2 text-right font-medium">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {data.points.map((p) => (
            <tr key={p.t}>
              <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                {bucketLabel(p.t, data.granularity)}
              </th>
              {data.series.map((s) => (
                <td key={s.key} className="px-3 py-1.5 text-right tabular-nums" title={formatValueExact(data.format, p.x[s.key] ?? null)}>
                  {formatValue(data.format, p.x[s.key] ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {additive ? (
          <tfoot className="sticky bottom-0 bg-zinc-50 font-medium dark:bg-zinc-900">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                Total
              </th>
              {data.series.map((s) => (
                <td key={s.key} className="px-3 py-2 text-right tabular-nums" title={formatValueExact(data.format, s.total)}>
                  {formatValue(data.format, s.total)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
