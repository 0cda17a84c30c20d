import type { Metadata } from "next";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { RangeSummary } from "@/components/shell/range-summary";

export const metadata: Metadata = { title: "Reliability" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReliabilityPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  return (
    <DashboardPage title="Reliability" description="Latency and time to first token percentiles per model, error and throttle rates, retries and fallbacks." context={context}>
      <RangeSummary snapshot={context.snapshot} range={context.range} />
    </DashboardPage>
  );
}
