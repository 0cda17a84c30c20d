"use client";

import { useMemo } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type DotItemDotProps } from "recharts";
import type { ChartData, ChartPoint } from "@/lib/dashboards/chart-data";
import { formatValue } from "@/lib/dashboards/measure-display";
import { bucketTick } from "@/lib/dashboards/time-buckets";
import { seriesColor } from "./chart-palette";
import { ChartTooltip } from "./chart-tooltip";

export type TimeSeriesKind = "line" | "area" | "bar";

export type TimeSeriesChartProps = {
  data: ChartData;
  kind: TimeSeriesKind;
  stacked?: boolean;
  height?: number;
  /** Overrides the palette per series (e.g. percentile lines). */
  colors?: readonly string[];
  /** What the chart shows, for assistive tech (the table view carries the numbers). */
  label: string;
};

/**
 * Render-only time chart: everything it draws was decided by a `prepare*` function. Lines never connect
 * across nulls — a percentile with no data is a gap — and a lone point between gaps gets a dot so it
 * does not vanish. Axis and grid use currentColor, so they follow the light/dark theme.
 */
export function TimeSeriesChart({ data, kind, stacked = false, height = 260, colors, label }: TimeSeriesChartProps) {
  const accessors = useMemo(() => data.series.map((s) => (p: ChartPoint) => p.v[s.key] ?? null), [data.series]);
  const color = (i: number) => colors?.[i] ?? seriesColor(i, data.series[i]?.label);
  const common = {
    data: data.points,
    responsive: true,
    style: { width: "100%", height },
    margin: { top: 8, right: 8, bottom: 0, left: 0 },
    accessibilityLayer: true,
    title: label,
    desc: `${label}. Use the table view for the exact values.`,
  } as const;
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.12} />
      <XAxis
        dataKey="t"
        tickFormatter={(t: number) => bucketTick(t, data.granularity)}
        stroke="currentColor"
        strokeOpacity={0.3}
        tick={{ fill: "currentColor", fontSize: 11 }}
        tickLine={false}
        minTickGap={24}
      />
      <YAxis
        width="auto"
        tickFormatter={(v: number) => formatValue(data.format, data.format === "usd" ? String(v) : v, { compact: true })}
        stroke="currentColor"
        strokeOpacity={0.3}
        tick={{ fill: "currentColor", fontSize: 11 }}
        tickLine={false}
        axisLine={false}
        allowDecimals={data.format !== "count"}
      />
      <Tooltip
        content={(p) => <ChartTooltip active={p.active} payload={p.payload} data={data} colors={colors} />}
        cursor={{ stroke: "currentColor", strokeOpacity: 0.2 }}
        isAnimationActive={false}
      />
    </>
  );

  return (
    // The chart's own accessibility layer makes it keyboard-explorable (arrow keys move the tooltip); the
    // frame around it offers the same numbers as a table.
    <div className="text-zinc-500 dark:text-zinc-400">
      {kind === "bar" ? (
        <BarChart {...common} barCategoryGap={data.points.length > 60 ? 0 : "12%"}>
          {axes}
          {data.series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={accessors[i]!}
              name={s.label}
              stackId={stacked ? "stack" : undefined}
              fill={color(i)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      ) : kind === "area" ? (
        <AreaChart {...common}>
          {axes}
          {data.series.map((s, i) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={accessors[i]!}
              name={s.label}
              stackId={stacked ? "stack" : undefined}
              stroke={color(i)}
              fill={color(i)}
              fillOpacity={stacked ? 0.75 : 0.15}
              strokeWidth={1.5}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      ) : (
        <LineChart {...common}>
          {axes}
          {data.series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={accessors[i]!}
              name={s.label}
              stroke={color(i)}
              strokeWidth={1.75}
              connectNulls={false}
              dot={(props: DotItemDotProps) => <IsolatedDot {...props} chartPoints={data.points} seriesKey={s.key} fill={color(i)} />}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </div>
  );
}

/** A dot only for a value whose neighbours are both gaps: a line segment needs two points to be seen. */
function IsolatedDot({
  index,
  cx,
  cy,
  chartPoints: points,
  seriesKey,
  fill,
}: DotItemDotProps & { chartPoints: ChartPoint[]; seriesKey: string; fill: string }) {
  const here = points[index]?.v[seriesKey] ?? null;
  const before = points[index - 1]?.v[seriesKey] ?? null;
  const after = points[index + 1]?.v[seriesKey] ?? null;
  if (here === null || before !== null || after !== null || cx === undefined || cy === undefined) return <g />;
  return <circle cx={cx} cy={cy} r={2.5} fill={fill} />;
}
