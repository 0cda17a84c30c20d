import type { Metadata } from "next";
import { cardContextOf } from "@/components/dashboards/card-context-of";
import { RankingListPage } from "@/components/dashboards/ranking-list-page";
import { loadDashboardContext } from "@/components/shell/dashboard-context";

export const metadata: Metadata = { title: "Tenants" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TenantsPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  const c = await cardContextOf(context, await searchParams);
  return <RankingListPage context={context} c={c} dimension="tenant" />;
}
