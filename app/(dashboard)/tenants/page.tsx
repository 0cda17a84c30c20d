import type { Metadata } from "next";
import { Suspense } from "react";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { cardContextOf } from "@/components/dashboards/card-context-of";
import { DimensionSeriesCard } from "@/components/dashboards/generic-cards";
import { RankingBarsCard, RankingTableCard } from "@/components/dashboards/ranking-section";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { DashboardPage } from "@/components/shell/dashboard-page";

export const metadata: Metadata = { title: "Tenants" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TenantsPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  const c = await cardContextOf(context, await searchParams);
  return (
    <DashboardPage title="Tenants" description="Your customers ranked by spend, with their unit cost and task success rate." context={context}>
      <FilterBarSection c={c} />
      <Suspense fallback={<CardSkeleton title="Spend over time" height={260} />}>
        <DimensionSeriesCard
          c={c}
          id="tenant-spend-over-time"
          title="Spend over time"
          description="Effective cost per bucket, stacked by tenant (the largest seven, the rest summed into Other)."
          dimension="tenant"
          measure="cost_usd"
          maxSeries={8}
          kind="bar"
          stacked
        />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Top tenants by spend" height={300} />}>
        <RankingBarsCard c={c} dimension="tenant" />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Tenants by spend" height={480} />}>
        <RankingTableCard c={c} dimension="tenant" />
      </Suspense>
    </DashboardPage>
  );
}
