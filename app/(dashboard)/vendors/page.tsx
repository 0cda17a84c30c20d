import type { Metadata } from "next";
import { Suspense } from "react";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { UnitCostCard, VendorMatrixCard } from "@/components/dashboards/vendor-sections";
import { FilterBarSection } from "@/components/filters/filter-bar-section";
import { loadDashboardPage } from "@/lib/dashboards/load-dashboard-page";
import { DashboardPage } from "@/components/shell/dashboard-page";

export const metadata: Metadata = { title: "Vendors" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VendorsPage({ searchParams }: Props) {
  const { context, c } = await loadDashboardPage(searchParams);
  return (
    <DashboardPage
      title="Vendors"
      description="Providers and models side by side: cost per successful task, cost per 1k tokens, latency, errors, throttles and fallbacks."
      context={context}
    >
      <FilterBarSection c={c} />
      <Suspense fallback={<CardSkeleton title="Vendor comparison" height={420} />}>
        <VendorMatrixCard c={c} />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Cost per successful task by model" height={300} />}>
        <UnitCostCard c={c} />
      </Suspense>
    </DashboardPage>
  );
}
