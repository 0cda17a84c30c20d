import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql";
import { ApiError } from "@/lib/http/errors";
import { parseInput } from "@/lib/notifications/parse-input";
import type { Group } from "./group-key";

export type Silence = {
  id: number;
  ruleKind: string | null;
  ruleId: number | null;
  group: Group;
  until: string;
  comment: string | null;
  createdBy: string | null;
  createdAt: string;
};

/** POST /api/v1/silences: every given matcher must match (rule, each group value); `until` in the future. */
export const silenceInputSchema = z
  .strictObject({
    ruleKind: z.enum(["monitor", "slo", "budget", "anomaly"]).optional(),
    ruleId: z.number().int().positive().optional(),
    group: z.record(z.string().min(1).max(100), z.string().max(500)).default({}),
    until: z.iso.datetime({ offset: true, error: "must be an RFC 3339 date-time with a zone" }),
    comment: z.string().max(1000).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.ruleId !== undefined && s.ruleKind === undefined)
      ctx.addIssue({ code: "custom", path: ["ruleKind"], message: "is required with ruleId" });
    if (s.ruleId === undefined && Object.keys(s.group).length === 0)
      ctx.addIssue({ code: "custom", path: ["ruleId"], message: "a silence needs a rule or at least one group matcher" });
  });

/** True when the silence covers this alert at `now`. */
export function silenceMatches(
  s: Pick<Silence, "ruleKind" | "ruleId" | "group" | "until">,
  ruleKind: string,
  ruleId: number,
  group: Group,
  now: Date,
) {
  if (Date.parse(s.until) <= now.getTime()) return false;
  if (s.ruleKind !== null && s.ruleKind !== ruleKind) return false;
  if (s.ruleId !== null && s.ruleId !== ruleId) return false;
  return Object.entries(s.group).every(([k, v]) => group[k] === v);
}

type SilenceRow = Omit<Silence, "until" | "createdAt"> & { until: Date; createdAt: Date };

const SELECT = `SELECT "id", "rule_kind" AS "ruleKind", "rule_id" AS "ruleId", "group", "until", "comment", "created_by" AS "createdBy",
  "created_at" AS "createdAt" FROM "alert_silences"`;

function present(r: SilenceRow): Silence {
  return { ...r, until: new Date(r.until).toISOString(), createdAt: new Date(r.createdAt).toISOString() };
}

/** Silences in force at `now` (the ones evaluation and ack consult). */
export async function activeSilences(sql: SqlExecutor, workspaceId: number, now: Date): Promise<Silence[]> {
  const rows = await sql.query<SilenceRow>(`${SELECT} WHERE "workspace_id" = $1 AND "until" > $2::timestamptz ORDER BY "id"`, [
    workspaceId,
    now.toISOString(),
  ]);
  return rows.map(present);
}

export async function listSilences(db: Pick<Database, "sql">, workspaceId: number, opts: { includeExpired?: boolean } = {}) {
  const rows = await db.sql.query<SilenceRow>(
    `${SELECT} WHERE "workspace_id" = $1 AND ($2 OR "until" > now()) ORDER BY "until" DESC, "id" DESC LIMIT 500`,
    [workspaceId, opts.includeExpired ?? false],
  );
  return rows.map(present);
}

export async function createSilence(
  db: Pick<Database, "sql">,
  workspaceId: number,
  input: unknown,
  createdBy: string | null,
  now = new Date(),
) {
  const s = parseInput(silenceInputSchema, input);
  if (Date.parse(s.until) <= now.getTime()) {
    throw new ApiError("invalid_body", "until: must be in the future", [
      { path: "until", code: "custom", message: "must be in the future" },
    ]);
  }
  const [row] = await db.sql.query<SilenceRow>(
    `INSERT INTO "alert_silences" ("workspace_id", "rule_kind", "rule_id", "group", "until", "comment", "created_by")
     VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $6, $7)
     RETURNING "id", "rule_kind" AS "ruleKind", "rule_id" AS "ruleId", "group", "until", "comment", "created_by" AS "createdBy", "created_at" AS "createdAt"`,
    [workspaceId, s.ruleKind ?? null, s.ruleId ?? null, JSON.stringify(s.group), s.until, s.comment ?? null, createdBy],
  );
  return present(row!);
}

/** Ends a silence (deletes it): notifications of matching alerts resume at their next change or renotify. */
export async function deleteSilence(db: Pick<Database, "sql">, workspaceId: number, id: number) {
  const rows = await db.sql.query(`DELETE FROM "alert_silences" WHERE "id" = $1 AND "workspace_id" = $2 RETURNING "id"`, [id, workspaceId]);
  if (rows.length === 0) throw new ApiError("not_found", `no silence ${id} in this workspace`);
}
