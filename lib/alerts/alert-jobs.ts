import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { fanOut } from "@/lib/jobs/fan-out";
import { processPeriodOnce } from "@/lib/jobs/period-ledger";
import { evaluateMonitors } from "./evaluate-monitors";

/** Seconds between evaluations (UNITSCOPE_ALERT_EVAL_SECONDS, default 60; at least 10). */
export function evaluationSeconds(): number {
  const n = Number(process.env.UNITSCOPE_ALERT_EVAL_SECONDS ?? 60);
  return Number.isInteger(n) && n >= 10 ? n : 60;
}

const EVALUATE_QUEUE = "alerts.evaluate";

const periodSchema = z.object({
  workspaceId: z.number().int().positive(),
  period: z.string().min(1).max(64),
  dueAt: z.iso.datetime(),
  timeZone: z.string().min(1),
});

/**
 * One workspace's evaluation of one period (fan-out below). Not defineFanOutJob: its handler runs in
 * ONE transaction, and an evaluation runs a metrics query per monitor first, then commits each
 * monitor's changes in its own short transaction (a slow monitor must not hold the others' locks).
 * Each monitor is evaluated once per instant (its row's last_evaluated_at); the ledger row, written
 * after, stops later ticks of the same period from enqueuing it again.
 */
export const evaluateAlertsJob = defineJob({
  queue: EVALUATE_QUEUE,
  schema: periodSchema,
  retry: { maxAttempts: 2, backoffSeconds: 5 },
  handler: async (db: Database, data) => {
    await evaluateMonitors(db, data.workspaceId, new Date(data.dueAt));
    await processPeriodOnce(db, { workspaceId: data.workspaceId, job: EVALUATE_QUEUE, period: data.period }, async () => undefined);
  },
});

/** Every evaluation period: one evaluation job per workspace that has an enabled monitor. */
export const evaluateAlertsTick = defineJob({
  queue: `${EVALUATE_QUEUE}.fan-out`,
  schema: z.object({}),
  retry: { maxAttempts: 1, backoffSeconds: 0 },
  schedules: [{ name: `${EVALUATE_QUEUE}.fan-out`, everySeconds: evaluationSeconds(), data: {} }],
  handler: async (db) => {
    const workspaces = await db.sql.query<{ id: number; timeZone: string }>(
      `SELECT w."id", w."timezone" AS "timeZone" FROM "workspaces" w
        WHERE EXISTS (SELECT 1 FROM "monitors" m WHERE m."workspace_id" = w."id" AND m."enabled") ORDER BY w."id"`,
    );
    await fanOut(db.sql, EVALUATE_QUEUE, { everySeconds: evaluationSeconds() }, evaluateAlertsJob, workspaces, new Date());
  },
});

export const alertJobs = [evaluateAlertsTick, evaluateAlertsJob];
