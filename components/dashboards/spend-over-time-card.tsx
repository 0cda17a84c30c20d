"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useQueryState } from "nuqs";
import { useMemo } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { cardParsers } from "@/lib/dashboards/card-params";
import { prepareSpendOverTime, spendOverTimeRequest, STACK_BY, STACK_LABEL, type StackBy } from "@/lib/dashboards/cards/spend-over-time";
import type { MetricsFilters } from "@/lib/dashboards/dashboard-filters";
import type { ViewWindow } from "@/lib/dashboards/dashboard-view";
import { fetchMetrics, type MetricsAnswer } from "@/lib/dashboards/metrics-request";
import { CardAlert } from "./card-alert";
import { DashboardCard } from "./dashboard-card";
import { SegmentedControl } from "./segmented-control";
import { useWorkspaceQuery } from "./use-workspace-query";

type Props = {
  id: string;
  title: string;
  window: ViewWindow;
  filters: MetricsFilters;
  initialStack: StackBy;
  initial: MetricsAnswer;
  stackOptions?: readonly StackBy[];
};

/**
 * Spend over time, stacked by the dimension picked in the card. The server renders the first view; a
 * switch fetches the other breakdown through the metrics API (React Query keeps the previous chart on
 * screen until the new one is ready, and caches each breakdown).
 */
export function SpendOverTimeCard({ id, title, window, filters, initialStack, initial, stackOptions = STACK_BY }: Props) {
  const [urlStack, setStack] = useQueryState("stack", cardParsers.stack.withOptions({ history: "push", shallow: true }));
  // A drill-down offers fewer breakdowns (a tenant page is not stacked by tenant): fall back to its first.
  const stack = urlStack && stackOptions.includes(urlStack) ? urlStack : stackOptions[0]!;
  const request = useMemo(() => spendOverTimeRequest(window, stack, filters), [window, stack, filters]);
  // The answer travels with the breakdown it answers: while a new one loads, the previous chart
  // (keepPreviousData) must still be prepared by its own dimension.
  const q = useWorkspaceQuery({
    key: ["metrics", request],
    queryFn: async ({ signal, workspace }) => ({ stack, answer: await fetchMetrics(request, { workspace, signal }) }),
    initialData: stack === initialStack ? { stack: initialStack, answer: initial } : undefined,
    placeholderData: keepPreviousData,
  });
  const chart = useMemo(() => (q.data ? prepareSpendOverTime(q.data.answer.rows, window, q.data.stack) : null), [q.data, window]);
  return (
    <DashboardCard
      id={id}
      title={title}
      description={`Effective cost per ${window.granularity}, stacked by ${STACK_LABEL[q.data?.stack ?? stack].toLowerCase()}. Totals are exact; smaller contributors are summed into Other.`}
      actions={
        <SegmentedControl
          label="Stack by"
          options={stackOptions.map((s) => ({ value: s, label: STACK_LABEL[s] }))}
          value={stack}
          onChange={(v) => void setStack(v)}
        />
      }
    >
      <div className={`px-5 py-4 transition-opacity ${q.isFetching ? "opacity-60" : ""}`} aria-busy={q.isFetching}>
        {q.isError ? <CardAlert message={q.error.message} /> : null}
        {chart ? (
          <ChartFrame
            data={chart}
            kind={window.granularity === "hour" ? "area" : "bar"}
            stacked
            label={`${title} by ${STACK_LABEL[q.data?.stack ?? stack].toLowerCase()}`}
            testId={`chart-${id}`}
          />
        ) : null}
      </div>
    </DashboardCard>
  );
}
