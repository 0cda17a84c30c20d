import type { z } from "zod";
import type { SqlExecutor } from "@/lib/db/sql";
import { enqueueJobWith } from "@/lib/jobs/enqueue-job";
import type { Deliverer } from "./define-deliverer";
import { DISPATCH_SINGLETON_KEY, outboxDispatchQueue } from "./outbox-queue";

export type OutboxMessage<S extends z.ZodType> = {
  /**
   * Names the effect, stable across retries of the cause: e.g. `alert:42:firing:2026-03-29T07:00Z`.
   * Adding a message whose (kind, key) exists does nothing: the effect is recorded once.
   */
  key: string;
  payload: z.input<S>;
  workspaceId?: number | null;
};

/**
 * Records a side effect in the caller's transaction — the SAME one as the state change that causes it
 * (`tx.sql` of withTransaction, or db.sql.transaction's executor) — so the effect exists exactly when
 * the change commits. Delivery happens after commit, by the worker (retries, backoff, delivery log).
 * Returns the message id and whether this call created it (false: the key was already recorded).
 */
export async function addToOutbox<S extends z.ZodType>(
  tx: SqlExecutor,
  deliverer: Pick<Deliverer<S>, "kind" | "schema" | "maxAttempts">,
  message: OutboxMessage<S>,
): Promise<{ id: number; created: boolean }> {
  if (message.key.length < 1 || message.key.length > 200) throw new RangeError("an outbox idempotency key must be 1–200 characters");
  // Checked now, in the transaction: a payload the deliverer cannot take must fail the cause, not the delivery later.
  const payload = deliverer.schema.parse(message.payload);
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO "outbox" ("kind", "idempotency_key", "workspace_id", "payload", "max_attempts")
     VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT ("kind", "idempotency_key") DO NOTHING
     RETURNING "id"`,
    [deliverer.kind, message.key, message.workspaceId ?? null, JSON.stringify(payload), deliverer.maxAttempts],
  );
  if (inserted[0]) {
    // Wakes delivery at commit (one waiting dispatch job at most); the 30 s schedule is the safety net.
    await enqueueJobWith(tx, outboxDispatchQueue, {}, { singletonKey: DISPATCH_SINGLETON_KEY });
    return { id: Number(inserted[0].id), created: true };
  }
  const [existing] = await tx.query<{ id: number }>(`SELECT "id" FROM "outbox" WHERE "kind" = $1 AND "idempotency_key" = $2`, [
    deliverer.kind,
    message.key,
  ]);
  return { id: Number(existing!.id), created: false };
}
