import type { Metadata } from "next";
import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { CardSkeleton, StatsSkeleton } from "@/components/dashboards/card-skeleton";
import { DimensionSeriesCard, KpiSection } from "@/components/dashboards/generic-cards";
import { PlainTile } from "@/components/dashboards/kpi-grid";
import { ProjectionTile, TopMoversCard } from "@/components/dashboards/overview-sections";
import { RecentEventsCard } from "@/components/dashboards/recent-events-card";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import { loadDashboardPage } from "@/lib/dashboards/load-dashboard-page";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { OVERVIEW_KPIS } from "@/lib/dashboards/pages/overview-page";

export const metadata: Metadata = { title: "Overview" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const { context, params, c } = await loadDashboardPage(searchParams);
  return (
    <>
      {params.error === "forbidden" ? (
        <div className="mx-auto mb-6 max-w-7xl">
          <Alert tone="warning" title="You don't have access to that page">
            Your role in this workspace ({context.access.role}) does not allow it. Ask a workspace owner or admin if you need access.
          </Alert>
        </div>
      ) : null}
      <DashboardPage
        title="Overview"
        description="Spend and reliability of every model call in this workspace, at a glance."
        context={context}
      >
        <FilterBarSection c={c} />
        <Suspense fallback={<StatsSkeleton count={6} label="Headline numbers" />}>
          <KpiSection
            c={c}
            specs={OVERVIEW_KPIS}
            label="Headline numbers"
            extra={
              <Suspense fallback={<PlainTile id="projection" label="Month-end projection" value="…" hint="Projecting…" />}>
                <ProjectionTile c={c} />
              </Suspense>
            }
          />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Spend by provider" height={280} />}>
          <DimensionSeriesCard
            c={c}
            id="spend-by-provider"
            title="Spend by provider"
            description="Effective cost per bucket, stacked by provider."
            dimension="provider"
            measure="cost_usd"
            kind="area"
            stacked
          />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Top cost movers" height={260} />}>
          <TopMoversCard c={c} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Latest events" height={320} />}>
          <RecentEventsCard c={c} />
        </Suspense>
      </DashboardPage>
    </>
  );
}
