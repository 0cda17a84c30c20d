import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { ALERT_COLUMNS, alertPermalink, type AlertRow } from "./apply-outcomes";
import { activeSilences, silenceMatches } from "./silences";

/** GET /api/v1/alerts query: firing = open and notified (warning, firing, no_data); open adds pending. */
export const alertListQuerySchema = z.strictObject({
  state: z.enum(["firing", "open", "resolved", "all"]).default("firing"),
  ruleKind: z.enum(["monitor", "slo", "budget", "anomaly"]).optional(),
  ruleId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type AlertView = {
  id: number;
  ruleKind: string;
  ruleId: number;
  ruleName: string | null;
  group: Record<string, string>;
  state: string;
  severity: string;
  value: string | null;
  threshold: string;
  open: boolean;
  silenced: boolean;
  startedAt: string;
  resolvedAt: string | null;
  lastEvaluatedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  dedupKey: string;
  permalink: string;
};

type Row = AlertRow & { ruleName: string | null; lastEvaluatedAt: Date };

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function present(db: Pick<Database, "sql">, workspaceId: number, rows: Row[]): Promise<AlertView[]> {
  const now = new Date();
  const silences = rows.length ? await activeSilences(db.sql, workspaceId, now) : [];
  return rows.map((r) => ({
    id: r.id,
    ruleKind: r.ruleKind,
    ruleId: r.ruleId,
    ruleName: r.ruleName,
    group: r.group,
    state: r.state,
    severity: r.severity,
    value: r.value,
    threshold: r.threshold,
    open: r.open,
    silenced: r.open && silences.some((s) => silenceMatches(s, r.ruleKind, r.ruleId, r.group, now)),
    startedAt: iso(r.startedAt)!,
    resolvedAt: iso(r.resolvedAt),
    lastEvaluatedAt: iso(r.lastEvaluatedAt)!,
    acknowledgedAt: iso(r.acknowledgedAt),
    acknowledgedBy: r.acknowledgedBy,
    dedupKey: r.dedupKey,
    permalink: alertPermalink(r.id),
  }));
}

const SELECT = `SELECT ${ALERT_COLUMNS}, a."last_evaluated_at" AS "lastEvaluatedAt",
  CASE a."rule_kind" WHEN 'monitor' THEN (SELECT m."name" FROM "monitors" m WHERE m."id" = a."rule_id") END AS "ruleName"
  FROM "alerts" a`;

export async function listAlerts(db: Pick<Database, "sql">, workspaceId: number, q: z.output<typeof alertListQuerySchema>) {
  const state = {
    firing: `a."open" AND a."state" IN ('warning', 'firing', 'no_data')`,
    open: `a."open"`,
    resolved: `a."state" = 'resolved'`,
    all: "true",
  }[q.state];
  const rows = await db.sql.query<Row>(
    `${SELECT} WHERE a."workspace_id" = $1 AND ${state} AND ($2::text IS NULL OR a."rule_kind" = $2) AND ($3::int IS NULL OR a."rule_id" = $3)
      ORDER BY a."started_at" DESC, a."id" DESC LIMIT $4`,
    [workspaceId, q.ruleKind ?? null, q.ruleId ?? null, q.limit],
  );
  return present(db, workspaceId, rows);
}

export type TransitionView = {
  id: number;
  at: string;
  from: string;
  to: string;
  outcome: string;
  value: string | null;
  notification: string | null;
  suppressed: boolean;
  actor: string | null;
};

/** One alert with its timeline (every transition, renotification and acknowledgement). */
export async function getAlert(db: Pick<Database, "sql">, workspaceId: number, id: number) {
  const [row] = await db.sql.query<Row>(`${SELECT} WHERE a."workspace_id" = $1 AND a."id" = $2`, [workspaceId, id]);
  if (!row) throw new ApiError("not_found", `no alert ${id} in this workspace`);
  const [alert] = await present(db, workspaceId, [row]);
  const transitions = await db.sql.query<Omit<TransitionView, "at"> & { at: Date }>(
    `SELECT "id", "at", "from_state" AS "from", "to_state" AS "to", "outcome", "value", "notification", "suppressed", "actor"
       FROM "alert_transitions" WHERE "alert_id" = $1 ORDER BY "at", "id"`,
    [id],
  );
  return { alert: alert!, transitions: transitions.map((t) => ({ ...t, id: Number(t.id), at: new Date(t.at).toISOString() })) };
}

export type DeliveryView = {
  outboxId: number;
  key: string;
  event: string;
  transitionId: number | null;
  channelId: number;
  channelName: string | null;
  channelType: string;
  messageState: string;
  attempt: number;
  outcome: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  retryInSeconds: number | null;
  startedAt: string;
  finishedAt: string | null;
};

/**
 * Every delivery attempt of every notification of an alert: the outbox rows keyed `alert:<id>:…`
 * joined with their attempts (attempts cut short by a crash show as `started`, unfinished).
 */
export async function listAlertDeliveries(db: Pick<Database, "sql">, workspaceId: number, id: number): Promise<DeliveryView[]> {
  const [exists] = await db.sql.query(`SELECT 1 AS "x" FROM "alerts" WHERE "id" = $1 AND "workspace_id" = $2`, [id, workspaceId]);
  if (!exists) throw new ApiError("not_found", `no alert ${id} in this workspace`);
  const rows = await db.sql.query<
    Omit<DeliveryView, "startedAt" | "finishedAt" | "channelType"> & { kind: string; startedAt: Date; finishedAt: Date | null }
  >(
    `SELECT o."id" AS "outboxId", o."idempotency_key" AS "key", o."kind", o."payload"->'message'->>'type' AS "event",
            (o."payload"->>'channelId')::int AS "channelId", c."name" AS "channelName", o."state" AS "messageState",
            d."attempt", d."outcome", d."status_code" AS "statusCode", d."error", d."duration_ms" AS "durationMs",
            d."retry_in_seconds" AS "retryInSeconds", d."started_at" AS "startedAt", d."finished_at" AS "finishedAt"
       FROM "outbox" o
       JOIN "outbox_deliveries" d ON d."outbox_id" = o."id"
       LEFT JOIN "alert_channels" c ON c."id" = (o."payload"->>'channelId')::int
      WHERE o."workspace_id" = $1 AND o."idempotency_key" LIKE $2 AND o."kind" LIKE 'notifications.%'
      ORDER BY o."created_at", o."id", d."attempt"`,
    [workspaceId, `alert:${id}:%`],
  );
  return rows.map(({ kind, ...r }) => ({
    ...r,
    outboxId: Number(r.outboxId),
    transitionId: Number(r.key.split(":")[2]) || null,
    channelType: kind.slice("notifications.".length),
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  }));
}
