"use client";

import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, formatValueExact, type ValueFormat } from "@/lib/dashboards/measure-display";
import { summarizeBarList, type BarListItem } from "@/lib/dashboards/summarize-bar-list";
import { BarListTable } from "./bar-list-table";
import { SERIES_COLORS } from "./chart-palette";
import { TableToggle } from "./table-toggle";

export type { BarListItem };

type Props = {
  items: BarListItem[];
  format: ValueFormat;
  /** Names the chart for assistive tech, the toggle and the table caption, e.g. "Top tenants by spend". */
  label: string;
  /** Column headers of the table view. */
  itemHeader?: string;
  valueHeader?: string;
  /** On the <figure>: it holds the recharts svg while the chart is shown, the table (`${testId}-table`) otherwise. */
  testId?: string;
};

/**
 * Horizontal bars for a ranking (top tenants by spend) with the same accessible twin as the time charts
 * (ChartFrame): a caption that summarises the bars for screen readers and a toggle that swaps the chart
 * for a table of the same numbers, exact values included. Either view is reachable by keyboard.
 */
export function BarListChart({ items, format, label, itemHeader = "Name", valueHeader = "Value", testId }: Props) {
  const [asTable, setAsTable] = useState(false);
  const summaryId = useId();
  return (
    <figure data-testid={testId} aria-describedby={summaryId} className="space-y-3">
      <div className="flex justify-end">
        <TableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} label={label} />
      </div>
      {asTable ? (
        <BarListTable
          items={items}
          format={format}
          caption={label}
          itemHeader={itemHeader}
          valueHeader={valueHeader}
          testId={testId ? `${testId}-table` : undefined}
        />
      ) : (
        <Bars items={items} format={format} label={label} />
      )}
      <figcaption id={summaryId} className="sr-only">
        {label}: {summarizeBarList(items, format)}
      </figcaption>
    </figure>
  );
}

/** The recharts drawing: long names fit on the left, values read left to right. */
function Bars({ items, format, label }: { items: BarListItem[]; format: ValueFormat; label: string }) {
  const height = Math.max(120, items.length * 28 + 32);
  // Room for the longest name (≈ 6.5 px per character at 12 px), within reason on a laptop screen.
  const labelWidth = Math.min(240, Math.max(80, Math.max(...items.map((i) => i.label.length)) * 6.5 + 8));
  return (
    <div className="text-zinc-500 dark:text-zinc-400">
      <BarChart
        layout="vertical"
        data={items}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        title={label}
        accessibilityLayer
      >
        <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.12} />
        <XAxis
          type="number"
          dataKey="v"
          tickFormatter={(v: number) => formatValue(format, format === "usd" ? String(v) : v, { compact: true })}
          tick={{ fill: "currentColor", fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          tickLine={false}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tick={{ fill: "currentColor", fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          interval={0}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as BarListItem | undefined;
            if (!active || !p) return null;
            return (
              <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
                <p className="font-medium text-zinc-900 dark:text-zinc-100">{p.label}</p>
                <p className="text-zinc-600 tabular-nums dark:text-zinc-300">
                  {formatValue(format, p.x)} <span className="text-zinc-500">({formatValueExact(format, p.x)})</span>
                </p>
              </div>
            );
          }}
        />
        <Bar dataKey="v" fill={SERIES_COLORS[0]} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
