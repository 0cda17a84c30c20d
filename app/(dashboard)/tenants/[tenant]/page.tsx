import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DrilldownPage } from "@/components/dashboards/drilldown-page";
import { loadDashboardPage } from "@/lib/dashboards/load-dashboard-page";
import { loadCardParams } from "@/lib/dashboards/card-params";
import { drilldownValue } from "@/lib/dashboards/drilldown-value";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Tenant ${drilldownValue((await params).tenant) ?? ""}` };
}

export default async function TenantPage({ params, searchParams }: Props) {
  const tenant = drilldownValue((await params).tenant);
  if (tenant === null) notFound();
  const { context, params: query, c } = await loadDashboardPage(searchParams, { tenant });
  return <DrilldownPage context={context} c={c} dimension="tenant" value={tenant} stack={loadCardParams(query).stack} />;
}
