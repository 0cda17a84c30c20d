import type { Database } from "@/lib/db/client";
import { isJobId } from "./job-status";

/**
 * Cancels a job that has not started (waiting or waiting for a retry). A running job cannot be
 * cancelled from outside: its handler owns its transaction; stop the worker to interrupt it.
 * Returns whether it was cancelled.
 */
export async function cancelJob(db: Database, id: string): Promise<boolean> {
  if (!isJobId(id)) return false;
  const rows = await db.sql.query(
    `UPDATE "jobs" SET "state" = 'cancelled', "finished_at" = now(), "last_error" = COALESCE("last_error", 'cancelled')
      WHERE "id" = $1 AND "state" = 'queued'
      RETURNING 1`,
    [id],
  );
  return rows.length === 1;
}
