"use client";

import { useId, useState } from "react";
import type { ChartData } from "@/lib/dashboards/chart-data";
import { summarizeChart } from "@/lib/dashboards/summarize-chart";
import { ChartLegend } from "./chart-legend";
import { ChartTable } from "./chart-table";
import { TimeSeriesChart, type TimeSeriesKind } from "./time-series-chart";

type Props = {
  data: ChartData;
  kind: TimeSeriesKind;
  stacked?: boolean;
  height?: number;
  colors?: readonly string[];
  /** Names the chart for assistive tech and the table caption, e.g. "Spend by provider". */
  label: string;
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
      <p data-testid={testId ? `${testId}-empty` : undefined} className="flex items-center justify-center rounded-lg border border-dashed border-zinc-300 px-4 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400" style={{ minHeight: height }}>
        {emptyText ?? "No data for this range and these filters. Widen the date range or clear a filter."}
      </p>
    );
  }
  return (
    <figure data-testid={testId} aria-describedby={summaryId} className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <ChartLegend data={data} colors={colors} />
        <button
          type="button"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
          className="ml-auto rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          {asTable ? "Show chart" : "Show table"}
          <span className="sr-only"> for {label}</span>
        </button>
      </div>
      {asTable ? <ChartTable data={data} caption={label} /> : <TimeSeriesChart data={data} kind={kind} stacked={stacked} height={height} colors={colors} label={label} />}
      <figcaption id={summaryId} className="sr-only">
        {label}: {summary}
      </figcaption>
    </figure>
  );
}
