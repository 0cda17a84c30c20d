import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { ApiKeyTable } from "@/components/settings/api-key-table";
import { CreateKeyForm } from "@/components/settings/create-key-form";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { listWorkspaceKeys } from "@/lib/keys/list-workspace-keys";
import { memberContextOf } from "@/lib/members/member-context";
import { createKeyAction, revokeKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  // Viewers are sent away (keys:read excludes them); engineers and finance see the list without controls.
  const access = await requirePermission("keys:read");
  const keys = await listWorkspaceKeys(await getPrisma(), memberContextOf(access));
  const canManage = can(access.role, "keys:manage");
  const active = keys.filter((k) => !k.revokedAt).length;
  return (
    <div className="space-y-6">
      {canManage ? <CreateKeyForm action={createKeyAction} /> : null}
      <Card aria-labelledby="keys-title">
        <CardHeader
          id="keys-title"
          title="API keys"
          description={
            canManage
              ? `${active} active. Only a hash of each secret is stored; the visible prefix tells keys apart.`
              : `${active} active. Only owners and admins can create or revoke keys.`
          }
        />
        <ApiKeyTable keys={keys} revokeAction={canManage ? revokeKeyAction : null} />
      </Card>
    </div>
  );
}
