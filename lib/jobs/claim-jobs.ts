import type { SqlExecutor } from "@/lib/db/sql";

export type ClaimedJob = {
  id: string;
  queue: string;
  data: unknown;
  attempts: number;
  maxAttempts: number;
  backoffSeconds: number;
};

/**
 * Claims up to `limit` due jobs of the given queues for `workerId` in one statement. SKIP LOCKED lets
 * concurrent workers (several processes on Postgres) take disjoint jobs without waiting on each other;
 * a job whose singleton key is already running elsewhere is left waiting so one key never runs twice
 * at once (the unique index allows one waiting job per key, so this check cannot race with itself).
 */
export async function claimJobs(sql: SqlExecutor, workerId: string, queues: readonly string[], limit: number): Promise<ClaimedJob[]> {
  if (limit < 1 || queues.length === 0) return [];
  return sql.query<ClaimedJob>(
    `UPDATE "jobs" AS j
        SET "state" = 'active', "attempts" = j."attempts" + 1, "locked_by" = $1,
            "started_at" = now(), "heartbeat_at" = now(), "finished_at" = NULL
      WHERE j."id" IN (
        SELECT c."id" FROM "jobs" AS c
         WHERE c."state" = 'queued' AND c."run_at" <= now() AND c."queue" = ANY($2::text[])
           AND (c."singleton_key" IS NULL OR NOT EXISTS (
                 SELECT 1 FROM "jobs" AS a
                  WHERE a."state" = 'active' AND a."queue" = c."queue" AND a."singleton_key" = c."singleton_key"))
         ORDER BY c."run_at", c."created_at"
         LIMIT $3
         FOR UPDATE SKIP LOCKED
      )
      RETURNING j."id", j."queue", j."data", j."attempts", j."max_attempts" AS "maxAttempts",
                j."backoff_seconds" AS "backoffSeconds"`,
    [workerId, [...queues], limit],
  );
}
