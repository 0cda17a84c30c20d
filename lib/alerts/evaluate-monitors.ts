import type { Database } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";
import { applyOutcomes, type ApplySummary, type Channel, type GroupOutcome, type RuleRef } from "./apply-outcomes";
import { classify } from "./classify";
import { groupOf } from "./group-key";
import { listMonitors, type MonitorView } from "./monitor-store";
import { activeSilences } from "./silences";

export type MonitorEvaluation = ApplySummary & {
  monitorId: number;
  groups: number;
  skipped?: "already-evaluated";
  error?: string;
  ms: number;
};

export function ruleOf(m: MonitorView): RuleRef {
  return {
    kind: "monitor",
    id: m.id,
    name: m.name,
    measure: m.measure,
    operator: m.operator,
    window: m.window,
    alertThreshold: m.alertThreshold,
    warningThreshold: m.warningThreshold,
    policy: { forEvaluations: m.forEvaluations, renotifyMinutes: m.renotifyMinutes, noData: m.noData },
  };
}

/** The measures one evaluation asks for: the rule's, and requests (for the no-data and low-traffic guards). */
export function evaluationMeasures(measure: string): string[] {
  return measure === "requests" ? ["requests"] : [measure, "requests"];
}

/**
 * Evaluates one monitor at `now` over [now − window, now): ONE metrics query (the same engine as the
 * API, exact even while rollups lag) with the rule's groupBy as dimensions, then every group's outcome
 * is applied in one transaction with its history and outbox rows. Idempotent per instant: the monitor
 * row is locked and `last_evaluated_at` moves forward only, so a repeated job evaluates nothing twice.
 */
export async function evaluateMonitor(db: Database, m: MonitorView, now: Date, workspace: { id: number; slug: string; name: string }) {
  const started = performance.now();
  const empty = { transitions: 0, notifications: 0, suppressed: 0, groups: 0 };
  if (m.lastEvaluatedAt && Date.parse(m.lastEvaluatedAt) >= now.getTime()) {
    return { monitorId: m.id, ...empty, skipped: "already-evaluated" as const, ms: 0 };
  }
  const answer = await runMetricsQuery(db, workspace.id, {
    from: new Date(now.getTime() - m.windowSeconds * 1000).toISOString(),
    to: now.toISOString(),
    measures: evaluationMeasures(m.measure),
    dimensions: m.groupBy,
    filters: m.filters,
  });
  const outcomes: GroupOutcome[] = answer.rows.map((row) => {
    const value = row[m.measure] ?? null;
    return {
      group: groupOf(row, m.groupBy),
      value: value === null ? null : String(value),
      outcome: classify(value, Number(row.requests ?? 0), m),
    };
  });
  const summary = await withTransaction(db, async (tx) => {
    const [locked] = await tx.sql.query<{ last: Date | null }>(
      `SELECT "last_evaluated_at" AS "last" FROM "monitors" WHERE "id" = $1 AND "enabled" FOR UPDATE`,
      [m.id],
    );
    if (!locked || (locked.last && new Date(locked.last).getTime() >= now.getTime())) return null;
    const channels = await monitorChannels(tx.sql, m.id);
    const silences = await activeSilences(tx.sql, workspace.id, now);
    const applied = await applyOutcomes(tx, { workspace, channels, silences, now }, ruleOf(m), outcomes);
    await tx.sql.query(`UPDATE "monitors" SET "last_evaluated_at" = $2::timestamptz WHERE "id" = $1`, [m.id, now.toISOString()]);
    return applied;
  });
  const ms = performance.now() - started;
  if (!summary) return { monitorId: m.id, ...empty, skipped: "already-evaluated" as const, ms };
  return { monitorId: m.id, ...summary, groups: outcomes.length, ms };
}

/** The monitor's enabled channels (a channel disabled by a 410, or by hand, gets nothing). */
export async function monitorChannels(sql: SqlExecutor, monitorId: number): Promise<Channel[]> {
  return sql.query<Channel>(
    `SELECT c."id", c."type" FROM "monitor_channels" mc JOIN "alert_channels" c ON c."id" = mc."channel_id"
      WHERE mc."monitor_id" = $1 AND c."enabled" ORDER BY c."id"`,
    [monitorId],
  );
}

/**
 * Monitors evaluated at once on Postgres (UNITSCOPE_ALERT_EVAL_CONCURRENCY, default 4, 1–8; the pool
 * has 10 connections and each evaluation holds one at a time). Most of a monitor's time is waiting —
 * its query, then its transaction's commit — so a few at once shorten the cycle (bench:alerts) without
 * changing what each does: monitors share no rows, and each locks its own. PGlite has one connection: 1.
 */
export function evaluationConcurrency(db: Pick<Database, "sql">): number {
  if (db.sql.kind !== "postgres") return 1;
  const n = Number(process.env.UNITSCOPE_ALERT_EVAL_CONCURRENCY ?? 4);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : 4;
}

/**
 * Evaluates every enabled monitor of a workspace at `now` (the evaluation job calls this once per
 * period; bench:alerts and tests call it with their own clock), a few at a time on Postgres; results
 * in monitor order. A monitor whose query fails (e.g. a range the engine refuses) is reported and
 * skipped; the others still run.
 */
export async function evaluateMonitors(db: Database, workspaceId: number, now: Date): Promise<MonitorEvaluation[]> {
  const [workspace] = await db.sql.query<{ id: number; slug: string; name: string }>(
    `SELECT "id", "slug", "name" FROM "workspaces" WHERE "id" = $1`,
    [workspaceId],
  );
  if (!workspace) return [];
  const monitors = await listMonitors(db.sql, workspaceId, { enabledOnly: true });
  const results: MonitorEvaluation[] = new Array(monitors.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < monitors.length; i = next++) {
      const m = monitors[i]!;
      try {
        results[i] = await evaluateMonitor(db, m, now, workspace);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        console.error(`[alerts] monitor ${m.id} of workspace ${workspaceId} could not be evaluated: ${error}`);
        results[i] = { monitorId: m.id, transitions: 0, notifications: 0, suppressed: 0, groups: 0, error, ms: 0 };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(evaluationConcurrency(db), monitors.length) }, lane));
  return results;
}
