-- Durable job queue (lib/jobs). Our own small queue instead of pg-boss: pg-boss 10.4.2 ran on PGlite,
-- but its `locked()` BEGIN…COMMIT scripts leave the (single, shared) PGlite connection in an aborted
-- transaction when a statement fails, a handler that outlives `expireInSeconds` is started a second
-- time while still running, and it has no progress. Raw SQL only (lib/jobs); no Prisma model on purpose.

-- One row per job. `state`: queued (waiting, maybe for a retry at run_at) → active (claimed by the
-- worker in locked_by) → completed | failed | cancelled (a retry merged into a newer queued job with
-- the same singleton key). `attempts` counts claims; a job fails for good at max_attempts.
CREATE TABLE "jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "queue" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'queued',
    "singleton_key" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 3,
    "backoff_seconds" INTEGER NOT NULL DEFAULT 5,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_by" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3),
    "progress_done" BIGINT,
    "progress_total" BIGINT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "jobs_state_valid" CHECK ("state" IN ('queued', 'active', 'completed', 'failed', 'cancelled')),
    CONSTRAINT "jobs_attempts_valid" CHECK ("attempts" >= 0 AND "max_attempts" >= 1 AND "backoff_seconds" >= 0),
    CONSTRAINT "jobs_progress_valid" CHECK ("progress_done" >= 0 AND "progress_total" >= 0)
);
-- The singleton rule: at most one WAITING job per (queue, key); enqueueing another returns that one.
CREATE UNIQUE INDEX "jobs_singleton_queued_key" ON "jobs"("queue", "singleton_key") WHERE "state" = 'queued';
-- The claim scans only waiting jobs that are due.
CREATE INDEX "jobs_queued_run_at_idx" ON "jobs"("run_at") WHERE "state" = 'queued';
-- Claims skip a key while a job with it runs; reclaim looks for lost active jobs.
CREATE INDEX "jobs_active_idx" ON "jobs"("queue", "singleton_key") WHERE "state" = 'active';
-- Pruning of finished jobs.
CREATE INDEX "jobs_finished_at_idx" ON "jobs"("finished_at") WHERE "finished_at" IS NOT NULL;

-- Recurring jobs: the worker that moves next_run_at forward enqueues the job in the same statement,
-- so two workers never both enqueue one run and a crash never loses one.
CREATE TABLE "job_schedules" (
    "name" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "every_seconds" INTEGER NOT NULL,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "last_enqueued_at" TIMESTAMPTZ(3),
    CONSTRAINT "job_schedules_pkey" PRIMARY KEY ("name"),
    CONSTRAINT "job_schedules_every_valid" CHECK ("every_seconds" >= 1)
);
