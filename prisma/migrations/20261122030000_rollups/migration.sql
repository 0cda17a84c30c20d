-- Analytics rollups (lib/rollups, read by lib/metrics with SQL only; no Prisma models on purpose).
--
-- Cubes: one table per set of dimensions (lib/rollups/cubes.ts), rows per (workspace, grain, UTC bucket,
-- dimensions). Dimensions are NOT NULL with '' for "absent" so they can be part of the key. The columns
-- are sums over the events of the row (money as unscaled numeric: exact sums) and two DDSketch-style
-- sketches (latency, TTFT) as parallel sorted arrays of bin keys and counts, relative accuracy 0.005
-- (lib/rollups/sketch.ts; a different accuracy needs a migration that empties these tables and a rebuild).
-- A test checks these tables against the TypeScript registry column by column.

CREATE TABLE "rollup_pm" (
    "workspace_id" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "ok_requests" BIGINT NOT NULL,
    "throttled_requests" BIGINT NOT NULL,
    "tasks" BIGINT NOT NULL,
    "retries" BIGINT NOT NULL,
    "fallbacks" BIGINT NOT NULL,
    "fallback_ok" BIGINT NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cache_read_tokens" BIGINT NOT NULL,
    "cache_write_tokens" BIGINT NOT NULL,
    "reasoning_tokens" BIGINT NOT NULL,
    "list_cost_usd" NUMERIC NOT NULL,
    "cost_usd" NUMERIC NOT NULL,
    "latency_ms_sum" BIGINT NOT NULL,
    "lat_keys" SMALLINT[] NOT NULL,
    "lat_counts" INTEGER[] NOT NULL,
    "ttft_keys" SMALLINT[] NOT NULL,
    "ttft_counts" INTEGER[] NOT NULL,
    CONSTRAINT "rollup_pm_pkey" PRIMARY KEY ("workspace_id", "grain", "bucket", "provider", "model"),
    CONSTRAINT "rollup_pm_grain_valid" CHECK ("grain" IN ('minute', 'hour', 'day', 'week', 'month'))
);

CREATE TABLE "rollup_route" (
    "workspace_id" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "workload_class" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "ok_requests" BIGINT NOT NULL,
    "throttled_requests" BIGINT NOT NULL,
    "tasks" BIGINT NOT NULL,
    "retries" BIGINT NOT NULL,
    "fallbacks" BIGINT NOT NULL,
    "fallback_ok" BIGINT NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cache_read_tokens" BIGINT NOT NULL,
    "cache_write_tokens" BIGINT NOT NULL,
    "reasoning_tokens" BIGINT NOT NULL,
    "list_cost_usd" NUMERIC NOT NULL,
    "cost_usd" NUMERIC NOT NULL,
    "latency_ms_sum" BIGINT NOT NULL,
    "lat_keys" SMALLINT[] NOT NULL,
    "lat_counts" INTEGER[] NOT NULL,
    "ttft_keys" SMALLINT[] NOT NULL,
    "ttft_counts" INTEGER[] NOT NULL,
    CONSTRAINT "rollup_route_pkey" PRIMARY KEY ("workspace_id", "grain", "bucket", "provider", "model", "region", "workload_class", "feature", "route"),
    CONSTRAINT "rollup_route_grain_valid" CHECK ("grain" IN ('hour', 'day', 'week', 'month'))
);

CREATE TABLE "rollup_core" (
    "workspace_id" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "workload_class" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_type" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "ok_requests" BIGINT NOT NULL,
    "throttled_requests" BIGINT NOT NULL,
    "tasks" BIGINT NOT NULL,
    "retries" BIGINT NOT NULL,
    "fallbacks" BIGINT NOT NULL,
    "fallback_ok" BIGINT NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cache_read_tokens" BIGINT NOT NULL,
    "cache_write_tokens" BIGINT NOT NULL,
    "reasoning_tokens" BIGINT NOT NULL,
    "list_cost_usd" NUMERIC NOT NULL,
    "cost_usd" NUMERIC NOT NULL,
    "latency_ms_sum" BIGINT NOT NULL,
    "lat_keys" SMALLINT[] NOT NULL,
    "lat_counts" INTEGER[] NOT NULL,
    "ttft_keys" SMALLINT[] NOT NULL,
    "ttft_counts" INTEGER[] NOT NULL,
    CONSTRAINT "rollup_core_pkey" PRIMARY KEY ("workspace_id", "grain", "bucket", "provider", "model", "region", "workload_class", "status", "error_type"),
    CONSTRAINT "rollup_core_grain_valid" CHECK ("grain" IN ('hour', 'day', 'week', 'month'))
);

CREATE TABLE "rollup_tenant" (
    "workspace_id" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "tenant" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "workload_class" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "ok_requests" BIGINT NOT NULL,
    "throttled_requests" BIGINT NOT NULL,
    "tasks" BIGINT NOT NULL,
    "retries" BIGINT NOT NULL,
    "fallbacks" BIGINT NOT NULL,
    "fallback_ok" BIGINT NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cache_read_tokens" BIGINT NOT NULL,
    "cache_write_tokens" BIGINT NOT NULL,
    "reasoning_tokens" BIGINT NOT NULL,
    "list_cost_usd" NUMERIC NOT NULL,
    "cost_usd" NUMERIC NOT NULL,
    "latency_ms_sum" BIGINT NOT NULL,
    "lat_keys" SMALLINT[] NOT NULL,
    "lat_counts" INTEGER[] NOT NULL,
    "ttft_keys" SMALLINT[] NOT NULL,
    "ttft_counts" INTEGER[] NOT NULL,
    CONSTRAINT "rollup_tenant_pkey" PRIMARY KEY ("workspace_id", "grain", "bucket", "tenant", "feature", "region", "workload_class"),
    CONSTRAINT "rollup_tenant_grain_valid" CHECK ("grain" IN ('hour', 'day', 'week', 'month'))
);

CREATE TABLE "rollup_usage" (
    "workspace_id" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "workload_class" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "ok_requests" BIGINT NOT NULL,
    "throttled_requests" BIGINT NOT NULL,
    "tasks" BIGINT NOT NULL,
    "retries" BIGINT NOT NULL,
    "fallbacks" BIGINT NOT NULL,
    "fallback_ok" BIGINT NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cache_read_tokens" BIGINT NOT NULL,
    "cache_write_tokens" BIGINT NOT NULL,
    "reasoning_tokens" BIGINT NOT NULL,
    "list_cost_usd" NUMERIC NOT NULL,
    "cost_usd" NUMERIC NOT NULL,
    "latency_ms_sum" BIGINT NOT NULL,
    "lat_keys" SMALLINT[] NOT NULL,
    "lat_counts" INTEGER[] NOT NULL,
    "ttft_keys" SMALLINT[] NOT NULL,
    "ttft_counts" INTEGER[] NOT NULL,
    CONSTRAINT "rollup_usage_pkey" PRIMARY KEY ("workspace_id", "grain", "bucket", "provider", "model", "region", "workload_class", "tenant", "feature"),
    CONSTRAINT "rollup_usage_grain_valid" CHECK ("grain" IN ('hour', 'day', 'week', 'month'))
);

CREATE TABLE "rollup_full" (
    "workspace_id" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "workload_class" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_type" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "ok_requests" BIGINT NOT NULL,
    "throttled_requests" BIGINT NOT NULL,
    "tasks" BIGINT NOT NULL,
    "retries" BIGINT NOT NULL,
    "fallbacks" BIGINT NOT NULL,
    "fallback_ok" BIGINT NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cache_read_tokens" BIGINT NOT NULL,
    "cache_write_tokens" BIGINT NOT NULL,
    "reasoning_tokens" BIGINT NOT NULL,
    "list_cost_usd" NUMERIC NOT NULL,
    "cost_usd" NUMERIC NOT NULL,
    "latency_ms_sum" BIGINT NOT NULL,
    "lat_keys" SMALLINT[] NOT NULL,
    "lat_counts" INTEGER[] NOT NULL,
    "ttft_keys" SMALLINT[] NOT NULL,
    "ttft_counts" INTEGER[] NOT NULL,
    CONSTRAINT "rollup_full_pkey" PRIMARY KEY ("workspace_id", "grain", "bucket", "provider", "model", "region", "workload_class", "tenant", "feature", "route", "status", "error_type"),
    CONSTRAINT "rollup_full_grain_valid" CHECK ("grain" IN ('hour', 'day', 'week', 'month'))
);

-- Buckets whose rows are stale. Appended by noteEventsChanged (grain 'hour', in the transaction that
-- changed the events) and by the refresh itself (coarser grains after their finer rows changed); deleted
-- by id once recomputed. Append-only: concurrent ingest batches never contend on a row. The metrics
-- query reads it to route around stale rows (finer rows or raw events instead), so results are exact
-- before the worker catches up.
CREATE TABLE "rollup_dirty" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "marked_at" TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "rollup_dirty_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rollup_dirty_grain_valid" CHECK ("grain" IN ('hour', 'day', 'week', 'month'))
);
CREATE INDEX "rollup_dirty_workspace_id_grain_bucket_idx" ON "rollup_dirty"("workspace_id", "grain", "bucket");

-- Events stored before this migration have no rollups yet: mark their hours so the worker builds them
-- (queries stay exact meanwhile, served from raw events for those hours).
INSERT INTO "rollup_dirty" ("workspace_id", "grain", "bucket")
SELECT DISTINCT "workspace_id", 'hour', date_trunc('hour', "ts", 'UTC') FROM "usage_events";
