import type { SqlExecutor } from "@/lib/db/sql";
import type { JobHandler } from "../job-types";

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

/** Rollup refreshes alone enqueue thousands of small jobs a day; keep the table small. */
export const pruneJobsJob: JobHandler<"maintenance.prune-jobs"> = async (db, _data, ctx) => {
  await ctx.progress(0, 1);
  await pruneFinishedJobs(db.sql);
  await ctx.progress(1, 1);
};
