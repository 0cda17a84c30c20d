import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MonitorEditorSection } from "@/components/alerts/monitor-editor-section";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Monitor" };

export default async function MonitorPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await requireAccess();
  const { id: raw } = await params;
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) notFound();
  const canManage = can(access.role, "alerts:manage");
  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader
        title={canManage ? "Edit monitor" : "Monitor"}
        description={canManage ? undefined : "Read only: only owners, admins and engineers can change monitors."}
      />
      <MonitorEditorSection workspaceId={access.workspace.id} monitorId={id} canManage={canManage} />
    </div>
  );
}
