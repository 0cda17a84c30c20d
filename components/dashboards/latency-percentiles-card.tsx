"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useQueryState } from "nuqs";
import { useId, useMemo } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { PERCENTILE_COLORS } from "@/components/charts/chart-palette";
import { cardParsers } from "@/lib/dashboards/card-params";
import { latencyPercentilesRequest, prepareLatencyPercentiles } from "@/lib/dashboards/cards/latency-percentiles";
import type { MetricsFilters } from "@/lib/dashboards/dashboard-filters";
import type { ViewWindow } from "@/lib/dashboards/dashboard-view";
import { fetchMetrics, type MetricsAnswer } from "@/lib/dashboards/metrics-request";
import { CardAlert } from "./card-alert";
import { DashboardCard } from "./dashboard-card";
import { useWorkspaceQuery } from "./use-workspace-query";

type Props = { window: ViewWindow; filters: MetricsFilters; models: string[]; initialModel: string | null; initial: MetricsAnswer };

/**
 * p50/p95/p99 of latency and of time to first token over time, for all models or one picked here.
 * Percentiles come from the engine's merged sketches; buckets without calls are gaps, not zeros.
 */
export function LatencyPercentilesCard({ window, filters, models, initialModel, initial }: Props) {
  const selectId = useId();
  const [model, setModel] = useQueryState("lmodel", cardParsers.lmodel.withOptions({ history: "push", shallow: true }));
  const request = useMemo(() => latencyPercentilesRequest(window, model, filters), [window, model, filters]);
  const q = useWorkspaceQuery({
    key: ["metrics", request],
    queryFn: ({ signal, workspace }) => fetchMetrics(request, { workspace, signal }),
    initialData: model === initialModel ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const charts = useMemo(() => (q.data ? prepareLatencyPercentiles(q.data.rows, window) : null), [q.data, window]);
  const options = model && !models.includes(model) ? [model, ...models] : models;
  return (
    <DashboardCard
      id="latency-percentiles"
      title="Latency and time to first token"
      description={`p50, p95 and p99 per ${window.granularity}${model ? ` for ${model}` : " across all models"}. Gaps mark buckets without calls.`}
      actions={
        <label htmlFor={selectId} className="flex items-center gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Model
          <select
            id={selectId}
            value={model ?? ""}
            onChange={(e) => void setModel(e.target.value || null)}
            className="h-8 max-w-52 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          >
            <option value="">All models</option>
            {options.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <div
        className={`grid gap-6 px-5 py-4 transition-opacity lg:grid-cols-2 ${q.isFetching ? "opacity-60" : ""}`}
        aria-busy={q.isFetching}
      >
        {q.isError ? (
          <div className="lg:col-span-2">
            <CardAlert message={q.error.message} />
          </div>
        ) : null}
        {charts ? (
          <>
            <div>
              <h3 className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">Latency</h3>
              <ChartFrame
                data={charts.latency}
                kind="line"
                colors={PERCENTILE_COLORS}
                label="Latency percentiles"
                testId="chart-latency"
                height={240}
              />
            </div>
            <div>
              <h3 className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">Time to first token</h3>
              <ChartFrame
                data={charts.ttft}
                kind="line"
                colors={PERCENTILE_COLORS}
                label="Time to first token percentiles"
                testId="chart-ttft"
                height={240}
                emptyText="No streamed calls in this range: time to first token is only reported for streaming."
              />
            </div>
          </>
        ) : null}
      </div>
    </DashboardCard>
  );
}
