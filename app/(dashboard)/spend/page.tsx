import type { Metadata } from "next";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { RangeSummary } from "@/components/shell/range-summary";

export const metadata: Metadata = { title: "Spend" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpendPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  return (
    <DashboardPage title="Spend" description="Where the money goes: spend over time by provider, model and feature, list versus effective cost, and cost per 1k tokens." context={context}>
      <RangeSummary snapshot={context.snapshot} range={context.range} />
    </DashboardPage>
  );
}
