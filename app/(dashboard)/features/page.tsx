import type { Metadata } from "next";
import { Suspense } from "react";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { cardContextOf } from "@/components/dashboards/card-context-of";
import { DimensionSeriesCard } from "@/components/dashboards/generic-cards";
import { RankingBarsCard, RankingTableCard } from "@/components/dashboards/ranking-section";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { DashboardPage } from "@/components/shell/dashboard-page";

export const metadata: Metadata = { title: "Features" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FeaturesPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  const c = await cardContextOf(context, await searchParams);
  return (
    <DashboardPage title="Features" description="Product features ranked by spend, with their unit cost and task success rate." context={context}>
      <FilterBarSection c={c} />
      <Suspense fallback={<CardSkeleton title="Spend over time" height={260} />}>
        <DimensionSeriesCard
          c={c}
          id="feature-spend-over-time"
          title="Spend over time"
          description="Effective cost per bucket, stacked by feature (the largest seven, the rest summed into Other)."
          dimension="feature"
          measure="cost_usd"
          maxSeries={8}
          kind="bar"
          stacked
        />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Top features by spend" height={300} />}>
        <RankingBarsCard c={c} dimension="feature" />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Features by spend" height={480} />}>
        <RankingTableCard c={c} dimension="feature" />
      </Suspense>
    </DashboardPage>
  );
}
