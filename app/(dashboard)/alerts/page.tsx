import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertHistorySection, FiringAlertsSection } from "@/components/alerts/alert-sections";
import { AlertsPageHeader } from "@/components/alerts/alerts-page-header";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { parseHistoryFilters } from "@/lib/alerts/history-filters";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Alerts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AlertsPage({ searchParams }: Props) {
  const access = await requireAccess();
  const filters = parseHistoryFilters(await searchParams);
  const canManage = can(access.role, "alerts:manage");
  return (
    <div className="mx-auto w-full max-w-6xl">
      <AlertsPageHeader description="What your monitors say right now, and every alert they raised." canManage={canManage} />
      <div className="space-y-6">
        <Suspense fallback={<CardSkeleton title="Firing now" height={120} />}>
          <FiringAlertsSection workspaceId={access.workspace.id} canManage={canManage} />
        </Suspense>
        <Suspense key={`${filters.state}-${filters.ruleId}`} fallback={<CardSkeleton title="History" height={240} />}>
          <AlertHistorySection workspaceId={access.workspace.id} filters={filters} />
        </Suspense>
      </div>
    </div>
  );
}
