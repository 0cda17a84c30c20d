import type { Database } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql";
import { ApiError } from "@/lib/http/errors";
import { parseInput } from "@/lib/notifications/parse-input";
import { formatWindow, monitorInputSchema, monitorPatchSchema, parseWindow, type MonitorInput, type Operator } from "./monitor-schema";
import type { NoDataPolicy } from "./transition";

/** A monitor as the API shows it (and as evaluation reads it). */
export type MonitorView = {
  id: number;
  workspaceId: number;
  name: string;
  enabled: boolean;
  measure: string;
  filters: Record<string, (string | null)[]>;
  groupBy: string[];
  window: string;
  windowSeconds: number;
  operator: Operator;
  alertThreshold: string;
  warningThreshold: string | null;
  minRequests: number;
  forEvaluations: number;
  noData: NoDataPolicy;
  renotifyMinutes: number;
  channelIds: number[];
  lastEvaluatedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

type Row = Omit<MonitorView, "window" | "lastEvaluatedAt" | "createdAt" | "updatedAt"> & {
  lastEvaluatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const SELECT = `SELECT m."id", m."workspace_id" AS "workspaceId", m."name", m."enabled", m."measure", m."filters", m."group_by" AS "groupBy",
  m."window_seconds" AS "windowSeconds", m."operator", m."alert_threshold"::text AS "alertThreshold",
  m."warning_threshold"::text AS "warningThreshold", m."min_requests" AS "minRequests", m."for_evaluations" AS "forEvaluations",
  m."no_data" AS "noData", m."renotify_minutes" AS "renotifyMinutes", m."last_evaluated_at" AS "lastEvaluatedAt",
  m."created_at" AS "createdAt", m."updated_at" AS "updatedAt",
  COALESCE((SELECT array_agg(mc."channel_id" ORDER BY mc."channel_id") FROM "monitor_channels" mc WHERE mc."monitor_id" = m."id"), '{}') AS "channelIds"
  FROM "monitors" m`;

function present(r: Row): MonitorView {
  return {
    ...r,
    window: formatWindow(r.windowSeconds),
    channelIds: (r.channelIds ?? []).map(Number),
    lastEvaluatedAt: r.lastEvaluatedAt ? new Date(r.lastEvaluatedAt).toISOString() : null,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

export async function listMonitors(sql: SqlExecutor, workspaceId: number, opts: { enabledOnly?: boolean } = {}): Promise<MonitorView[]> {
  const rows = await sql.query<Row>(`${SELECT} WHERE m."workspace_id" = $1 AND (NOT $2 OR m."enabled") ORDER BY m."id"`, [
    workspaceId,
    opts.enabledOnly ?? false,
  ]);
  return rows.map(present);
}

export async function findMonitor(sql: SqlExecutor, workspaceId: number, id: number): Promise<MonitorView | undefined> {
  const [row] = await sql.query<Row>(`${SELECT} WHERE m."workspace_id" = $1 AND m."id" = $2`, [workspaceId, id]);
  return row ? present(row) : undefined;
}

export async function getMonitor(sql: SqlExecutor, workspaceId: number, id: number): Promise<MonitorView> {
  const m = await findMonitor(sql, workspaceId, id);
  if (!m) throw new ApiError("not_found", `no monitor ${id} in this workspace`);
  return m;
}

async function assertChannels(tx: SqlExecutor, workspaceId: number, ids: number[]) {
  if (ids.length === 0) return;
  const found = await tx.query<{ id: number }>(`SELECT "id" FROM "alert_channels" WHERE "workspace_id" = $1 AND "id" = ANY($2::int[])`, [
    workspaceId,
    ids,
  ]);
  const have = new Set(found.map((r) => Number(r.id)));
  const i = ids.findIndex((id) => !have.has(id));
  if (i >= 0) {
    throw new ApiError("invalid_body", `channelIds.${i}: no alert channel ${ids[i]} in this workspace`, [
      { path: `channelIds.${i}`, code: "not_found", message: `no alert channel ${ids[i]} in this workspace` },
    ]);
  }
}

async function save(tx: SqlExecutor, workspaceId: number, m: MonitorInput, id: number | null): Promise<number> {
  await assertChannels(tx, workspaceId, m.channelIds);
  const values = [
    workspaceId,
    m.name,
    m.enabled,
    m.measure,
    JSON.stringify(m.filters),
    m.groupBy,
    parseWindow(m.window),
    m.operator,
    m.alertThreshold,
    m.warningThreshold,
    m.minRequests,
    m.forEvaluations,
    m.noData,
    m.renotifyMinutes,
  ];
  let monitorId: number;
  if (id === null) {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO "monitors" ("workspace_id", "name", "enabled", "measure", "filters", "group_by", "window_seconds", "operator",
         "alert_threshold", "warning_threshold", "min_requests", "for_evaluations", "no_data", "renotify_minutes")
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::text[], $7, $8, $9::numeric, $10::numeric, $11, $12, $13, $14) RETURNING "id"`,
      values,
    );
    monitorId = Number(row!.id);
  } else {
    await tx.query(
      `UPDATE "monitors" SET "name" = $2, "enabled" = $3, "measure" = $4, "filters" = $5::jsonb, "group_by" = $6::text[],
         "window_seconds" = $7, "operator" = $8, "alert_threshold" = $9::numeric, "warning_threshold" = $10::numeric,
         "min_requests" = $11, "for_evaluations" = $12, "no_data" = $13, "renotify_minutes" = $14, "updated_at" = now()
       WHERE "id" = $15 AND "workspace_id" = $1`,
      [...values, id],
    );
    monitorId = id;
    await tx.query(`DELETE FROM "monitor_channels" WHERE "monitor_id" = $1`, [monitorId]);
  }
  if (m.channelIds.length > 0) {
    await tx.query(`INSERT INTO "monitor_channels" ("monitor_id", "channel_id") SELECT $1, unnest($2::int[])`, [monitorId, m.channelIds]);
  }
  return monitorId;
}

export async function createMonitor(db: Pick<Database, "sql">, workspaceId: number, input: unknown): Promise<MonitorView> {
  const m = parseInput(monitorInputSchema, input);
  const id = await db.sql.transaction((tx) => save(tx, workspaceId, m, null));
  return getMonitor(db.sql, workspaceId, id);
}

/** A stored monitor as the input that would create it (for merging a patch, or previewing a saved rule). */
export function inputOf(m: MonitorView): Record<string, unknown> {
  return {
    name: m.name,
    enabled: m.enabled,
    measure: m.measure,
    filters: m.filters,
    groupBy: m.groupBy,
    window: m.window,
    operator: m.operator,
    alertThreshold: m.alertThreshold,
    warningThreshold: m.warningThreshold,
    minRequests: m.minRequests,
    forEvaluations: m.forEvaluations,
    noData: m.noData,
    renotifyMinutes: m.renotifyMinutes,
    channelIds: m.channelIds,
  };
}

/** Given fields replace the stored ones; the merged monitor is validated as a whole (400 names the field). */
export async function patchMonitor(db: Pick<Database, "sql">, workspaceId: number, id: number, input: unknown): Promise<MonitorView> {
  const patch = parseInput(monitorPatchSchema, input);
  const cur = await getMonitor(db.sql, workspaceId, id);
  const merged = parseInput(monitorInputSchema, {
    ...inputOf(cur),
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  });
  await db.sql.transaction((tx) => save(tx, workspaceId, merged, id));
  return getMonitor(db.sql, workspaceId, id);
}

/** Deletes the monitor and its alert history (alerts of a rule that no longer exists cannot be acted on). */
export async function deleteMonitor(db: Pick<Database, "sql">, workspaceId: number, id: number): Promise<void> {
  await db.sql.transaction(async (tx) => {
    const rows = await tx.query(`DELETE FROM "monitors" WHERE "id" = $1 AND "workspace_id" = $2 RETURNING "id"`, [id, workspaceId]);
    if (rows.length === 0) throw new ApiError("not_found", `no monitor ${id} in this workspace`);
    await tx.query(`DELETE FROM "alerts" WHERE "rule_kind" = 'monitor' AND "rule_id" = $1 AND "workspace_id" = $2`, [id, workspaceId]);
  });
}
