import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { MonitorsSection } from "@/components/alerts/monitors-section";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Monitors" };

export default async function MonitorsPage() {
  const access = await requireAccess();
  const canManage = can(access.role, "alerts:manage");
  return (
    <div className="mx-auto w-full max-w-6xl">
      <PageHeader
        title="Alerts"
        description="Monitors turn a measure crossing a threshold into an alert and a notification."
        actions={
          canManage ? (
            <Link href="/alerts/monitors/new" className={buttonClass("primary")}>
              New monitor
            </Link>
          ) : null
        }
      />
      <AlertsTabs />
      <Suspense fallback={<CardSkeleton title="Monitors" height={200} />}>
        <MonitorsSection workspaceId={access.workspace.id} canManage={canManage} />
      </Suspense>
    </div>
  );
}
