import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DrilldownPage } from "@/components/dashboards/drilldown-page";
import { loadDashboardPage } from "@/lib/dashboards/load-dashboard-page";
import { loadCardParams } from "@/lib/dashboards/card-params";
import { drilldownValue } from "@/lib/dashboards/drilldown-value";

type Props = { params: Promise<{ feature: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Feature ${drilldownValue((await params).feature) ?? ""}` };
}

export default async function FeaturePage({ params, searchParams }: Props) {
  const feature = drilldownValue((await params).feature);
  if (feature === null) notFound();
  const { context, params: query, c } = await loadDashboardPage(searchParams, { feature });
  return <DrilldownPage context={context} c={c} dimension="feature" value={feature} stack={loadCardParams(query).stack} />;
}
