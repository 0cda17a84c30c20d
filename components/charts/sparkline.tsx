"use client";

import { Line, LineChart, Tooltip, YAxis } from "recharts";
import { formatValue, type ValueFormat } from "@/lib/dashboards/measure-display";
import type { SparkPoint } from "@/lib/dashboards/prepare-sparklines";

/**
 * A trend in a table cell: fixed size (many per table, no resize observers), no axes, gaps kept; the
 * tooltip and the accessible label say the values so the shape is never the only carrier.
 */
export function Sparkline({
  points,
  format,
  label,
  color = "#6366f1",
}: {
  points: SparkPoint[];
  format: ValueFormat;
  label: string;
  color?: string;
}) {
  const values = points.filter((p) => p.v !== null);
  if (values.length === 0) return <span className="text-xs text-zinc-400">no data</span>;
  const first = values[0]!;
  const last = values[values.length - 1]!;
  return (
    <span
      className="inline-block align-middle"
      aria-label={`${label}: from ${formatValue(format, first.x)} to ${formatValue(format, last.x)}`}
      role="img"
    >
      <LineChart width={88} height={28} data={points} margin={{ top: 3, right: 2, bottom: 3, left: 2 }} accessibilityLayer={false}>
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Tooltip
          isAnimationActive={false}
          cursor={false}
          wrapperStyle={{ zIndex: 20 }}
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as SparkPoint | undefined;
            if (!active || !p) return null;
            return (
              <span className="rounded border border-zinc-200 bg-white px-1.5 py-0.5 text-[11px] whitespace-nowrap shadow dark:border-zinc-700 dark:bg-zinc-900">
                {new Date(p.t).toISOString().slice(0, 10)}: {formatValue(format, p.x)}
              </span>
            );
          }}
        />
        <Line type="monotone" dataKey="v" stroke={color} strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
