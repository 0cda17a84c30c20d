import type { SqlExecutor } from "@/lib/db/sql";
import { retryDelaySeconds } from "./retry-policy";

/** The claim a settlement applies to: a worker may only settle a job it still holds. */
export type HeldJob = { id: string; attempts: number; backoffSeconds: number; lockedBy: string };

/**
 * Marks a held job completed. False when the job is no longer ours (it was taken back after losing its
 * heartbeat and may have run again): its outcome is then dropped, not written over the newer run's.
 */
export async function completeJob(sql: SqlExecutor, job: HeldJob): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE "jobs" SET "state" = 'completed', "finished_at" = now(), "locked_by" = NULL, "last_error" = NULL
      WHERE "id" = $1 AND "state" = 'active' AND "locked_by" = $2
      RETURNING 1`,
    [job.id, job.lockedBy],
  );
  return rows.length === 1;
}

/**
 * retry     – a failed attempt: waits with backoff, or fails for good once attempts are used up;
 * permanent – fails for good now;
 * release   – the worker stopped it: back to waiting at once, the attempt not counted.
 */
export type FailureMode = "retry" | "permanent" | "release";

export type SettledState = "queued" | "failed" | "cancelled";

/**
 * Settles a held job that did not complete. A job going back to waiting whose singleton key already
 * has another waiting job is cancelled instead (merged into that one: same key, same work), which also
 * keeps the one-waiting-job-per-key index intact. `staleSeconds` guards a takeover: only a job whose
 * heartbeat is that old is settled. Returns null when the job was not (or no longer) held.
 */
export async function settleFailedJob(
  sql: SqlExecutor,
  job: HeldJob,
  mode: FailureMode,
  error: string,
  staleSeconds: number | null = null,
): Promise<SettledState | null> {
  const delay = mode === "release" ? 0 : retryDelaySeconds(job.attempts, job.backoffSeconds);
  for (let tries = 0; ; tries++) {
    try {
      const rows = await sql.query<{ state: SettledState }>(
        `WITH target AS (
           SELECT j."id",
                  CASE
                    WHEN $3 = 'permanent' OR ($3 = 'retry' AND j."attempts" >= j."max_attempts") THEN 'failed'
                    WHEN j."singleton_key" IS NOT NULL AND EXISTS (
                      SELECT 1 FROM "jobs" AS w
                       WHERE w."state" = 'queued' AND w."queue" = j."queue" AND w."singleton_key" = j."singleton_key"
                    ) THEN 'cancelled'
                    ELSE 'queued'
                  END AS next_state
             FROM "jobs" AS j
            WHERE j."id" = $1 AND j."state" = 'active' AND j."locked_by" = $2
         )
         UPDATE "jobs" AS j
            SET "state" = t.next_state,
                "attempts" = CASE WHEN $3 = 'release' THEN GREATEST(j."attempts" - 1, 0) ELSE j."attempts" END,
                "run_at" = CASE WHEN t.next_state = 'queued' THEN now() + $5 * interval '1 second' ELSE j."run_at" END,
                "finished_at" = CASE WHEN t.next_state = 'queued' THEN NULL ELSE now() END,
                "last_error" = CASE WHEN t.next_state = 'cancelled'
                                    THEN $4 || ' (retry merged into the waiting job with the same singleton key)'
                                    ELSE $4 END,
                "locked_by" = NULL, "heartbeat_at" = NULL
           FROM target AS t
          WHERE j."id" = t."id" AND j."state" = 'active' AND j."locked_by" = $2
            AND ($6::int IS NULL OR j."heartbeat_at" < now() - $6 * interval '1 second')
          RETURNING j."state"`,
        [job.id, job.lockedBy, mode, error, delay, staleSeconds],
      );
      return rows[0]?.state ?? null;
    } catch (err) {
      // A job with the same key was enqueued between our check and our update (unique index): the
      // second try sees it and merges into it.
      if (tries === 0 && (err as { code?: string }).code === "23505") continue;
      throw err;
    }
  }
}
