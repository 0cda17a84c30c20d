"use client";

import { useId, useState } from "react";
import { summarizeChart } from "@/lib/dashboards/summarize-chart";
import { ChartLegend } from "./chart-legend";
import { ChartTable } from "./chart-table";
import { TableToggle } from "./table-toggle";
import { TimeSeriesChart, type TimeSeriesChartProps } from "./time-series-chart";

type Props = TimeSeriesChartProps & {
  emptyText?: string;
  testId?: string;
};

/**
 * A time chart with its accessible twin: a caption that summarises it and a toggle that swaps the chart
 * for a table of the same prepared numbers. Either view is reachable by keyboard.
 */
export function ChartFrame({ data, kind, stacked, height = 260, colors, label, emptyText, testId }: Props) {
  const [asTable, setAsTable] = useState(false);
  const summaryId = useId();
  const summary = summarizeChart(data);
  if (!data.hasData) {
    return (
      <p
        data-testid={testId ? `${testId}-empty` : undefined}
        className="flex items-center justify-center rounded-lg border border-dashed border-zinc-300 px-4 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400"
        style={{ minHeight: height }}
      >
        {emptyText ?? "No data for this range and these filters. Widen the date range or clear a filter."}
      </p>
    );
  }
  return (
    <figure data-testid={testId} aria-describedby={summaryId} className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <ChartLegend data={data} colors={colors} />
        <TableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} label={label} className="ml-auto" />
      </div>
      {asTable ? (
        <ChartTable data={data} caption={label} />
      ) : (
        <TimeSeriesChart data={data} kind={kind} stacked={stacked} height={height} colors={colors} label={label} />
      )}
      <figcaption id={summaryId} className="sr-only">
        {label}: {summary}
      </figcaption>
    </figure>
  );
}
