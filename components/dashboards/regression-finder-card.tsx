"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useId, useMemo, useState } from "react";
import { cardParsers, clampThreshold, type RegressionDimension } from "@/lib/dashboards/card-params";
import type { LatencyMetric } from "@/lib/dashboards/cards/percentile-by-model";
import { prepareRegressions, regressionRequests, type RegressionRows } from "@/lib/dashboards/cards/regressions";
import type { MetricsFilters } from "@/lib/dashboards/dashboard-filters";
import type { ViewWindow } from "@/lib/dashboards/dashboard-view";
import { fetchMetrics } from "@/lib/dashboards/metrics-request";
import { findRegressions, type LatencyComparison } from "@/lib/dashboards/prepare-regressions";
import { regressionTable, regressionTableName } from "@/lib/dashboards/regression-table";
import { DataTable } from "@/components/tables/data-table";
import { CardAlert } from "./card-alert";
import { DashboardCard } from "./dashboard-card";
import { SegmentedControl } from "./segmented-control";
import { useWorkspaceQuery } from "./use-workspace-query";

// One shared empty list, so the memoised table below is not rebuilt on every render before data arrives.
const NO_ROWS: readonly LatencyComparison[] = [];

const parsers = { threshold: cardParsers.threshold, rdim: cardParsers.rdim, rmetric: cardParsers.rmetric };

type Props = { window: ViewWindow; filters: MetricsFilters; initialDim: RegressionDimension; initial: RegressionRows; minRequests: number };

/**
 * Models or routes whose p95 this period is worse than in the previous period by more than X %. The
 * server answers the grouping in the URL; the other one is fetched (React Query) when picked. Moving the
 * threshold or switching latency/TTFT only filters what is loaded — no query.
 */
export function RegressionFinderCard({ window, filters, initialDim, initial, minRequests }: Props) {
  const [state, setState] = useQueryStates(parsers, { history: "push", shallow: true });
  const threshold = clampThreshold(state.threshold);
  const [draft, setDraft] = useState(String(threshold));
  // The URL's threshold changed (back/forward, a link): the input follows it, adjusted during render.
  const [draftOf, setDraftOf] = useState(threshold);
  if (draftOf !== threshold) {
    setDraftOf(threshold);
    setDraft(String(threshold));
  }
  const inputId = useId();
  const requests = useMemo(() => regressionRequests(window, state.rdim, filters), [window, state.rdim, filters]);
  const q = useWorkspaceQuery({
    key: ["regressions", requests],
    queryFn: async ({ signal, workspace }) => {
      const [now, before] = await Promise.all(requests.map((r) => fetchMetrics(r, { workspace, signal })));
      return { dim: state.rdim, rows: { current: now!.rows, previous: before!.rows } };
    },
    initialData: state.rdim === initialDim ? { dim: initialDim, rows: initial } : undefined,
    placeholderData: keepPreviousData,
  });
  const shownDim = q.data?.dim ?? state.rdim;
  const comparisons = useMemo(() => (q.data ? prepareRegressions(q.data.rows, q.data.dim, minRequests) : null), [q.data, minRequests]);
  const compared = comparisons?.[state.rmetric] ?? NO_ROWS;
  const flagged = findRegressions(compared, threshold);
  const metricName = state.rmetric === "latency" ? "p95 latency" : "p95 TTFT";
  // Memoised: a new table object would make DataTable rebuild its columns on every keystroke in the threshold box.
  const table = useMemo(() => regressionTable(compared, shownDim, threshold), [compared, shownDim, threshold]);
  const tableName = regressionTableName(metricName, shownDim);

  const commit = () => {
    const n = clampThreshold(Number(draft));
    setDraft(String(n));
    if (n !== threshold) void setState({ threshold: n });
  };

  return (
    <DashboardCard
      id="regressions"
      title="Regression finder"
      description={`${shownDim === "model" ? "Models" : "Routes"} whose ${metricName} got worse than in the previous period by more than the threshold. Groups with fewer than ${minRequests} calls in either period are skipped.`}
      actions={
        <div className="flex flex-wrap items-center gap-2">
          <SegmentedControl<RegressionDimension>
            label="Compare"
            options={[
              { value: "model", label: "Models" },
              { value: "route", label: "Routes" },
            ]}
            value={state.rdim}
            onChange={(v) => void setState({ rdim: v })}
          />
          <SegmentedControl<LatencyMetric>
            label="Metric"
            options={[
              { value: "latency", label: "Latency" },
              { value: "ttft", label: "TTFT" },
            ]}
            value={state.rmetric}
            onChange={(v) => void setState({ rmetric: v })}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              commit();
            }}
            className="flex items-center gap-1.5"
          >
            <label htmlFor={inputId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Threshold
            </label>
            <input
              id={inputId}
              type="number"
              inputMode="numeric"
              min={1}
              max={500}
              step={1}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commit}
              className="h-8 w-16 rounded-md border border-zinc-300 bg-white px-2 text-right text-sm tabular-nums dark:border-zinc-700 dark:bg-zinc-900"
            />
            <span className="text-xs text-zinc-600 dark:text-zinc-400">%</span>
          </form>
        </div>
      }
    >
      <div className={`transition-opacity ${q.isFetching ? "opacity-60" : ""}`} aria-busy={q.isFetching}>
        <div className={`px-5 pt-4 ${compared.length > 0 ? "" : "pb-4"}`}>
          {q.isError ? <CardAlert message={q.error.message} /> : null}
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="regression-summary">
            {flagged.length === 0
              ? `No ${shownDim === "model" ? "model" : "route"} regressed by more than ${threshold} % (${compared.length} compared).`
              : `${flagged.length} of ${compared.length} ${shownDim === "model" ? "models" : "routes"} regressed by more than ${threshold} %.`}
          </p>
        </div>
        {compared.length > 0 ? (
          // Full-bleed like the other table cards: DataTable pads its own first and last columns.
          // Every compared group is listed (paged by "Show all"), worst change first until re-sorted.
          <DataTable
            table={table}
            name={tableName}
            initialSort={{ id: "change", desc: true }}
            csv={{ from: window.from, to: window.to }}
            testId="table-regressions"
          />
        ) : null}
      </div>
    </DashboardCard>
  );
}
