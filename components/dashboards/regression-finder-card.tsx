"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useEffect, useId, useMemo, useState } from "react";
import { cardParsers, clampThreshold, type RegressionDimension } from "@/lib/dashboards/card-params";
import type { LatencyMetric } from "@/lib/dashboards/cards/percentile-by-model";
import { prepareRegressions, regressionRequests, type RegressionRows } from "@/lib/dashboards/cards/regressions";
import type { MetricsFilters } from "@/lib/dashboards/dashboard-filters";
import type { ViewWindow } from "@/lib/dashboards/dashboard-view";
import { formatChange, formatValue, formatValueExact } from "@/lib/dashboards/measure-display";
import { fetchMetrics } from "@/lib/dashboards/metrics-request";
import { findRegressions } from "@/lib/dashboards/prepare-regressions";
import { CardAlert } from "./card-alert";
import { DashboardCard } from "./dashboard-card";
import { SegmentedControl } from "./segmented-control";

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
  useEffect(() => setDraft(String(threshold)), [threshold]);
  const inputId = useId();
  const requests = useMemo(() => regressionRequests(window, state.rdim, filters), [window, state.rdim, filters]);
  const q = useQuery({
    queryKey: ["regressions", requests],
    queryFn: async ({ signal }) => {
      const [now, before] = await Promise.all(requests.map((r) => fetchMetrics(r, signal)));
      return { dim: state.rdim, rows: { current: now!.rows, previous: before!.rows } };
    },
    initialData: state.rdim === initialDim ? { dim: initialDim, rows: initial } : undefined,
    placeholderData: keepPreviousData,
  });
  const shownDim = q.data?.dim ?? state.rdim;
  const comparisons = useMemo(() => (q.data ? prepareRegressions(q.data.rows, q.data.dim, minRequests) : null), [q.data, minRequests]);
  const compared = comparisons?.[state.rmetric] ?? [];
  const flagged = findRegressions(compared, threshold);
  const metricName = state.rmetric === "latency" ? "p95 latency" : "p95 TTFT";

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
          <SegmentedControl<RegressionDimension> label="Compare" options={[{ value: "model", label: "Models" }, { value: "route", label: "Routes" }]} value={state.rdim} onChange={(v) => void setState({ rdim: v })} />
          <SegmentedControl<LatencyMetric> label="Metric" options={[{ value: "latency", label: "Latency" }, { value: "ttft", label: "TTFT" }]} value={state.rmetric} onChange={(v) => void setState({ rmetric: v })} />
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
      <div className={`px-5 py-4 transition-opacity ${q.isFetching ? "opacity-60" : ""}`} aria-busy={q.isFetching}>
        {q.isError ? <CardAlert message={q.error.message} /> : null}
        <p role="status" className="mb-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="regression-summary">
          {flagged.length === 0
            ? `No ${shownDim === "model" ? "model" : "route"} regressed by more than ${threshold} % (${compared.length} compared).`
            : `${flagged.length} of ${compared.length} ${shownDim === "model" ? "models" : "routes"} regressed by more than ${threshold} %.`}
        </p>
        {compared.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="table-regressions">
              <caption className="sr-only">{metricName} this period against the previous period, worst change first</caption>
              <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
                <tr className="border-b border-zinc-200 dark:border-zinc-800">
                  <th scope="col" className="py-2 pr-3 font-medium">{shownDim === "model" ? "Provider / model" : "Route"}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Calls</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Previous</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">This period</th>
                  <th scope="col" className="py-2 pl-3 text-right font-medium">Change</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {compared.slice(0, 15).map((r) => {
                  const bad = flagged.includes(r);
                  return (
                    <tr key={r.key} data-testid={bad ? "regression-row" : undefined} className={bad ? "bg-red-50/60 dark:bg-red-950/30" : ""}>
                      <td className="py-2 pr-3 font-medium">{r.label}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatValue("count", r.requestsNow)}</td>
                      <td className="px-3 py-2 text-right tabular-nums" title={formatValueExact("duration", r.before)}>{formatValue("duration", r.before)}</td>
                      <td className="px-3 py-2 text-right tabular-nums" title={formatValueExact("duration", r.now)}>{formatValue("duration", r.now)}</td>
                      <td className={`py-2 pl-3 text-right font-medium tabular-nums ${bad ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
                        {formatChange(r.change)}
                        {bad ? <span className="sr-only"> (regression)</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </DashboardCard>
  );
}
