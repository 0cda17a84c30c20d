import type { Metadata } from "next";
import { Suspense } from "react";
import { CardSkeleton, StatsSkeleton } from "@/components/dashboards/card-skeleton";
import { DimensionSeriesCard, KpiSection, MeasureSeriesCard, TableCard } from "@/components/dashboards/generic-cards";
import { LatencyPercentilesSection, PercentileByModelSection, RegressionFinderSection } from "@/components/dashboards/reliability-sections";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import { loadDashboardPage } from "@/lib/dashboards/load-dashboard-page";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { loadCardParams } from "@/lib/dashboards/card-params";
import { ERROR_TYPES_TABLE, REGRESSION_MIN_REQUESTS, RELIABILITY_KPIS } from "@/lib/dashboards/pages/reliability-page";

export const metadata: Metadata = { title: "Reliability" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReliabilityPage({ searchParams }: Props) {
  const { context, params, c } = await loadDashboardPage(searchParams);
  const cp = loadCardParams(params);
  return (
    <DashboardPage
      title="Reliability"
      description="Latency and time to first token percentiles per model, error and throttle rates, retries and fallbacks."
      context={context}
    >
      <FilterBarSection c={c} />
      <Suspense fallback={<StatsSkeleton count={6} label="Reliability totals" />}>
        <KpiSection c={c} specs={RELIABILITY_KPIS} label="Reliability totals" />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Latency and time to first token" height={280} />}>
        <LatencyPercentilesSection c={c} model={cp.lmodel} />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Latency by model" height={280} />}>
        <PercentileByModelSection c={c} metric={cp.pmetric} pct={cp.pct} />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Regression finder" height={240} />}>
        <RegressionFinderSection c={c} dim={cp.rdim} minRequests={REGRESSION_MIN_REQUESTS} />
      </Suspense>
      <div className="grid gap-6 xl:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="Error rate" />}>
          <MeasureSeriesCard
            c={c}
            id="error-rate"
            title="Error rate"
            description="Failed calls (error, timeout, throttled, filtered, cancelled) / all calls. Gaps mark buckets without calls."
            measures={["error_rate"]}
            kind="line"
          />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Retries and fallbacks" />}>
          <MeasureSeriesCard
            c={c}
            id="retry-fallback"
            title="Retries and fallbacks"
            description="Retried calls and calls sent to a fallback model, per task started."
            measures={["retry_rate", "fallback_rate"]}
            kind="line"
          />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Failures by error type" />}>
          <DimensionSeriesCard
            c={c}
            id="errors-by-type"
            title="Failures by error type"
            description="Failed calls per bucket, stacked by the error type the client reported."
            dimension="error_type"
            measure="failed_requests"
            kind="bar"
            stacked
          />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Throttled calls by provider" />}>
          <DimensionSeriesCard
            c={c}
            id="throttles-by-provider"
            title="Throttled calls by provider"
            description="Calls refused with status throttled or HTTP 429."
            dimension="provider"
            measure="throttled_requests"
            kind="bar"
            stacked
          />
        </Suspense>
      </div>
      <Suspense fallback={<CardSkeleton title="Errors and throttles by type" height={260} />}>
        <TableCard
          c={c}
          id="error-types"
          title="Errors and throttles by type"
          description="Each error type per provider, with its change against the previous period."
          spec={ERROR_TYPES_TABLE}
        />
      </Suspense>
    </DashboardPage>
  );
}
