import { notFound } from "next/navigation";
import { CardError } from "@/components/dashboards/card-error";
import { loadAlertDetail } from "@/lib/alerts/load-alerts-ui";
import { settle } from "@/lib/dashboards/settle";
import { AlertSummaryCard, AlertTimelineCard, DeliveriesCard } from "./alert-detail";

/** One alert: summary, timeline and delivery log (a missing alert is a 404 page). */
export async function AlertDetailSection({ workspaceId, id, canManage }: { workspaceId: number; id: number; canManage: boolean }) {
  const r = await settle("alert detail", loadAlertDetail(workspaceId, id));
  if (!r.ok) return <CardError title="Alert" />;
  if (r.data === null) notFound();
  const { alert, transitions, deliveries } = r.data;
  return (
    <div className="space-y-6">
      <h2 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">{alert.ruleName ?? `${alert.ruleKind} ${alert.ruleId}`}</h2>
      <AlertSummaryCard alert={alert} canManage={canManage} />
      <AlertTimelineCard transitions={transitions} />
      <DeliveriesCard deliveries={deliveries} />
    </div>
  );
}
