"use client";

import type { TooltipContentProps } from "recharts";
import type { ChartData, ChartPoint } from "@/lib/dashboards/chart-data";
import { formatValue, formatValueExact } from "@/lib/dashboards/measure-display";
import { bucketLabel } from "@/lib/dashboards/time-buckets";
import { seriesColor } from "./chart-palette";

/**
 * Tooltip of every time chart: the bucket it covers and each series' value, rounded for reading with the
 * exact value (every stored digit of money) beside it, largest first. Gaps say "no data", not 0.
 */
export function ChartTooltip({
  active,
  payload,
  data,
  colors,
}: Pick<TooltipContentProps, "active" | "payload"> & { data: ChartData; colors?: readonly string[] }) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  const rows = data.series
    .map((s, i) => ({ s, i, plot: point.v[s.key] ?? null, exact: point.x[s.key] ?? null }))
    .sort((a, b) => (b.plot ?? -Infinity) - (a.plot ?? -Infinity));
  return (
    <div className="min-w-48 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1.5 font-medium text-zinc-900 dark:text-zinc-100">{bucketLabel(point.t, data.granularity)}</p>
      <ul className="space-y-1">
        {rows.map(({ s, i, exact }) => (
          <li key={s.key} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="size-2.5 shrink-0 rounded-sm"
              style={{ backgroundColor: colors?.[i] ?? seriesColor(i, s.label) }}
            />
            <span className="min-w-0 flex-1 truncate text-zinc-600 dark:text-zinc-300">{s.label}</span>
            {exact === null ? (
              <span className="text-zinc-500 dark:text-zinc-400">no data</span>
            ) : (
              <>
                <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-50">{formatValue(data.format, exact)}</span>
                {data.format === "usd" || data.format === "duration" || data.format === "percent" ? (
                  <span className="text-zinc-500 tabular-nums dark:text-zinc-400">{formatValueExact(data.format, exact)}</span>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
