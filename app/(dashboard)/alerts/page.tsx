import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AlertHistorySection, FiringAlertsSection } from "@/components/alerts/alert-sections";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
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
      <PageHeader
        title="Alerts"
        description="What your monitors say right now, and every alert they raised."
        actions={
          canManage ? (
            <Link href="/alerts/monitors/new" className={buttonClass("primary")}>
              New monitor
            </Link>
          ) : null
        }
      />
      <AlertsTabs />
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
