"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { cardParsers } from "@/lib/dashboards/card-params";
import {
  LATENCY_METRIC_LABEL,
  LATENCY_METRICS,
  PERCENTILES,
  percentileByModelRequest,
  preparePercentileByModel,
  type LatencyMetric,
  type Percentile,
} from "@/lib/dashboards/cards/percentile-by-model";
import type { MetricsFilters } from "@/lib/dashboards/dashboard-filters";
import type { ViewWindow } from "@/lib/dashboards/dashboard-view";
import { fetchMetrics, type MetricsAnswer } from "@/lib/dashboards/metrics-request";
import { CardAlert } from "./card-alert";
import { DashboardCard } from "./dashboard-card";
import { SegmentedControl } from "./segmented-control";
import { useWorkspaceQuery } from "./use-workspace-query";

type Props = { window: ViewWindow; filters: MetricsFilters; initialMetric: LatencyMetric; initialPct: Percentile; initial: MetricsAnswer };

const parsers = { pmetric: cardParsers.pmetric, pct: cardParsers.pct };

/** One line per model (the busiest ones) for the picked percentile of latency or TTFT: where a regression shows. */
export function PercentileByModelCard({ window, filters, initialMetric, initialPct, initial }: Props) {
  const [state, setState] = useQueryStates(parsers, { history: "push", shallow: true });
  const { pmetric: metric, pct } = state;
  const request = useMemo(() => percentileByModelRequest(window, metric, pct, filters), [window, metric, pct, filters]);
  const q = useWorkspaceQuery({
    key: ["metrics", request],
    queryFn: async ({ signal, workspace }) => ({ metric, pct, answer: await fetchMetrics(request, { workspace, signal }) }),
    initialData: metric === initialMetric && pct === initialPct ? { metric: initialMetric, pct: initialPct, answer: initial } : undefined,
    placeholderData: keepPreviousData,
  });
  const chart = useMemo(
    () => (q.data ? preparePercentileByModel(q.data.answer.rows, window, q.data.metric, q.data.pct) : null),
    [q.data, window],
  );
  const shownLabel = q.data ? `${LATENCY_METRIC_LABEL[q.data.metric]} ${q.data.pct} by model` : "By model";
  return (
    <DashboardCard
      id="percentile-by-model"
      title={shownLabel}
      description={`Per ${window.granularity}, the busiest models.${chart && chart.omitted > 0 ? ` ${chart.omitted} quieter ${chart.omitted === 1 ? "model is" : "models are"} left out (percentiles cannot be summed into "Other").` : ""}`}
      actions={
        <div className="flex flex-wrap gap-2">
          <SegmentedControl<LatencyMetric>
            label="Metric"
            options={LATENCY_METRICS.map((m) => ({ value: m, label: m === "latency" ? "Latency" : "TTFT" }))}
            value={metric}
            onChange={(v) => void setState({ pmetric: v })}
          />
          <SegmentedControl<Percentile>
            label="Percentile"
            options={PERCENTILES.map((p) => ({ value: p, label: p }))}
            value={pct}
            onChange={(v) => void setState({ pct: v })}
          />
        </div>
      }
    >
      <div className={`px-5 py-4 transition-opacity ${q.isFetching ? "opacity-60" : ""}`} aria-busy={q.isFetching}>
        {q.isError ? <CardAlert message={q.error.message} /> : null}
        {chart ? <ChartFrame data={chart} kind="line" label={shownLabel} testId="chart-percentile-by-model" /> : null}
      </div>
    </DashboardCard>
  );
}
