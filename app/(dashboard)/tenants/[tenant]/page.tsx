import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cardContextOf } from "@/components/dashboards/card-context-of";
import { DrilldownPage } from "@/components/dashboards/drilldown-page";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { loadCardParams } from "@/lib/dashboards/card-params";
import { drilldownValue } from "@/lib/dashboards/drilldown-value";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Tenant ${drilldownValue((await params).tenant) ?? ""}` };
}

export default async function TenantPage({ params, searchParams }: Props) {
  const tenant = drilldownValue((await params).tenant);
  if (tenant === null) notFound();
  const context = await loadDashboardContext(searchParams);
  const query = await searchParams;
  const c = await cardContextOf(context, query, { tenant });
  return <DrilldownPage context={context} c={c} dimension="tenant" value={tenant} stack={loadCardParams(query).stack} />;
}
