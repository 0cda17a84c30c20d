import { notFound } from "next/navigation";
import { CardError } from "@/components/dashboards/card-error";
import { loadChannels, loadMonitor } from "@/lib/alerts/load-alerts-ui";
import { defaultMonitorValues, monitorFormValues } from "@/lib/alerts/monitor-form-values";
import { settle } from "@/lib/dashboards/settle";
import { MonitorForm } from "./monitor-form";
import { DIMENSION_OPTIONS, MEASURE_OPTIONS } from "./monitor-options";

/** The monitor form with what it needs: the stored monitor (edit) and the workspace's channels. */
export async function MonitorEditorSection({
  workspaceId,
  monitorId,
  canManage,
}: {
  workspaceId: number;
  monitorId: number | null;
  canManage: boolean;
}) {
  const r = await settle(
    "monitor form",
    Promise.all([monitorId === null ? null : loadMonitor(workspaceId, monitorId), loadChannels(workspaceId)]),
  );
  if (!r.ok) return <CardError title="Monitor" />;
  const [monitor, channels] = r.data;
  if (monitorId !== null && monitor === null) notFound();
  return (
    <MonitorForm
      monitorId={monitorId}
      initial={monitor ? monitorFormValues(monitor) : defaultMonitorValues()}
      measures={MEASURE_OPTIONS}
      dimensions={DIMENSION_OPTIONS}
      channels={channels.map((c) => ({ id: c.id, name: c.name, type: c.type, enabled: c.enabled }))}
      canManage={canManage}
    />
  );
}
