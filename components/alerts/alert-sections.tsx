import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Tr } from "@/components/ui/table";
import { CardError } from "@/components/dashboards/card-error";
import { EmptyState } from "@/components/dashboards/empty-state";
import { settle } from "@/lib/dashboards/settle";
import { HISTORY_STATES, type HistoryFilters } from "@/lib/alerts/history-filters";
import { loadAlertHistory, loadFiringAlerts, loadMonitorNames } from "@/lib/alerts/load-alerts-ui";
import { buttonClass } from "@/components/ui/button";
import { AlertActions } from "./alert-actions";
import { formatAt, GroupValues, SeverityBadge, ShortValue, StateBadge } from "./alert-format";

const ruleLabel = (a: { ruleName: string | null; ruleKind: string; ruleId: number }) => a.ruleName ?? `${a.ruleKind} ${a.ruleId}`;

/** Open alerts that were announced (warning, firing, no data), newest first, with Ack and Silence. */
export async function FiringAlertsSection({ workspaceId, canManage }: { workspaceId: number; canManage: boolean }) {
  const r = await settle("firing alerts", loadFiringAlerts(workspaceId));
  if (!r.ok) return <CardError title="Firing now" />;
  const alerts = r.data;
  return (
    <Card aria-labelledby="firing-title" data-testid="firing-alerts">
      <CardHeader
        id="firing-title"
        title="Firing now"
        description={alerts.length ? `${alerts.length} open alert${alerts.length === 1 ? "" : "s"}.` : undefined}
      />
      {alerts.length === 0 ? (
        <CardBody>
          <EmptyState title="Nothing is firing" testId="firing-empty">
            Every monitor&apos;s condition is false right now. Alerts appear here the moment one fires.
          </EmptyState>
        </CardBody>
      ) : (
        <Table
          caption="Firing alerts"
          columns={[
            { label: "Alert" },
            { label: "Severity" },
            { label: "Group" },
            { label: "Value", align: "right" },
            { label: "Threshold", align: "right" },
            { label: "Started" },
            { label: "Status" },
            ...(canManage ? [{ label: "Actions", srOnly: true, align: "right" as const }] : []),
          ]}
        >
          {alerts.map((a) => (
            <Tr key={a.id} data-testid="firing-alert-row">
              <Td>
                <Link href={`/alerts/${a.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                  {ruleLabel(a)}
                </Link>
              </Td>
              <Td>
                <SeverityBadge severity={a.severity} />
              </Td>
              <Td>
                <GroupValues group={a.group} />
              </Td>
              <Td align="right" className="font-mono">
                <ShortValue value={a.value} empty="no data" />
              </Td>
              <Td align="right" className="font-mono">
                {a.threshold}
              </Td>
              <Td className="whitespace-nowrap">{formatAt(a.startedAt)}</Td>
              <Td>
                <div className="flex flex-col items-start gap-1">
                  <StateBadge state={a.state} />
                  {a.acknowledgedAt ? (
                    <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="acknowledged-by">
                      acknowledged by {a.acknowledgedBy ?? "someone"}
                    </span>
                  ) : null}
                  {a.silenced ? <Badge>silenced</Badge> : null}
                </div>
              </Td>
              {canManage ? (
                <Td align="right">
                  <AlertActions
                    alertId={a.id}
                    ruleKind={a.ruleKind}
                    ruleId={a.ruleId}
                    group={a.group}
                    acknowledged={a.acknowledgedAt !== null}
                    silenced={a.silenced}
                    label={ruleLabel(a)}
                  />
                </Td>
              ) : null}
            </Tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

const STATE_LABEL: Record<(typeof HISTORY_STATES)[number], string> = { all: "All states", open: "Open", resolved: "Resolved" };

/** Every episode (open and closed), filtered by state and rule through the URL (a plain GET form: works without JS). */
export async function AlertHistorySection({ workspaceId, filters }: { workspaceId: number; filters: HistoryFilters }) {
  const r = await settle("alert history", Promise.all([loadAlertHistory(workspaceId, filters), loadMonitorNames(workspaceId)]));
  if (!r.ok) return <CardError title="History" />;
  const [alerts, monitors] = r.data;
  const select = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";
  return (
    <Card aria-labelledby="history-title" data-testid="alert-history">
      <CardHeader
        id="history-title"
        title="History"
        description="Every alert episode, newest first (up to 200)."
        actions={
          <form method="get" action="/alerts" className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor="history-state">
              State
            </label>
            <select id="history-state" name="state" defaultValue={filters.state} className={select}>
              {HISTORY_STATES.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABEL[s]}
                </option>
              ))}
            </select>
            <label className="sr-only" htmlFor="history-rule">
              Rule
            </label>
            <select id="history-rule" name="rule" defaultValue={filters.ruleId ?? ""} className={select}>
              <option value="">All monitors</option>
              {monitors.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            <button type="submit" className={buttonClass("secondary", "sm")}>
              Filter
            </button>
          </form>
        }
      />
      <Table
        caption="Alert history"
        empty="No alert matches these filters yet."
        columns={[
          { label: "Alert" },
          { label: "State" },
          { label: "Severity" },
          { label: "Group" },
          { label: "Value", align: "right" },
          { label: "Started" },
          { label: "Resolved" },
        ]}
      >
        {alerts.map((a) => (
          <Tr key={a.id}>
            <Td>
              <Link href={`/alerts/${a.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {ruleLabel(a)}
              </Link>
            </Td>
            <Td>
              <StateBadge state={a.state} />
            </Td>
            <Td>
              <SeverityBadge severity={a.severity} />
            </Td>
            <Td>
              <GroupValues group={a.group} />
            </Td>
            <Td align="right" className="font-mono">
              <ShortValue value={a.value} />
            </Td>
            <Td className="whitespace-nowrap">{formatAt(a.startedAt)}</Td>
            <Td className="whitespace-nowrap">{formatAt(a.resolvedAt)}</Td>
          </Tr>
        ))}
      </Table>
    </Card>
  );
}
