import type { Metadata } from "next";
import { MonitorEditorSection } from "@/components/alerts/monitor-editor-section";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New monitor" };

export default async function NewMonitorPage() {
  // Only roles that may create one get the form (the API refuses the others anyway).
  const access = await requirePermission("alerts:manage");
  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader title="New monitor" description="Tune it with the backtest before it wakes someone." />
      <MonitorEditorSection workspaceId={access.workspace.id} monitorId={null} canManage />
    </div>
  );
}
