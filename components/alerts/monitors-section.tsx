import Link from "next/link";
import { CardError } from "@/components/dashboards/card-error";
import { EmptyState } from "@/components/dashboards/empty-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Tr } from "@/components/ui/table";
import { loadMonitorRows } from "@/lib/alerts/load-alerts-ui";
import { settle } from "@/lib/dashboards/settle";
import { formatAt } from "./alert-format";
import { measureLabel } from "./monitor-options";

const OP = { gt: ">", gte: "≥", lt: "<", lte: "≤" } as const;

export async function MonitorsSection({ workspaceId, canManage }: { workspaceId: number; canManage: boolean }) {
  const r = await settle("monitors", loadMonitorRows(workspaceId));
  if (!r.ok) return <CardError title="Monitors" />;
  const monitors = r.data;
  return (
    <Card aria-labelledby="monitors-title">
      <CardHeader id="monitors-title" title="Monitors" description="Rules over any measure, evaluated by the worker on a fixed cadence." />
      {monitors.length === 0 ? (
        <CardBody>
          <EmptyState title="No monitor yet" testId="monitors-empty">
            {canManage ? "Create one to be told when a measure crosses a threshold." : "Owners, admins and engineers can create monitors."}
          </EmptyState>
        </CardBody>
      ) : (
        <Table
          caption="Monitors"
          testId="monitors-table"
          columns={[
            { label: "Name" },
            { label: "Measure" },
            { label: "Condition" },
            { label: "Window" },
            { label: "Group by" },
            { label: "Enabled" },
            { label: "Last evaluated" },
            { label: "Open alerts", align: "right" },
          ]}
        >
          {monitors.map((m) => (
            <Tr key={m.id} data-testid="monitor-row">
              <Td>
                <Link href={`/alerts/monitors/${m.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                  {m.name}
                </Link>
              </Td>
              <Td>{measureLabel(m.measure)}</Td>
              <Td className="font-mono whitespace-nowrap">
                {OP[m.operator]} {m.alertThreshold}
                {m.warningThreshold !== null ? <span className="text-xs text-zinc-500"> (warn {m.warningThreshold})</span> : null}
              </Td>
              <Td>{m.window}</Td>
              <Td>{m.groupBy.length ? m.groupBy.join(", ") : "—"}</Td>
              <Td>{m.enabled ? <Badge tone="success">enabled</Badge> : <Badge>disabled</Badge>}</Td>
              <Td className="whitespace-nowrap">{formatAt(m.lastEvaluatedAt)}</Td>
              <Td align="right">
                {m.openAlerts > 0 ? (
                  <Link href={`/alerts?state=open&rule=${m.id}`} className="hover:underline">
                    <Badge tone="danger">{m.openAlerts}</Badge>
                  </Link>
                ) : (
                  "0"
                )}
              </Td>
            </Tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
