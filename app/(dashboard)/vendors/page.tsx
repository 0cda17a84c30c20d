import type { Metadata } from "next";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { RangeSummary } from "@/components/shell/range-summary";

export const metadata: Metadata = { title: "Vendors" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VendorsPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  return (
    <DashboardPage title="Vendors" description="Providers and models side by side: cost per successful task, cost per 1k tokens, latency, errors, throttles and fallbacks." context={context}>
      <RangeSummary snapshot={context.snapshot} range={context.range} />
    </DashboardPage>
  );
}
