import type { Metadata } from "next";
import { Suspense } from "react";
import { CardSkeleton, StatsSkeleton } from "@/components/dashboards/card-skeleton";
import { KpiSection, MeasureSeriesCard, TableCard } from "@/components/dashboards/generic-cards";
import { SpendOverTimeSection } from "@/components/dashboards/spend-over-time-section";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import { loadDashboardPage } from "@/lib/dashboards/load-dashboard-page";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { loadCardParams } from "@/lib/dashboards/card-params";
import { SPEND_KPIS, COST_PER_1K_TABLE, FEATURE_TENANT_TABLE } from "@/lib/dashboards/pages/spend-page";

export const metadata: Metadata = { title: "Spend" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpendPage({ searchParams }: Props) {
  const { context, params, c } = await loadDashboardPage(searchParams);
  const { stack } = loadCardParams(params);
  return (
    <DashboardPage
      title="Spend"
      description="Where the money goes: spend over time by provider, model and feature, list versus effective cost, and cost per 1k tokens."
      context={context}
    >
      <FilterBarSection c={c} />
      <Suspense fallback={<StatsSkeleton count={6} label="Spend totals" />}>
        <KpiSection c={c} specs={SPEND_KPIS} label="Spend totals" />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Spend over time" height={300} />}>
        <SpendOverTimeSection c={c} id="spend-over-time" title="Spend over time" stack={stack} />
      </Suspense>
      <div className="grid gap-6 xl:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="List versus effective cost" />}>
          <MeasureSeriesCard
            c={c}
            id="list-vs-effective"
            title="List versus effective cost"
            description="What the calls would cost at public list prices, and what they cost after your contracts (discounts, commitments)."
            measures={["list_cost_usd", "cost_usd"]}
            labels={{ list_cost_usd: "List price", cost_usd: "Effective" }}
            kind="line"
          />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Cost per 1k tokens" />}>
          <MeasureSeriesCard
            c={c}
            id="cost-per-1k-over-time"
            title="Cost per 1k tokens"
            description="Effective cost divided by all tokens (input, including cached, plus output). Gaps mark buckets without calls."
            measures={["cost_per_1k_tokens_usd"]}
            kind="line"
          />
        </Suspense>
      </div>
      <Suspense fallback={<CardSkeleton title="Cost per 1k tokens by model" height={260} />}>
        <TableCard
          c={c}
          id="cost-per-model"
          title="Cost per 1k tokens by model"
          description="Unit price actually paid per model, with the token mix behind it."
          spec={COST_PER_1K_TABLE}
        />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Spend by feature and tenant" height={400} />}>
        <TableCard
          c={c}
          id="feature-tenant"
          title="Spend by feature and tenant"
          description="Every feature × tenant pair in the range. Sort by any column; the CSV export holds the same rows and totals."
          spec={FEATURE_TENANT_TABLE}
        />
      </Suspense>
    </DashboardPage>
  );
}
