import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cardContextOf } from "@/components/dashboards/card-context-of";
import { DrilldownPage } from "@/components/dashboards/drilldown-page";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { loadCardParams } from "@/lib/dashboards/card-params";
import { drilldownValue } from "@/lib/dashboards/drilldown-value";

type Props = { params: Promise<{ feature: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Feature ${drilldownValue((await params).feature) ?? ""}` };
}

export default async function FeaturePage({ params, searchParams }: Props) {
  const feature = drilldownValue((await params).feature);
  if (feature === null) notFound();
  const context = await loadDashboardContext(searchParams);
  const query = await searchParams;
  const c = await cardContextOf(context, query, { feature });
  return <DrilldownPage context={context} c={c} dimension="feature" value={feature} stack={loadCardParams(query).stack} />;
}
