import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertsPageHeader } from "@/components/alerts/alerts-page-header";
import { MonitorsSection } from "@/components/alerts/monitors-section";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Monitors" };

export default async function MonitorsPage() {
  const access = await requireAccess();
  const canManage = can(access.role, "alerts:manage");
  return (
    <div className="mx-auto w-full max-w-6xl">
      <AlertsPageHeader
        description="Monitors turn a measure crossing a threshold into an alert and a notification."
        canManage={canManage}
      />
      <Suspense fallback={<CardSkeleton title="Monitors" height={200} />}>
        <MonitorsSection workspaceId={access.workspace.id} canManage={canManage} />
      </Suspense>
    </div>
  );
}
