import { assertCan, authorOf, type ActorContext } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open-database";
import type { SqlExecutor } from "@/lib/db/sql";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { repricingJob } from "./repricing-job";

export type RepricingRequest = {
  /** One line for the audit log, e.g. "contract term 12 created". */
  reason: string;
  /** What changed (before/after), kept verbatim in the audit record. */
  change: Record<string, unknown>;
  windowFrom: Date;
  windowTo: Date;
};

/**
 * Records an audited re-pricing run for [windowFrom, windowTo) in the actor's workspace, attributed to
 * the actor (user or API key), and enqueues the job that performs it. Pass `tx` to make it part of the
 * change that caused it (the run exists exactly when the change commits). Returns null when the window
 * is empty (a change that starts in the future touches nothing).
 */
export async function requestRepricing(db: Database, ctx: ActorContext, req: RepricingRequest, tx?: SqlExecutor): Promise<number | null> {
  assertCan(ctx, "pricing:manage");
  const window = await widenForCommitments(tx ?? db.sql, ctx.workspaceId, req.windowFrom, req.windowTo);
  if (!window) return null;
  const by = authorOf(ctx.actor);
  const [run] = await (tx ?? db.sql).query<{ id: number }>(
    `INSERT INTO repricing_runs (workspace_id, requested_by_id, requested_by_key_id, reason, change, window_from, window_to)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
    [ctx.workspaceId, by.userId, by.keyId, req.reason, JSON.stringify(req.change), window.from, window.to],
  );
  await enqueueJob(db, repricingJob, { runId: run!.id }, { tx });
  return run!.id;
}

/**
 * A commitment's monthly amount is spread over all covered tokens of the month, so when a workspace has
 * commitments overlapping the window, the window grows to whole UTC months (never past now: there are no
 * events in the future to re-price, and the current month is trued up again by later runs).
 */
async function widenForCommitments(sql: SqlExecutor, workspaceId: number, from: Date, to: Date) {
  const now = new Date();
  let start = from;
  let end = to > now ? now : to;
  if (end <= start) return null;
  const [c] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM contract_terms
     WHERE workspace_id = $1 AND kind = 'commitment' AND effective_from < $3 AND (effective_to IS NULL OR effective_to > $2)`,
    [workspaceId, start, end],
  );
  if ((c?.n ?? 0) > 0) {
    start = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
    const monthEnd = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + (isMonthStart(end) ? 0 : 1), 1));
    end = monthEnd > now ? now : monthEnd;
  }
  return end > start ? { from: start, to: end } : null;
}

function isMonthStart(d: Date) {
  return d.getTime() === Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
