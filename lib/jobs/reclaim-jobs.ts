import type { Sql } from "@/lib/db/sql";
import { settleFailedJob } from "./settle-job";

export type ReclaimRule =
  /** PGlite: only this process can open the database, so any holder not running here is gone. */
  | { kind: "not-live"; liveWorkerIds: readonly string[] }
  /** Postgres: a holder that has not sent a heartbeat for this long is presumed dead. */
  | { kind: "stale"; staleSeconds: number };

type LostRow = { id: string; attempts: number; backoffSeconds: number; lockedBy: string; heartbeatAt: Date | null };

/**
 * Takes back active jobs whose worker died (crash, kill -9, power loss): each counts as a failed
 * attempt, so it is retried with backoff or, out of attempts, marked failed with the reason.
 */
export async function reclaimLostJobs(sql: Sql, queues: readonly string[], rule: ReclaimRule): Promise<number> {
  if (queues.length === 0) return 0;
  const lost =
    rule.kind === "not-live"
      ? await sql.query<LostRow>(
          `SELECT "id", "attempts", "backoff_seconds" AS "backoffSeconds", "locked_by" AS "lockedBy", "heartbeat_at" AS "heartbeatAt"
             FROM "jobs"
            WHERE "state" = 'active' AND "queue" = ANY($1::text[])
              AND NOT ("locked_by" = ANY($2::text[]))`,
          [[...queues], [...rule.liveWorkerIds]],
        )
      : await sql.query<LostRow>(
          `SELECT "id", "attempts", "backoff_seconds" AS "backoffSeconds", "locked_by" AS "lockedBy", "heartbeat_at" AS "heartbeatAt"
             FROM "jobs"
            WHERE "state" = 'active' AND "queue" = ANY($1::text[])
              AND "heartbeat_at" < now() - $2 * interval '1 second'`,
          [[...queues], rule.staleSeconds],
        );
  let reclaimed = 0;
  for (const job of lost) {
    const since = job.heartbeatAt ? ` (last heartbeat ${job.heartbeatAt.toISOString()})` : "";
    const state = await settleFailedJob(
      sql,
      { id: job.id, attempts: job.attempts, backoffSeconds: job.backoffSeconds, lockedBy: job.lockedBy },
      "retry",
      `the worker running this job (${job.lockedBy}) stopped responding${since}`,
      rule.kind === "stale" ? rule.staleSeconds : null,
    );
    if (state) reclaimed++;
  }
  return reclaimed;
}
