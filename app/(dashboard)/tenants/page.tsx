import type { Metadata } from "next";
import { RankingListPage } from "@/components/dashboards/ranking-list-page";
import { loadDashboardPage } from "@/lib/dashboards/load-dashboard-page";

export const metadata: Metadata = { title: "Tenants" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TenantsPage({ searchParams }: Props) {
  const { context, c } = await loadDashboardPage(searchParams);
  return <RankingListPage context={context} c={c} dimension="tenant" />;
}
