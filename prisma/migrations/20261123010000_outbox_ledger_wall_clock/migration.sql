-- Seams for wave 2 (issue 11 §2): wall-clock schedules, a per-period ledger for fan-out work, and an
-- outbox for side effects with a log of every delivery attempt.

-- A schedule is either an interval (every_seconds) or a wall-clock rule (spec, e.g. daily 09:00 in a
-- time zone; lib/jobs/wall-clock.ts computes the next due time in the worker, never in SQL).
ALTER TABLE "job_schedules" ALTER COLUMN "every_seconds" DROP NOT NULL;
ALTER TABLE "job_schedules" ADD COLUMN "spec" JSONB;
ALTER TABLE "job_schedules" ADD CONSTRAINT "job_schedules_kind_valid"
    CHECK (("every_seconds" IS NOT NULL) <> ("spec" IS NOT NULL));

-- One row per (workspace, job, period) processed: inserted in the same transaction as the period's work
-- (lib/jobs/period-ledger.ts), so a period commits once, whatever restarts or duplicate jobs happen.
CREATE TABLE "job_period_ledger" (
    "workspace_id" INTEGER NOT NULL,
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "job_period_ledger_pkey" PRIMARY KEY ("workspace_id", "job", "period"),
    CONSTRAINT "job_period_ledger_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "job_period_ledger_processed_at_idx" ON "job_period_ledger"("processed_at");

-- The outbox (lib/outbox): a side effect written in the transaction of the state change that caused it.
-- (kind, idempotency_key) is unique: adding the same effect twice leaves one row. state: pending →
-- delivered | failed. A dispatcher holds a row while delivering (locked_by until locked_until).
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "workspace_id" INTEGER,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 8,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_by" TEXT,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "outbox_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "outbox_state_valid" CHECK ("state" IN ('pending', 'delivered', 'failed')),
    CONSTRAINT "outbox_attempts_valid" CHECK ("attempts" >= 0 AND "max_attempts" >= 1),
    CONSTRAINT "outbox_key_valid" CHECK (length("idempotency_key") BETWEEN 1 AND 200)
);
CREATE UNIQUE INDEX "outbox_kind_idempotency_key_key" ON "outbox"("kind", "idempotency_key");
-- The dispatcher's claim scans only pending rows that are due.
CREATE INDEX "outbox_pending_due_idx" ON "outbox"("next_attempt_at") WHERE "state" = 'pending';
CREATE INDEX "outbox_workspace_id_created_at_idx" ON "outbox"("workspace_id", "created_at");

-- One row per delivery attempt, written when it starts and completed when it ends: an attempt cut short
-- by a crash stays visible with outcome 'started' (no finished_at).
CREATE TABLE "outbox_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "outbox_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "worker" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'started',
    "status_code" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER,
    "retry_in_seconds" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "outbox_deliveries_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "outbox_deliveries_outcome_valid" CHECK ("outcome" IN ('started', 'delivered', 'retry', 'failed'))
);
CREATE INDEX "outbox_deliveries_outbox_id_attempt_idx" ON "outbox_deliveries"("outbox_id", "attempt");
