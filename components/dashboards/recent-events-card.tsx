import { Badge } from "@/components/ui/badge";
import { Table, Td, Tr, type TableHeading } from "@/components/ui/table";
import { formatCount, formatDateTime, formatDuration, formatRelative, formatUsd, formatUsdExact } from "@/lib/format/format";
import type { CardContext } from "@/lib/dashboards/card-context";
import { settle } from "@/lib/dashboards/settle";
import { listRecentEvents } from "@/lib/overview/list-recent-events";
import { CardError } from "./card-error";
import { DashboardCard } from "./dashboard-card";

const COLUMNS: readonly TableHeading[] = [
  { label: "Time" },
  { label: "Provider / model" },
  { label: "Status" },
  { label: "Tenant · feature" },
  { label: "Tokens in / out", align: "right" },
  { label: "Latency", align: "right" },
  { label: "Cost", align: "right" },
];

/** The newest model calls received (not range-bound): proof that data is flowing. */
export async function RecentEventsCard({ c }: { c: CardContext }) {
  const r = await settle("latest events", listRecentEvents(c.db.prisma, c.ctx));
  if (!r.ok) return <CardError title="Latest events" />;
  return (
    <DashboardCard
      id="recent-events"
      title="Latest events"
      description="The most recent model calls received, newest first (whatever the range and filters)."
    >
      <Table columns={COLUMNS} caption="Latest events" testId="table-recent-events" empty="No events yet.">
        {r.data.map((e) => (
          <Tr key={`${e.eventId}-${e.ts.getTime()}`}>
            <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              <time dateTime={e.ts.toISOString()} title={formatDateTime(e.ts)}>
                {formatRelative(e.ts)}
              </time>
            </Td>
            <Td>
              <span className="text-zinc-500 dark:text-zinc-400">{e.provider}/</span>
              <span className="font-medium">{e.model}</span>
            </Td>
            <Td>
              <Badge tone={e.status === "ok" ? "success" : e.status === "throttled" ? "warning" : "danger"}>{e.status}</Badge>
            </Td>
            <Td className="text-zinc-600 dark:text-zinc-400">{[e.tenant, e.feature].filter(Boolean).join(" · ") || "—"}</Td>
            <Td align="right" className="whitespace-nowrap">
              {formatCount(e.inputTokens)} / {formatCount(e.outputTokens)}
            </Td>
            <Td align="right" className="whitespace-nowrap">
              {formatDuration(e.latencyMs)}
            </Td>
            <Td align="right" className="whitespace-nowrap" title={formatUsdExact(e.effectiveCostUsd)}>
              {e.priced ? formatUsd(e.effectiveCostUsd) : <Badge tone="warning">unpriced</Badge>}
            </Td>
          </Tr>
        ))}
      </Table>
    </DashboardCard>
  );
}
