import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs, type SettingsTab } from "@/components/settings/settings-tabs";
import { can } from "@/lib/auth/roles";
import { requireAccess } from "@/lib/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const access = await requireAccess();
  const tabs: SettingsTab[] = [
    { href: "/settings", label: "General" },
    { href: "/settings/members", label: "Members" },
    // Viewers may not read keys (keys:read), so the tab is not offered; the page refuses them too.
    ...(can(access.role, "keys:read") ? [{ href: "/settings/api-keys", label: "API keys" }] : []),
    { href: "/settings/pricing", label: "Pricing" },
    { href: "/settings/channels", label: "Notification channels" },
  ];
  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader title="Settings" description={access.workspace.name} />
      <SettingsTabs tabs={tabs} />
      {children}
    </div>
  );
}
