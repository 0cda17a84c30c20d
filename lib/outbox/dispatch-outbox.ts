import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Database } from "@/lib/db/client";
import type { Deliverer, DeliveryResult } from "./define-deliverer";

/**
 * This process's dispatcher id (kept in outbox.locked_by). On PGlite only one process can have the
 * database open, so a lease held under another id was left by a process that is gone and is void.
 */
export const DISPATCHER_ID = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Longest wait between attempts from backoff; a Retry-After is honoured up to a day. */
export const MAX_BACKOFF_SECONDS = 3600;
export const MAX_RETRY_AFTER_SECONDS = 86_400;

export type DispatchOptions = {
  /**
   * How long a claimed message is held before another dispatcher may take it (Postgres): longer than
   * any deliverer's timeout, so a live attempt is never doubled; after a crash, the wait before redelivery.
   */
  leaseSeconds?: number;
  /** Messages claimed per round. */
  batch?: number;
  signal?: AbortSignal;
  /**
   * Only messages of these workspaces (default: all). Lets a caller that owns some workspaces — a test
   * file sharing one database with others, a per-tenant dispatcher — leave everybody else's messages alone.
   */
  workspaceIds?: readonly number[];
};

export type DispatchReport = { delivered: number; retried: number; failed: number; nextDueInSeconds: number | null };

type Claimed = {
  id: number;
  kind: string;
  key: string;
  workspaceId: number | null;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  deliveryId: number;
};

/** The wait before the next attempt after failed attempt `attempt`: Retry-After if given, else exponential. */
export function retryDelaySeconds(attempt: number, backoffSeconds: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return Math.min(Math.ceil(retryAfterSeconds), MAX_RETRY_AFTER_SECONDS);
  }
  if (backoffSeconds <= 0) return 0;
  return Math.min(backoffSeconds * 2 ** Math.min(Math.max(attempt - 1, 0), 30), MAX_BACKOFF_SECONDS);
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/**
 * Claims due messages of the deliverers' kinds (SKIP LOCKED: concurrent dispatchers take disjoint
 * ones), counting the attempt and opening its delivery-log row in the same statement: a crash after
 * the claim leaves a visible 'started' attempt, and the message is delivered again after the lease.
 */
async function claim(
  db: Database,
  kinds: string[],
  leaseSeconds: number,
  batch: number,
  workspaceIds: readonly number[] | null,
): Promise<Claimed[]> {
  const foreignLeasesVoid = db.sql.kind === "pglite";
  return db.sql.query<Claimed>(
    `WITH claimed AS (
       UPDATE "outbox" AS o
          SET "attempts" = o."attempts" + 1, "locked_by" = $1, "locked_until" = now() + $3 * interval '1 second'
        WHERE o."id" IN (
          SELECT c."id" FROM "outbox" AS c
           WHERE c."state" = 'pending' AND c."next_attempt_at" <= now() AND c."kind" = ANY($2::text[])
             AND ($6::int[] IS NULL OR c."workspace_id" = ANY($6::int[]))
             AND (c."locked_until" IS NULL OR c."locked_until" <= now() OR ($5 AND c."locked_by" <> $1))
           ORDER BY c."next_attempt_at", c."id"
           LIMIT $4
           FOR UPDATE SKIP LOCKED)
        RETURNING o."id", o."kind", o."idempotency_key", o."workspace_id", o."payload", o."attempts", o."max_attempts"
     ), logged AS (
       INSERT INTO "outbox_deliveries" ("outbox_id", "attempt", "worker")
       SELECT "id", "attempts", $1 FROM claimed
       RETURNING "id", "outbox_id"
     )
     SELECT c."id", c."kind", c."idempotency_key" AS "key", c."workspace_id" AS "workspaceId", c."payload",
            c."attempts", c."max_attempts" AS "maxAttempts", l."id" AS "deliveryId"
       FROM claimed AS c JOIN logged AS l ON l."outbox_id" = c."id"`,
    [DISPATCHER_ID, kinds, leaseSeconds, batch, foreignLeasesVoid, workspaceIds ? [...workspaceIds] : null],
  );
}

async function attempt(deliverer: Deliverer, m: Claimed, stop: AbortSignal | undefined): Promise<DeliveryResult> {
  const parsed = deliverer.schema.safeParse(m.payload);
  if (!parsed.success)
    return { ok: false, permanent: true, error: `invalid payload: ${parsed.error.issues.map((i) => i.message).join("; ")}` };
  const timeout = AbortSignal.timeout(deliverer.timeoutMs);
  const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
  try {
    return await deliverer.deliver(parsed.data, { key: m.key, attempt: m.attempts, workspaceId: m.workspaceId, signal });
  } catch (err) {
    return { ok: false, error: timeout.aborted ? `timed out after ${deliverer.timeoutMs} ms` : errorText(err) };
  }
}

/** Records the attempt's outcome and the message's next state in one transaction. */
async function settle(db: Database, deliverer: Deliverer, m: Claimed, result: DeliveryResult, durationMs: number) {
  const outcome = result.ok ? "delivered" : result.permanent || m.attempts >= m.maxAttempts ? "failed" : "retry";
  const retryIn =
    outcome === "retry" && !result.ok ? retryDelaySeconds(m.attempts, deliverer.backoffSeconds, result.retryAfterSeconds) : null;
  const error = result.ok ? null : result.error;
  await db.sql.transaction(async (tx) => {
    await tx.query(
      `UPDATE "outbox_deliveries"
          SET "outcome" = $2, "status_code" = $3, "error" = $4, "duration_ms" = $5, "retry_in_seconds" = $6, "finished_at" = now()
        WHERE "id" = $1`,
      [m.deliveryId, outcome, result.statusCode ?? null, error, Math.round(durationMs), retryIn],
    );
    await tx.query(
      `UPDATE "outbox"
          SET "state" = CASE $2 WHEN 'delivered' THEN 'delivered' WHEN 'failed' THEN 'failed' ELSE 'pending' END,
              "delivered_at" = CASE WHEN $2 = 'delivered' THEN now() ELSE NULL END,
              "next_attempt_at" = CASE WHEN $2 = 'retry' THEN now() + $3 * interval '1 second' ELSE "next_attempt_at" END,
              "last_error" = $4, "locked_by" = NULL, "locked_until" = NULL
        WHERE "id" = $1 AND "state" = 'pending'`,
      [m.id, outcome, retryIn ?? 0, error],
    );
  });
  return outcome;
}

/**
 * Delivers every due message of the given deliverers' kinds, round by round, until none is due (or the
 * signal stops it between rounds). Messages of kinds without a deliverer here stay pending. Returns
 * counts and when the next pending message falls due (for the caller to come back then).
 */
export async function dispatchOutbox(db: Database, deliverers: readonly Deliverer[], opts: DispatchOptions = {}): Promise<DispatchReport> {
  const byKind = new Map(deliverers.map((d) => [d.kind, d]));
  const kinds = [...byKind.keys()];
  const leaseSeconds = opts.leaseSeconds ?? Math.ceil(Math.max(...deliverers.map((d) => d.timeoutMs), 0) / 1000) + 30;
  const report: DispatchReport = { delivered: 0, retried: 0, failed: 0, nextDueInSeconds: null };
  if (kinds.length === 0) return report;
  while (!opts.signal?.aborted) {
    const claimed = await claim(db, kinds, leaseSeconds, opts.batch ?? 16, opts.workspaceIds ?? null);
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (m) => {
        const deliverer = byKind.get(m.kind)!;
        const started = performance.now();
        const result = await attempt(deliverer, m, opts.signal);
        const outcome = await settle(db, deliverer, m, result, performance.now() - started);
        if (outcome === "delivered") report.delivered++;
        else if (outcome === "retry") report.retried++;
        else report.failed++;
      }),
    );
  }
  const [next] = await db.sql.query<{ dueIn: number | null }>(
    `SELECT EXTRACT(EPOCH FROM min(GREATEST("next_attempt_at", COALESCE("locked_until", "next_attempt_at"))) - now())::float8 AS "dueIn"
       FROM "outbox" WHERE "state" = 'pending' AND "kind" = ANY($1::text[])`,
    [kinds],
  );
  report.nextDueInSeconds = next?.dueIn == null ? null : Math.max(0, next.dueIn);
  return report;
}
