import type { Metadata } from "next";
import { Suspense } from "react";
import { CardSkeleton } from "@/components/dashboards/card-skeleton";
import { ChannelsSection } from "@/components/settings/channels-section";
import { CreateChannelForm } from "@/components/settings/create-channel-form";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notification channels" };

export default async function ChannelsPage() {
  // Everyone reads the list; the create form and the per-channel controls need alerts:manage (the API checks it too).
  const access = await requireAccess();
  const canManage = can(access.role, "alerts:manage");
  return (
    <div className="space-y-6">
      {canManage ? <CreateChannelForm /> : null}
      <Suspense fallback={<CardSkeleton title="Notification channels" height={160} />}>
        <ChannelsSection workspaceId={access.workspace.id} canManage={canManage} />
      </Suspense>
    </div>
  );
}
