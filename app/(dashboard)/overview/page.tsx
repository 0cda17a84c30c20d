import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatCount, formatDateTime, formatDuration, formatRelative, formatUsd, formatUsdExact } from "@/components/ui/format";
import { loadDashboardContext } from "@/components/shell/dashboard-context";
import { DashboardPage } from "@/components/shell/dashboard-page";
import { RangeSummary } from "@/components/shell/range-summary";
import { listRecentEvents } from "@/lib/overview/list-recent-events";

export const metadata: Metadata = { title: "Overview" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const context = await loadDashboardContext(searchParams);
  const error = (await searchParams).error;
  const recent = context.snapshot.hasEvents ? await listRecentEvents(context.prisma, context.ctx) : [];
  return (
    <>
      {error === "forbidden" ? (
        <div className="mx-auto mb-6 max-w-7xl">
          <Alert tone="warning" title="You don't have access to that page">
            Your role in this workspace ({context.access.role}) does not allow it. Ask a workspace owner or admin if you need access.
          </Alert>
        </div>
      ) : null}
      <DashboardPage title="Overview" description="Spend and reliability of every model call in this workspace, at a glance." context={context}>
        <RangeSummary snapshot={context.snapshot} range={context.range} />
        <Card aria-labelledby="recent-events-title">
          <CardHeader id="recent-events-title" title="Latest events" description="The most recent model calls received, newest first." />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
                <tr className="border-b border-zinc-200 dark:border-zinc-800">
                  <th scope="col" className="px-5 py-2.5 font-medium">Time</th>
                  <th scope="col" className="px-3 py-2.5 font-medium">Provider / model</th>
                  <th scope="col" className="px-3 py-2.5 font-medium">Status</th>
                  <th scope="col" className="px-3 py-2.5 font-medium">Tenant · feature</th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium">Tokens in / out</th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium">Latency</th>
                  <th scope="col" className="px-5 py-2.5 text-right font-medium">Cost</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {recent.map((e) => (
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
        </Card>
      </DashboardPage>
    </>
  );
}
