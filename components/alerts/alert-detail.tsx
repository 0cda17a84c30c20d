import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Tr } from "@/components/ui/table";
import { shortDecimal } from "@/lib/alerts/short-decimal";
import type { AlertView, DeliveryView, TransitionView } from "@/lib/alerts/alert-queries";
import { AlertActions } from "./alert-actions";
import { formatAt, GroupValues, SeverityBadge, ShortValue, StateBadge } from "./alert-format";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-sm text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

export function AlertSummaryCard({ alert, canManage }: { alert: AlertView; canManage: boolean }) {
  return (
    <Card aria-labelledby="alert-summary-title">
      <CardHeader
        id="alert-summary-title"
        title="Summary"
        actions={
          canManage && alert.open ? (
            <AlertActions
              alertId={alert.id}
              ruleKind={alert.ruleKind}
              ruleId={alert.ruleId}
              group={alert.group}
              acknowledged={alert.acknowledgedAt !== null}
              silenced={alert.silenced}
              label={alert.ruleName ?? `alert ${alert.id}`}
            />
          ) : null
        }
      />
      <CardBody>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Fact label="State">
            <span className="flex gap-1">
              <StateBadge state={alert.state} />
              {alert.silenced ? <Badge>silenced</Badge> : null}
            </span>
          </Fact>
          <Fact label="Severity">
            <SeverityBadge severity={alert.severity} />
          </Fact>
          <Fact label="Group">
            <GroupValues group={alert.group} />
          </Fact>
          <Fact label="Value / threshold">
            <span className="font-mono">
              <ShortValue value={alert.value} empty="no data" /> / {alert.threshold}
            </span>
          </Fact>
          <Fact label="Started">{formatAt(alert.startedAt)}</Fact>
          <Fact label="Resolved">{formatAt(alert.resolvedAt)}</Fact>
          <Fact label="Last evaluated">{formatAt(alert.lastEvaluatedAt)}</Fact>
          <Fact label="Acknowledged">
            {alert.acknowledgedAt ? `${formatAt(alert.acknowledgedAt)} by ${alert.acknowledgedBy ?? "someone"}` : "—"}
          </Fact>
        </dl>
      </CardBody>
    </Card>
  );
}

/** Every state change, renotification and acknowledgement, oldest first. */
export function AlertTimelineCard({ transitions }: { transitions: TransitionView[] }) {
  return (
    <Card aria-labelledby="timeline-title">
      <CardHeader id="timeline-title" title="Timeline" description="Each transition and the notification it sent." />
      <CardBody>
        {transitions.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No transition recorded yet.</p>
        ) : (
          <ol className="relative space-y-4 border-l border-zinc-200 pl-5 dark:border-zinc-800" data-testid="alert-timeline">
            {transitions.map((t) => (
              <li key={t.id} className="relative">
                <span
                  className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-brand-500 ring-4 ring-white dark:ring-zinc-900"
                  aria-hidden
                />
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-zinc-500 dark:text-zinc-400">{formatAt(t.at)}</span>
                  {t.outcome === "acknowledged" ? (
                    <span className="font-medium">acknowledged{t.actor ? ` by ${t.actor}` : ""}</span>
                  ) : (
                    <>
                      <StateBadge state={t.from} />
                      <span aria-label="to">→</span>
                      <StateBadge state={t.to} />
                    </>
                  )}
                </p>
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  outcome {t.outcome}
                  {t.value !== null ? `, value ${shortDecimal(t.value)}` : ""}
                  {t.notification ? `, sent ${t.notification}${t.suppressed ? " (suppressed by a silence)" : ""}` : ", no notification"}
                </p>
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

const OUTCOME_TONE = { delivered: "success", retry: "warning", failed: "danger", started: "neutral" } as const;

/** Every delivery attempt of every notification of the alert (the outbox's log). */
export function DeliveriesCard({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <Card aria-labelledby="deliveries-title">
      <CardHeader
        id="deliveries-title"
        title="Delivery attempts"
        description="Retries back off exponentially; a 4xx other than 408/425/429 fails at once."
      />
      <Table
        caption="Delivery attempts"
        testId="deliveries-table"
        empty="Nothing was sent for this alert (pending, silenced, or no channel on the monitor)."
        columns={[
          { label: "Event" },
          { label: "Channel" },
          { label: "Attempt", align: "right" },
          { label: "Outcome" },
          { label: "Status", align: "right" },
          { label: "Error" },
          { label: "Duration", align: "right" },
          { label: "Started" },
        ]}
      >
        {deliveries.map((d) => (
          <Tr key={`${d.outboxId}-${d.attempt}`}>
            <Td className="font-mono text-xs">{d.event}</Td>
            <Td>
              {d.channelName ?? `channel ${d.channelId}`} <span className="text-xs text-zinc-500">({d.channelType})</span>
            </Td>
            <Td align="right">{d.attempt}</Td>
            <Td>
              <Badge tone={OUTCOME_TONE[d.outcome as keyof typeof OUTCOME_TONE] ?? "neutral"}>{d.outcome}</Badge>
            </Td>
            <Td align="right">{d.statusCode ?? "—"}</Td>
            <Td className="max-w-72 text-xs break-words text-zinc-600 dark:text-zinc-400">{d.error ?? "—"}</Td>
            <Td align="right">{d.durationMs === null ? "—" : `${d.durationMs} ms`}</Td>
            <Td className="whitespace-nowrap">{formatAt(d.startedAt)}</Td>
          </Tr>
        ))}
      </Table>
    </Card>
  );
}
