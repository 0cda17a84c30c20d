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

/** Rounds a scale's top up to one significant digit (0.5714 → 0.6, 1234 → 2000), so the ticks read well. */
function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return Number((Math.ceil(v / p) * p).toPrecision(12));
}

/**
 * One group of a backtest: its value over time, the alert (red, dashed) and warning (amber, dashed) thresholds,
 * and the periods the rule would have been alerting for this group shaded (red critical, amber warning). The
 * y scale is shared by every group's panel. Everything drawn comes from prepareBacktestChart.
 */
export function BacktestChart({ data, seriesIndex, height = 150 }: { data: BacktestChartData; seriesIndex: number; height?: number }) {
  const s = data.series[seriesIndex]!;
  const top = niceCeil(Math.max(data.maxValue, data.alertThreshold * 1.2, data.warningThreshold ?? 0));
  return (
    <div className="text-zinc-500 dark:text-zinc-400">
      <LineChart
        data={data.points}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer
        title={`Backtest of ${s.label}`}
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
          domain={[Math.min(0, data.alertThreshold), top]}
        />
        <Tooltip
          labelFormatter={(t) => `${tick(Number(t))} UTC`}
          formatter={(v, name) => [v === null || v === undefined ? "—" : num(Number(v)), name]}
          isAnimationActive={false}
          contentStyle={{ fontSize: 12 }}
        />
        {data.areas
          .filter((a) => a.seriesKey === s.key)
          .map((a, i) => (
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
        <ReferenceLine y={data.alertThreshold} stroke="#ef4444" strokeDasharray="6 4" ifOverflow="extendDomain" />
        {data.warningThreshold !== null ? (
          <ReferenceLine y={data.warningThreshold} stroke="#f59e0b" strokeDasharray="4 4" ifOverflow="extendDomain" />
        ) : null}
        <Line
          type="linear"
          dataKey={s.key}
          name={s.label}
          stroke={seriesColor(seriesIndex)}
          strokeWidth={1.75}
          dot={data.dots ? { r: 2, fill: seriesColor(seriesIndex), strokeWidth: 0 } : false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
