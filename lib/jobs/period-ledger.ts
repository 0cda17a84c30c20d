import type { Database } from "@/lib/db/client";
import { withTransaction, type Tx } from "@/lib/db/transaction";

export type PeriodKey = { workspaceId: number; job: string; period: string };

export type PeriodOutcome<T> = { processed: true; result: T } | { processed: false };

/**
 * Runs `work` for one (workspace, job, period) at most once to commit. The ledger row is inserted
 * first, in the SAME transaction as the work (ON CONFLICT DO NOTHING on its primary key):
 * - the period already committed → nothing runs, `{ processed: false }`;
 * - two runs at once (a duplicate job, two workers) → the second waits on the first's uncommitted key,
 *   then finds it and skips; if the first rolls back, the second does the work;
 * - the work throws or the process dies before commit → the ledger row is rolled back with the work,
 *   and the next run (retry, restart, next fan-out tick) does the period again.
 * So the period's database effects — including outbox rows for its side effects — commit exactly
 * once. Work outside the transaction (an HTTP call made directly) is NOT covered: put it in the outbox.
 */
export async function processPeriodOnce<T>(db: Database, key: PeriodKey, work: (tx: Tx) => Promise<T>): Promise<PeriodOutcome<T>> {
  return withTransaction(db, async (tx) => {
    const claimed = await tx.sql.query(
      `INSERT INTO "job_period_ledger" ("workspace_id", "job", "period") VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1 AS "claimed"`,
      [key.workspaceId, key.job, key.period],
    );
    if (claimed.length === 0) return { processed: false } as const;
    return { processed: true, result: await work(tx) } as const;
  });
}

/** Ledger rows older than this many days are deleted by the prune job; periods that old are never due again. */
export const LEDGER_RETENTION_DAYS = 60;
