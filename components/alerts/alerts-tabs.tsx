import { SettingsTabs } from "@/components/settings/settings-tabs";

/** The Alerts section's two views: what is happening (alerts) and the rules that decide it (monitors). */
export function AlertsTabs() {
  return (
    <SettingsTabs
      label="Alerts"
      tabs={[
        { href: "/alerts", label: "Alerts", exact: true },
        { href: "/alerts/monitors", label: "Monitors" },
      ]}
    />
  );
}
