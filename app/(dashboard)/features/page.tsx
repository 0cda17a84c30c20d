import type { Metadata } from "next";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { RangeSummary } from "@/components/shell/range-summary";

export const metadata: Metadata = { title: "Features" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FeaturesPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  return (
    <DashboardPage title="Features" description="Product features ranked by spend, with their unit cost and task success rate." context={context}>
      <RangeSummary snapshot={context.snapshot} range={context.range} />
    </DashboardPage>
  );
}
