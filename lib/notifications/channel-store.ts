import type { Database } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql";
import { ApiError } from "@/lib/http/errors";
import { addToOutbox } from "@/lib/outbox/add-to-outbox";
import type { AlertMessage } from "./alert-message";
import { channelSender, knownChannelTypes } from "./channel-types";
import { createChannelSchema, patchChannelSchema } from "./channel-schemas";
import type { AnyChannelSender } from "./channel-sender";
import { deliveryKindOf, notificationPayloadSchema } from "./notification-kind";
import { parseInput } from "./parse-input";
import { assertPublicTarget } from "./private-targets";
import { publicBaseUrl } from "./public-url";
import { newWebhookSecret, WEBHOOK_ROTATION_GRACE_HOURS } from "./channels/webhook";

/** A channel as the API shows it: public config only, the names of its secret keys, its last delivery. */
export type ChannelView = {
  id: number;
  name: string;
  type: string;
  config: Record<string, unknown>;
  secretKeys: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
  lastDelivery: { at: string; outcome: string; statusCode: number | null; error: string | null; attempt: number } | null;
};

type ChannelRow = {
  id: number;
  workspaceId: number;
  name: string;
  type: string;
  config: Record<string, unknown>;
  secretConfig: Record<string, unknown>;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = `c."id", c."workspace_id" AS "workspaceId", c."name", c."type", c."config", c."secret_config" AS "secretConfig",
  c."enabled", c."disabled_reason" AS "disabledReason", c."created_at" AS "createdAt", c."updated_at" AS "updatedAt"`;

export async function loadChannelRow(sql: SqlExecutor, id: number, workspaceId?: number): Promise<ChannelRow | undefined> {
  const rows = await sql.query<ChannelRow>(
    `SELECT ${COLUMNS} FROM "alert_channels" c WHERE c."id" = $1 AND ($2::int IS NULL OR c."workspace_id" = $2)`,
    [id, workspaceId ?? null],
  );
  return rows[0];
}

function senderOf(type: string, field = "type"): AnyChannelSender {
  const s = channelSender(type);
  if (!s) {
    throw new ApiError("invalid_body", `${field}: unknown channel type '${type}'; valid types: ${knownChannelTypes().join(", ")}`, [
      { path: field, code: "invalid_value", message: "unknown channel type" },
    ]);
  }
  return s;
}

/** Validates a full config with its sender, checks URL targets, and splits it into public and secret parts. */
async function splitConfig(sender: AnyChannelSender, config: unknown) {
  const parsed = parseInput(sender.configSchema, config, "config") as Record<string, unknown>;
  for (const [k, v] of Object.entries(parsed)) if (k === "url" && typeof v === "string") await assertPublicTarget(v, `config.${k}`);
  const pub: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) (sender.secretConfigKeys.includes(k) ? secret : pub)[k] = v;
  return { pub, secret };
}

async function view(sql: SqlExecutor, rows: ChannelRow[]): Promise<ChannelView[]> {
  if (rows.length === 0) return [];
  // The latest attempt of the latest message per channel (its payload names the channel).
  const last = await sql.query<{
    channelId: number;
    at: Date;
    outcome: string;
    statusCode: number | null;
    error: string | null;
    attempt: number;
  }>(
    `SELECT ch.id AS "channelId", d."started_at" AS "at", d."outcome", d."status_code" AS "statusCode", d."error", d."attempt"
       FROM unnest($1::int[], $2::text[]) AS ch(id, kind)
       JOIN LATERAL (
         SELECT o."id" FROM "outbox" o
          WHERE o."kind" = ch.kind AND o."workspace_id" = $3 AND (o."payload"->>'channelId')::int = ch.id
          ORDER BY o."created_at" DESC, o."id" DESC LIMIT 1) AS m ON true
       JOIN LATERAL (
         SELECT * FROM "outbox_deliveries" d WHERE d."outbox_id" = m."id" ORDER BY d."attempt" DESC LIMIT 1) AS d ON true`,
    [rows.map((r) => r.id), rows.map((r) => deliveryKindOf(r.type)), rows[0]!.workspaceId],
  );
  const byId = new Map(last.map((l) => [l.channelId, l]));
  return rows.map((r) => {
    const l = byId.get(r.id);
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      config: r.config,
      secretKeys: Object.keys(r.secretConfig).sort(),
      enabled: r.enabled,
      disabledReason: r.disabledReason,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
      lastDelivery: l
        ? { at: new Date(l.at).toISOString(), outcome: l.outcome, statusCode: l.statusCode, error: l.error, attempt: l.attempt }
        : null,
    };
  });
}

export async function listChannels(db: Pick<Database, "sql">, workspaceId: number): Promise<ChannelView[]> {
  const rows = await db.sql.query<ChannelRow>(`SELECT ${COLUMNS} FROM "alert_channels" c WHERE c."workspace_id" = $1 ORDER BY c."id"`, [
    workspaceId,
  ]);
  return view(db.sql, rows);
}

export async function getChannel(db: Pick<Database, "sql">, workspaceId: number, id: number): Promise<ChannelView> {
  const row = await loadChannelRow(db.sql, id, workspaceId);
  if (!row) throw new ApiError("not_found", `no alert channel ${id} in this workspace`);
  return (await view(db.sql, [row]))[0]!;
}

/**
 * Creates a channel. Returns it with `secrets`: what the server generated (a webhook's whsec_ signing
 * secret) — the only time it is ever returned. Secrets given in the config are stored, never returned.
 */
export async function createChannel(
  db: Pick<Database, "sql">,
  workspaceId: number,
  input: unknown,
): Promise<{ channel: ChannelView; secrets: Record<string, string> }> {
  const body = parseInput(createChannelSchema, input);
  const sender = senderOf(body.type);
  const { pub, secret } = await splitConfig(sender, body.config);
  const generated = sender.generateSecrets?.() ?? {};
  const [row] = await db.sql.query<{ id: number }>(
    `INSERT INTO "alert_channels" ("workspace_id", "name", "type", "config", "secret_config", "enabled")
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6) RETURNING "id"`,
    [workspaceId, body.name, sender.type, JSON.stringify(pub), JSON.stringify({ ...secret, ...generated }), body.enabled ?? true],
  );
  return { channel: await getChannel(db, workspaceId, row!.id), secrets: generated };
}

export async function patchChannel(db: Pick<Database, "sql">, workspaceId: number, id: number, input: unknown): Promise<ChannelView> {
  const body = parseInput(patchChannelSchema, input);
  const row = await loadChannelRow(db.sql, id, workspaceId);
  if (!row) throw new ApiError("not_found", `no alert channel ${id} in this workspace`);
  const sender = senderOf(row.type);
  let pub = row.config;
  let secret = row.secretConfig;
  if (body.config) {
    // Validate the merged config (secrets the user gave included); server-made secrets (signing keys) are kept as they are.
    const given = Object.fromEntries(Object.entries(secret).filter(([k]) => sender.secretConfigKeys.includes(k)));
    const made = Object.fromEntries(Object.entries(secret).filter(([k]) => !sender.secretConfigKeys.includes(k)));
    const split = await splitConfig(sender, { ...pub, ...given, ...body.config });
    pub = split.pub;
    secret = { ...made, ...split.secret };
  }
  await db.sql.query(
    `UPDATE "alert_channels" SET "name" = $3, "enabled" = $4, "config" = $5::jsonb, "secret_config" = $6::jsonb, "updated_at" = now(),
            "disabled_reason" = CASE WHEN $4 THEN NULL ELSE "disabled_reason" END
      WHERE "id" = $1 AND "workspace_id" = $2`,
    [id, workspaceId, body.name ?? row.name, body.enabled ?? row.enabled, JSON.stringify(pub), JSON.stringify(secret)],
  );
  return getChannel(db, workspaceId, id);
}

export async function deleteChannel(db: Pick<Database, "sql">, workspaceId: number, id: number): Promise<void> {
  const rows = await db.sql.query(`DELETE FROM "alert_channels" WHERE "id" = $1 AND "workspace_id" = $2 RETURNING "id"`, [id, workspaceId]);
  if (rows.length === 0) throw new ApiError("not_found", `no alert channel ${id} in this workspace`);
}

/**
 * Rotates a webhook channel's signing secret: the new one is returned once; the previous one keeps
 * signing alongside it for WEBHOOK_ROTATION_GRACE_HOURS, so receivers can switch without a gap.
 */
export async function rotateWebhookSecret(
  db: Pick<Database, "sql">,
  workspaceId: number,
  id: number,
  now = new Date(),
): Promise<{ secret: string; previousSecretUntil: string }> {
  const row = await loadChannelRow(db.sql, id, workspaceId);
  if (!row) throw new ApiError("not_found", `no alert channel ${id} in this workspace`);
  if (row.type !== "webhook")
    throw new ApiError("conflict", `channel ${id} is a ${row.type} channel; only webhook channels have a signing secret`);
  const secret = newWebhookSecret();
  const previousSecretUntil = new Date(now.getTime() + WEBHOOK_ROTATION_GRACE_HOURS * 3_600_000).toISOString();
  const next = { ...row.secretConfig, secret, previousSecret: row.secretConfig.secret, previousSecretUntil };
  await db.sql.query(`UPDATE "alert_channels" SET "secret_config" = $2::jsonb, "updated_at" = now() WHERE "id" = $1`, [
    id,
    JSON.stringify(next),
  ]);
  return { secret, previousSecretUntil };
}

/** Sends an `alert.test` message to the channel through the outbox (retries and delivery log included). */
export async function testChannel(db: Pick<Database, "sql">, workspaceId: number, id: number, now = new Date()) {
  const row = await loadChannelRow(db.sql, id, workspaceId);
  if (!row) throw new ApiError("not_found", `no alert channel ${id} in this workspace`);
  const [ws] = await db.sql.query<{ slug: string; name: string }>(`SELECT "slug", "name" FROM "workspaces" WHERE "id" = $1`, [workspaceId]);
  const at = now.toISOString();
  const message: AlertMessage = {
    type: "alert.test",
    occurredAt: at,
    workspace: { slug: ws!.slug, name: ws!.name },
    alert: {
      id: 0,
      ruleKind: "test",
      ruleId: 0,
      ruleName: `Test of channel '${row.name}'`,
      group: {},
      state: "firing",
      severity: "warning",
      measure: "error_rate",
      operator: "gt",
      value: "0.1",
      threshold: "0.05",
      window: "5m",
      startedAt: at,
      resolvedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      permalink: `${publicBaseUrl()}/alerts`,
      dedupKey: `unitscope-test-${workspaceId}-${id}`,
    },
  };
  const key = `test:ch${id}:${now.getTime()}`;
  const { id: outboxId } = await db.sql.transaction((tx) =>
    addToOutbox(
      tx,
      { kind: deliveryKindOf(row.type), schema: notificationPayloadSchema, maxAttempts: 3 },
      {
        key,
        workspaceId,
        payload: { channelId: id, message },
      },
    ),
  );
  return { outboxId, key };
}
