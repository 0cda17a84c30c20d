import { formatAt } from "@/components/alerts/alert-format";
import { CardError } from "@/components/dashboards/card-error";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Tr } from "@/components/ui/table";
import { loadChannels } from "@/lib/alerts/load-alerts-ui";
import { settle } from "@/lib/dashboards/settle";
import { ChannelActions } from "./channel-actions";

/** Where a channel sends, from its public config only (secret keys are listed by name, never by value). */
function target(config: Record<string, unknown>, secretKeys: string[]): string {
  if (typeof config.url === "string") return config.url;
  if (Array.isArray(config.to)) return config.to.join(", ");
  return secretKeys.length ? `${secretKeys.join(", ")} (secret)` : "—";
}

export async function ChannelsSection({ workspaceId, canManage }: { workspaceId: number; canManage: boolean }) {
  const r = await settle("notification channels", loadChannels(workspaceId));
  if (!r.ok) return <CardError title="Notification channels" />;
  const channels = r.data;
  return (
    <Card aria-labelledby="channels-title">
      <CardHeader
        id="channels-title"
        title="Notification channels"
        description={
          canManage
            ? "Where monitors send their alerts."
            : "Where monitors send their alerts. Only owners, admins and engineers can change channels."
        }
      />
      <Table
        caption="Notification channels"
        testId="channels-table"
        empty="No channel yet: alerts are recorded but nobody is told."
        columns={[
          { label: "Name" },
          { label: "Type" },
          { label: "Target" },
          { label: "Status" },
          { label: "Last delivery" },
          ...(canManage ? [{ label: "Actions", srOnly: true, align: "right" as const }] : []),
        ]}
      >
        {channels.map((c) => (
          <Tr key={c.id} data-testid="channel-row">
            <Td className="font-medium">{c.name}</Td>
            <Td>{c.type}</Td>
            <Td className="max-w-64 font-mono text-xs break-all">{target(c.config, c.secretKeys)}</Td>
            <Td>
              {c.enabled ? (
                <Badge tone="success">enabled</Badge>
              ) : (
                <span className="flex flex-col items-start gap-1">
                  <Badge tone="danger">disabled</Badge>
                  {c.disabledReason ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{c.disabledReason}</span> : null}
                </span>
              )}
            </Td>
            <Td className="text-xs">
              {c.lastDelivery ? (
                <span className="flex flex-col items-start gap-1">
                  <Badge
                    tone={c.lastDelivery.outcome === "delivered" ? "success" : c.lastDelivery.outcome === "started" ? "neutral" : "danger"}
                  >
                    {c.lastDelivery.outcome}
                    {c.lastDelivery.statusCode ? ` ${c.lastDelivery.statusCode}` : ""}
                  </Badge>
                  <span className="text-zinc-500 dark:text-zinc-400">{formatAt(c.lastDelivery.at)}</span>
                  {c.lastDelivery.error ? <span className="text-red-700 dark:text-red-300">{c.lastDelivery.error}</span> : null}
                </span>
              ) : (
                <span className="text-zinc-500 dark:text-zinc-400">never</span>
              )}
            </Td>
            {canManage ? (
              <Td align="right">
                <ChannelActions id={c.id} name={c.name} />
              </Td>
            ) : null}
          </Tr>
        ))}
      </Table>
    </Card>
  );
}
