"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { BacktestChart as BacktestChartData } from "@/lib/alerts/prepare-backtest-chart";
import { seriesColor } from "./chart-palette";

const tick = (t: number) => {
  const d = new Date(t);
  return `${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")} ${d.toISOString().slice(11, 16)}`;
};
const num = (v: number) =>
  Math.abs(v) >= 1000 ? v.toLocaleString("en-US", { maximumFractionDigits: 0 }) : String(Number(v.toPrecision(4)));

/**
 * A backtest: each group's value over time, the alert (red, dashed) and warning (amber) thresholds, and the
 * periods the rule would have been alerting shaded in the colour of their group. Everything drawn comes
 * from prepareBacktestChart.
 */
export function BacktestChart({ data, height = 260 }: { data: BacktestChartData; height?: number }) {
  return (
    <div className="text-zinc-500 dark:text-zinc-400">
      <LineChart
        data={data.points}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer
        title="Backtest of the monitor"
      >
        <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.12} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={tick}
          stroke="currentColor"
          strokeOpacity={0.3}
          tick={{ fill: "currentColor", fontSize: 11 }}
          tickLine={false}
          minTickGap={32}
        />
        <YAxis
          width="auto"
          tickFormatter={num}
          stroke="currentColor"
          strokeOpacity={0.3}
          tick={{ fill: "currentColor", fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          domain={[0, (max: number) => Math.max(max, data.alertThreshold * 1.2, data.warningThreshold ?? 0)]}
        />
        <Tooltip
          labelFormatter={(t) => `${tick(Number(t))} UTC`}
          formatter={(v, name) => [v === null || v === undefined ? "—" : num(Number(v)), name]}
          isAnimationActive={false}
          contentStyle={{ fontSize: 12 }}
        />
        {data.areas.map((a, i) => (
          <ReferenceArea
            key={`${a.seriesKey}-${i}`}
            x1={a.from}
            x2={a.to}
            fill={a.severity === "critical" ? "#ef4444" : "#f59e0b"}
            fillOpacity={0.12}
            stroke="none"
            ifOverflow="extendDomain"
          />
        ))}
        <ReferenceLine
          y={data.alertThreshold}
          stroke="#ef4444"
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={{ value: `alert ${num(data.alertThreshold)}`, position: "insideTopRight", fill: "#dc2626", fontSize: 11 }}
        />
        {data.warningThreshold !== null ? (
          <ReferenceLine
            y={data.warningThreshold}
            stroke="#f59e0b"
            strokeDasharray="4 4"
            ifOverflow="extendDomain"
            label={{ value: `warning ${num(data.warningThreshold)}`, position: "insideBottomRight", fill: "#b45309", fontSize: 11 }}
          />
        ) : null}
        {data.series.map((s, i) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.label}
            stroke={seriesColor(i)}
            strokeWidth={1.75}
            dot={data.dots ? { r: 2, fill: seriesColor(i), strokeWidth: 0 } : false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
