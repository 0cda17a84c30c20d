import { z } from "zod";
import type { SqlExecutor } from "@/lib/db/sql";
import { defineJob } from "../define-job";
import { LEDGER_RETENTION_DAYS } from "../period-ledger";

/** Finished jobs kept this long: completed ones are only history, failures are worth a closer look. */
export const COMPLETED_RETENTION_DAYS = 7;
export const FAILED_RETENTION_DAYS = 30;

export async function pruneFinishedJobs(sql: SqlExecutor): Promise<number> {
  const [row] = await sql.query<{ deleted: number }>(
    `WITH gone AS (
       DELETE FROM "jobs"
        WHERE ("state" = 'completed' AND "finished_at" < now() - $1 * interval '1 day')
           OR ("state" IN ('failed', 'cancelled') AND "finished_at" < now() - $2 * interval '1 day')
        RETURNING 1
     )
     SELECT count(*)::int AS deleted FROM gone`,
    [COMPLETED_RETENTION_DAYS, FAILED_RETENTION_DAYS],
  );
  return row?.deleted ?? 0;
}

/** Rollup refreshes alone enqueue thousands of small jobs a day; keep the table small (and the period ledger). */
export const pruneJobsJob = defineJob({
  queue: "maintenance.prune-jobs",
  schema: z.object({}),
  retry: { maxAttempts: 2, backoffSeconds: 60 },
  schedules: [{ name: "maintenance.prune-jobs.daily", everySeconds: 86_400, data: {} }],
  handler: async (db, _data, ctx) => {
    await ctx.progress(0, 1);
    await pruneFinishedJobs(db.sql);
    await db.sql.query(`DELETE FROM "job_period_ledger" WHERE "processed_at" < now() - $1 * interval '1 day'`, [LEDGER_RETENTION_DAYS]);
    await ctx.progress(1, 1);
  },
});
