import Link from "next/link";
import { Suspense } from "react";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import type { DashboardContext } from "@/lib/dashboards/load-dashboard-page";
import { DashboardPage } from "@/components/shell/dashboard-page";
import type { CardContext } from "@/lib/dashboards/card-context";
import { drilldownTable, DRILLDOWN_KPIS, RANKED_DIMENSIONS, type RankedDimension } from "@/lib/dashboards/pages/ranking-page";
import { viewQueryString } from "@/lib/dashboards/view-query-string";
import type { StackBy } from "@/lib/dashboards/cards/spend-over-time";
import { CardSkeleton, StatsSkeleton } from "./card-skeleton";
import { DimensionSeriesCard, KpiSection, MeasureSeriesCard, TableCard } from "./generic-cards";
import { SpendOverTimeSection } from "./spend-over-time-section";
import { PERCENTILE_COLORS } from "@/components/charts/chart-palette";

/**
 * One tenant's or one feature's own dashboard: the global filters still apply, the drilled-into value is
 * pinned (the bar hides that filter). Same cards and loaders as the list pages, scoped by the pin.
 */
export function DrilldownPage({
  context,
  c,
  dimension,
  value,
  stack,
}: {
  context: DashboardContext;
  c: CardContext;
  dimension: RankedDimension;
  value: string;
  stack: StackBy | null;
}) {
  const d = RANKED_DIMENSIONS[dimension];
  const qs = viewQueryString(c.view);
  return (
    <DashboardPage title={value} description={d.drilldownDescription} context={context}>
      <nav aria-label="Breadcrumb" className="-mt-3 text-sm">
        <Link href={`${d.href}${qs ? `?${qs}` : ""}`} className="text-brand-700 hover:underline dark:text-brand-300">
          ← All {d.many}
        </Link>
      </nav>
      <FilterBarSection c={c} pinned={[dimension]} />
      <Suspense fallback={<StatsSkeleton count={6} label={`${value}: totals`} />}>
        <KpiSection c={c} specs={DRILLDOWN_KPIS} label={`${value}: totals`} />
      </Suspense>
      {dimension === "tenant" ? (
        <Suspense fallback={<CardSkeleton title="Spend over time" />}>
          <SpendOverTimeSection
            c={c}
            id="drilldown-spend"
            title="Spend over time"
            stack={stack}
            stackOptions={["feature", "model", "provider"]}
          />
        </Suspense>
      ) : (
        <Suspense fallback={<CardSkeleton title="Spend over time by tenant" />}>
          <DimensionSeriesCard
            c={c}
            id="drilldown-spend"
            title="Spend over time by tenant"
            description="Effective cost per bucket, stacked by tenant (the largest seven, the rest summed into Other)."
            dimension="tenant"
            measure="cost_usd"
            maxSeries={8}
            kind="bar"
            stacked
          />
        </Suspense>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="Success and errors" />}>
          <MeasureSeriesCard
            c={c}
            id="drilldown-success"
            title="Success and errors"
            description="Task success rate and call error rate per bucket; gaps mark buckets without calls."
            measures={["task_success_rate", "error_rate"]}
            kind="line"
          />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Latency" />}>
          <MeasureSeriesCard
            c={c}
            id="drilldown-latency"
            title="Latency"
            description="p50 and p95 latency and p95 time to first token per bucket."
            measures={["latency_p50_ms", "latency_p95_ms", "ttft_p95_ms"]}
            labels={{ latency_p50_ms: "Latency p50", latency_p95_ms: "Latency p95", ttft_p95_ms: "TTFT p95" }}
            colors={PERCENTILE_COLORS}
            kind="line"
          />
        </Suspense>
      </div>
      <Suspense fallback={<CardSkeleton title="Breakdown" height={300} />}>
        <TableCard
          c={c}
          id="drilldown-breakdown"
          title={d.breakdownTitle}
          description="Sort by any column; the CSV export holds the same rows and totals."
          spec={drilldownTable(dimension)}
        />
      </Suspense>
    </DashboardPage>
  );
}
