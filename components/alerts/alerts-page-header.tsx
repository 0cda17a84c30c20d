import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { AlertsTabs } from "./alerts-tabs";

/** The header and tabs shared by the Alerts and Monitors pages; "New monitor" only for alerts:manage. */
export function AlertsPageHeader({ description, canManage }: { description: string; canManage: boolean }) {
  return (
    <>
      <PageHeader
        title="Alerts"
        description={description}
        actions={
          canManage ? (
            <Link href="/alerts/monitors/new" className={buttonClass("primary")}>
              New monitor
            </Link>
          ) : null
        }
      />
      <AlertsTabs />
    </>
  );
}
