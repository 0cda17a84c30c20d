import type { Tx } from "@/lib/db/transaction";
import { addToOutbox } from "@/lib/outbox/add-to-outbox";
import type { AlertMessage } from "@/lib/notifications/alert-message";
import { deliveryKindOf, notificationPayloadSchema } from "@/lib/notifications/notification-kind";
import { publicBaseUrl } from "@/lib/notifications/public-url";
import { dedupKey, groupKey, type Group } from "./group-key";
import type { Operator } from "./monitor-schema";
import { silenceMatches, type Silence } from "./silences";
import { transition, type AlertSnapshot, type AlertState, type Outcome, type RulePolicy, type Severity } from "./transition";

/** Any rule the engine evaluates (monitors now; SLOs, budgets, anomalies later) as the engine sees it. */
export type RuleRef = {
  kind: "monitor" | "slo" | "budget" | "anomaly";
  id: number;
  name: string;
  measure: string;
  operator: Operator;
  window: string;
  alertThreshold: string;
  warningThreshold: string | null;
  policy: RulePolicy;
};

export type GroupOutcome = { group: Group; outcome: Outcome; value: string | null };
export type Channel = { id: number; type: string };
export type EngineContext = { workspace: { id: number; slug: string; name: string }; channels: Channel[]; silences: Silence[]; now: Date };
export type ApplySummary = { transitions: number; notifications: number; suppressed: number };

export type AlertRow = {
  id: number;
  ruleKind: string;
  ruleId: number;
  groupKey: string;
  group: Group;
  state: AlertState;
  severity: Severity;
  value: string | null;
  threshold: string;
  streak: number;
  open: boolean;
  dedupKey: string;
  startedAt: Date;
  resolvedAt: Date | null;
  lastNotifiedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
};

export const ALERT_COLUMNS = `a."id", a."rule_kind" AS "ruleKind", a."rule_id" AS "ruleId", a."group_key" AS "groupKey", a."group", a."state",
  a."severity", a."value", a."threshold", a."streak", a."open", a."dedup_key" AS "dedupKey", a."started_at" AS "startedAt",
  a."resolved_at" AS "resolvedAt", a."last_notified_at" AS "lastNotifiedAt", a."acknowledged_at" AS "acknowledgedAt",
  a."acknowledged_by" AS "acknowledgedBy"`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function alertPermalink(alertId: number): string {
  return `${publicBaseUrl()}/alerts/${alertId}`;
}

/** The one message every channel renders, built from the alert as committed in this transaction. */
export function buildMessage(type: AlertMessage["type"], ctx: EngineContext, rule: RuleRef, a: AlertRow): AlertMessage {
  return {
    type,
    occurredAt: ctx.now.toISOString(),
    workspace: { slug: ctx.workspace.slug, name: ctx.workspace.name },
    alert: {
      id: a.id,
      ruleKind: rule.kind,
      ruleId: rule.id,
      ruleName: rule.name,
      group: a.group,
      state: a.state,
      severity: a.severity,
      measure: rule.measure,
      operator: rule.operator,
      value: a.value,
      threshold: a.threshold,
      window: rule.window,
      startedAt: iso(a.startedAt)!,
      resolvedAt: iso(a.resolvedAt),
      acknowledgedAt: iso(a.acknowledgedAt),
      acknowledgedBy: a.acknowledgedBy,
      permalink: alertPermalink(a.id),
      dedupKey: a.dedupKey,
    },
  };
}

/**
 * Writes one outbox row per channel for a notification, in the caller's transaction. The key names
 * the cause (alert, transition, channel): a retried evaluation can never send it twice.
 */
export async function enqueueNotification(tx: Tx, ctx: EngineContext, transitionId: number, message: AlertMessage): Promise<number> {
  let n = 0;
  for (const ch of ctx.channels) {
    const { created } = await addToOutbox(
      tx.sql,
      { kind: deliveryKindOf(ch.type), schema: notificationPayloadSchema, maxAttempts: 8 },
      {
        key: `alert:${message.alert.id}:${transitionId}:ch${ch.id}`,
        workspaceId: ctx.workspace.id,
        payload: { channelId: ch.id, message },
      },
    );
    if (created) n++;
  }
  return n;
}

export async function recordTransition(
  tx: Tx,
  t: {
    alertId: number;
    at: Date;
    from: string;
    to: string;
    outcome: string;
    value: string | null;
    notification: string | null;
    suppressed: boolean;
    actor?: string | null;
  },
): Promise<number> {
  const [row] = await tx.sql.query<{ id: number }>(
    `INSERT INTO "alert_transitions" ("alert_id", "at", "from_state", "to_state", "outcome", "value", "notification", "suppressed", "actor")
     VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9) RETURNING "id"`,
    [t.alertId, t.at.toISOString(), t.from, t.to, t.outcome, t.value, t.notification, t.suppressed, t.actor ?? null],
  );
  return Number(row!.id);
}

const INACTIVE: AlertSnapshot = { state: "ok", severity: "critical", streak: 0, acknowledged: false, lastNotifiedAt: null };

/**
 * Applies one evaluation of a rule to its alerts, inside the caller's transaction: for every group the
 * transition function decides; the alert row, its history row and its outbox rows (one per channel,
 * none when silenced) are written together. Open alerts of groups absent from `outcomes` get `no-data`.
 */
export async function applyOutcomes(tx: Tx, ctx: EngineContext, rule: RuleRef, outcomes: GroupOutcome[]): Promise<ApplySummary> {
  const summary: ApplySummary = { transitions: 0, notifications: 0, suppressed: 0 };
  const open = await tx.sql.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM "alerts" a WHERE a."rule_kind" = $1 AND a."rule_id" = $2 AND a."open" ORDER BY a."id" FOR UPDATE`,
    [rule.kind, rule.id],
  );
  const byKey = new Map(open.map((a) => [a.groupKey, a]));
  const todo = outcomes.map((o) => ({ ...o, key: groupKey(o.group) }));
  const seen = new Set(todo.map((o) => o.key));
  for (const a of open) if (!seen.has(a.groupKey)) todo.push({ group: a.group, outcome: "no-data", value: null, key: a.groupKey });

  for (const o of todo) {
    const cur = byKey.get(o.key);
    const snapshot: AlertSnapshot = cur
      ? {
          state: cur.state,
          severity: cur.severity,
          streak: cur.streak,
          acknowledged: cur.acknowledgedAt !== null,
          lastNotifiedAt: cur.lastNotifiedAt ? new Date(cur.lastNotifiedAt).getTime() : null,
        }
      : INACTIVE;
    const silenced = ctx.silences.some((s) => silenceMatches(s, rule.kind, rule.id, o.group, ctx.now));
    const r = transition(snapshot, o.outcome, rule.policy, ctx.now.getTime(), silenced);
    if (!cur && !r.opens) continue; // ok → ok: nothing to store, nothing to say
    const threshold = r.severity === "warning" ? (rule.warningThreshold ?? rule.alertThreshold) : rule.alertThreshold;
    const value = o.value ?? cur?.value ?? null;
    const lastNotified = r.lastNotifiedAt === null ? null : new Date(r.lastNotifiedAt).toISOString();
    let row: AlertRow;
    if (!cur) {
      [row] = (await tx.sql.query<AlertRow>(
        `INSERT INTO "alerts" AS a ("workspace_id", "rule_kind", "rule_id", "group_key", "group", "state", "severity", "value", "threshold",
           "streak", "open", "dedup_key", "started_at", "last_evaluated_at", "last_notified_at")
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, true, $11, $12::timestamptz, $12::timestamptz, $13::timestamptz)
         RETURNING ${ALERT_COLUMNS}`,
        [
          ctx.workspace.id,
          rule.kind,
          rule.id,
          o.key,
          JSON.stringify(o.group),
          r.state,
          r.severity,
          value,
          threshold,
          r.streak,
          dedupKey(ctx.workspace.id, rule.kind, rule.id, o.key),
          ctx.now.toISOString(),
          lastNotified,
        ],
      )) as [AlertRow];
    } else {
      [row] = (await tx.sql.query<AlertRow>(
        `UPDATE "alerts" AS a SET "state" = $2, "severity" = $3, "value" = $4, "threshold" = $5, "streak" = $6, "open" = $7,
           "resolved_at" = CASE WHEN $7 THEN NULL ELSE $8::timestamptz END, "last_evaluated_at" = $8::timestamptz,
           "last_notified_at" = $9::timestamptz
         WHERE a."id" = $1 RETURNING ${ALERT_COLUMNS}`,
        [cur.id, r.state, r.severity, value, threshold, r.streak, !r.closes, ctx.now.toISOString(), lastNotified],
      )) as [AlertRow];
    }
    if (!r.changed && !r.notification) continue;
    const transitionId = await recordTransition(tx, {
      alertId: row.id,
      at: ctx.now,
      from: snapshot.state,
      to: r.state,
      outcome: o.outcome,
      value,
      notification: r.notification,
      suppressed: r.suppressed,
    });
    summary.transitions++;
    if (r.notification && r.suppressed) summary.suppressed++;
    if (r.notification && !r.suppressed) {
      summary.notifications += await enqueueNotification(tx, ctx, transitionId, buildMessage(r.notification, ctx, rule, row));
    }
  }
  return summary;
}
