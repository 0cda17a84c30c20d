-- Foundation schema: workspaces, users, memberships, API keys and the partitioned usage event table.

-- CreateEnum
CREATE TYPE "role" AS ENUM ('owner', 'admin', 'engineer', 'finance', 'viewer');

-- CreateTable
CREATE TABLE "workspaces" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "workspaces_slug_format" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$')
);
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces"("slug");

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateTable
CREATE TABLE "memberships" (
    "workspace_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("workspace_id","user_id")
);
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "api_keys" (
    "id" SERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_keys_scopes_valid" CHECK ("scopes" <@ ARRAY['ingest','read']::TEXT[] AND cardinality("scopes") > 0),
    CONSTRAINT "api_keys_hash_format" CHECK ("hash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");
CREATE INDEX "api_keys_workspace_id_idx" ON "api_keys"("workspace_id");
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable: the big one. Range-partitioned by event time, one partition per UTC month plus a
-- default partition so an event outside the prepared months is never refused by the database.
-- The primary key (workspace, event id, ts) is the idempotency key and includes the partition key,
-- which Postgres requires for uniqueness on a partitioned table.
CREATE TABLE "usage_events" (
    "workspace_id" INTEGER NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "region" TEXT,
    "tenant" TEXT,
    "feature" TEXT,
    "route" TEXT,
    "workload_class" TEXT,
    "task_id" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "fallback_from" TEXT,
    "status" TEXT NOT NULL,
    "error_type" TEXT,
    "http_status" SMALLINT,
    "input_tokens" INTEGER NOT NULL,
    "output_tokens" INTEGER NOT NULL,
    "cache_read_tokens" INTEGER NOT NULL DEFAULT 0,
    "cache_write_tokens" INTEGER NOT NULL DEFAULT 0,
    "cache_write_1h_tokens" INTEGER NOT NULL DEFAULT 0,
    "reasoning_tokens" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL,
    "ttft_ms" INTEGER,
    "queue_ms" INTEGER,
    "reported_cost_usd" DECIMAL(20,10),
    "list_cost_usd" DECIMAL(20,10) NOT NULL DEFAULT 0,
    "effective_cost_usd" DECIMAL(20,10) NOT NULL DEFAULT 0,
    "priced" BOOLEAN NOT NULL DEFAULT false,
    "metadata" JSONB,
    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("workspace_id","event_id","ts"),
    CONSTRAINT "usage_events_status_valid" CHECK ("status" IN ('ok','error','timeout','throttled','filtered','cancelled')),
    CONSTRAINT "usage_events_workload_class_valid" CHECK ("workload_class" IS NULL OR "workload_class" IN ('interactive','batch','opportunistic')),
    CONSTRAINT "usage_events_attempt_positive" CHECK ("attempt" >= 1),
    CONSTRAINT "usage_events_tokens_nonnegative" CHECK ("input_tokens" >= 0 AND "output_tokens" >= 0 AND "cache_read_tokens" >= 0 AND "cache_write_tokens" >= 0 AND "cache_write_1h_tokens" >= 0 AND "reasoning_tokens" >= 0),
    CONSTRAINT "usage_events_cache_within_input" CHECK ("cache_read_tokens" + "cache_write_tokens" <= "input_tokens" AND "cache_write_1h_tokens" <= "cache_write_tokens"),
    CONSTRAINT "usage_events_latency_nonnegative" CHECK ("latency_ms" >= 0 AND ("ttft_ms" IS NULL OR "ttft_ms" >= 0) AND ("queue_ms" IS NULL OR "queue_ms" >= 0))
) PARTITION BY RANGE ("ts");

-- Time-range scans per workspace are the access path of every query that is not served by a rollup.
CREATE INDEX "usage_events_workspace_id_ts_idx" ON "usage_events"("workspace_id", "ts");

CREATE TABLE "usage_events_default" PARTITION OF "usage_events" DEFAULT;

-- Creates the monthly partition holding p_month (UTC) if it is missing. Rows that landed in the
-- default partition for that month are moved into the new partition first, because ATTACH refuses
-- while the default partition holds rows of the new range.
CREATE OR REPLACE FUNCTION "unitscope_ensure_usage_partition"(p_month DATE) RETURNS BOOLEAN
LANGUAGE plpgsql AS $fn$
DECLARE
    v_start TIMESTAMPTZ := (date_trunc('month', p_month::timestamp)) AT TIME ZONE 'UTC';
    v_end   TIMESTAMPTZ := (date_trunc('month', p_month::timestamp) + INTERVAL '1 month') AT TIME ZONE 'UTC';
    v_name  TEXT := 'usage_events_p' || to_char(p_month, 'YYYY_MM');
BEGIN
    IF to_regclass(quote_ident(v_name)) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE "usage_events" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name);
    EXECUTE format(
        'WITH moved AS (DELETE FROM "usage_events_default" WHERE "ts" >= %L AND "ts" < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
        v_start, v_end, v_name);
    EXECUTE format('ALTER TABLE "usage_events" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', v_name, v_start, v_end);
    RETURN TRUE;
END
$fn$;

-- Ensures partitions from p_months_back months before now to p_months_ahead after (UTC). Called by
-- this migration, at every start-up and daily by the worker, so the months ahead always exist.
CREATE OR REPLACE FUNCTION "unitscope_ensure_usage_partitions"(p_months_back INTEGER, p_months_ahead INTEGER) RETURNS INTEGER
LANGUAGE plpgsql AS $fn$
DECLARE
    v_created INTEGER := 0;
    v_i INTEGER;
BEGIN
    FOR v_i IN -p_months_back..p_months_ahead LOOP
        IF "unitscope_ensure_usage_partition"((date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => v_i))::date) THEN
            v_created := v_created + 1;
        END IF;
    END LOOP;
    RETURN v_created;
END
$fn$;

SELECT "unitscope_ensure_usage_partitions"(13, 3);
