import { Badge } from "@/components/ui/badge";
import { formatCount, formatDateTime, formatDuration, formatRelative, formatUsd, formatUsdExact } from "@/lib/format/format";
import type { CardContext } from "@/lib/dashboards/card-context";
import { settle } from "@/lib/dashboards/settle";
import { listRecentEvents } from "@/lib/overview/list-recent-events";
import { CardError } from "./card-error";
import { DashboardCard } from "./dashboard-card";

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
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="table-recent-events">
          <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="px-5 py-2.5 font-medium">
                Time
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Provider / model
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Tenant · feature
              </th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">
                Tokens in / out
              </th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">
                Latency
              </th>
              <th scope="col" className="px-5 py-2.5 text-right font-medium">
                Cost
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {r.data.map((e) => (
              <tr key={`${e.eventId}-${e.ts.getTime()}`} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <td className="px-5 py-2.5 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <time dateTime={e.ts.toISOString()} title={formatDateTime(e.ts)}>
                    {formatRelative(e.ts)}
                  </time>
                </td>
                <td className="px-3 py-2.5">
                  <span className="text-zinc-500 dark:text-zinc-400">{e.provider}/</span>
                  <span className="font-medium">{e.model}</span>
                </td>
                <td className="px-3 py-2.5">
                  <Badge tone={e.status === "ok" ? "success" : e.status === "throttled" ? "warning" : "danger"}>{e.status}</Badge>
                </td>
                <td className="px-3 py-2.5 text-zinc-600 dark:text-zinc-400">{[e.tenant, e.feature].filter(Boolean).join(" · ") || "—"}</td>
                <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">
                  {formatCount(e.inputTokens)} / {formatCount(e.outputTokens)}
                </td>
                <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{formatDuration(e.latencyMs)}</td>
                <td className="px-5 py-2.5 text-right whitespace-nowrap tabular-nums" title={formatUsdExact(e.effectiveCostUsd)}>
                  {e.priced ? formatUsd(e.effectiveCostUsd) : <Badge tone="warning">unpriced</Badge>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DashboardCard>
  );
}
