import { Suspense } from "react";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import type { DashboardContext } from "@/lib/dashboards/load-dashboard-page";
import { DashboardPage } from "@/components/shell/dashboard-page";
import type { CardContext } from "@/lib/dashboards/card-context";
import { RANKED_DIMENSIONS, type RankedDimension } from "@/lib/dashboards/pages/ranking-page";
import { CardSkeleton } from "./card-skeleton";
import { DimensionSeriesCard } from "./generic-cards";
import { RankingBarsCard, RankingTableCard } from "./ranking-section";

/** The Tenants or Features page: spend over time stacked by the dimension, the top ten as bars, every one ranked. */
export function RankingListPage({ context, c, dimension }: { context: DashboardContext; c: CardContext; dimension: RankedDimension }) {
  const d = RANKED_DIMENSIONS[dimension];
  return (
    <DashboardPage title={d.Many} description={d.listDescription} context={context}>
      <FilterBarSection c={c} />
      <Suspense fallback={<CardSkeleton title="Spend over time" height={260} />}>
        <DimensionSeriesCard
          c={c}
          id={`${dimension}-spend-over-time`}
          title="Spend over time"
          description={`Effective cost per bucket, stacked by ${d.one} (the largest seven, the rest summed into Other).`}
          dimension={dimension}
          measure="cost_usd"
          maxSeries={8}
          kind="bar"
          stacked
        />
      </Suspense>
      <Suspense fallback={<CardSkeleton title={`Top ${d.many} by spend`} height={300} />}>
        <RankingBarsCard c={c} dimension={dimension} />
      </Suspense>
      <Suspense fallback={<CardSkeleton title={`${d.Many} by spend`} height={480} />}>
        <RankingTableCard c={c} dimension={dimension} />
      </Suspense>
    </DashboardPage>
  );
}
