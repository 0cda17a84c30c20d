-- Rollup sketches switch from per-bin counts (INTEGER[]) to cumulative counts (BIGINT[], lib/rollups/
-- base-columns.ts): Postgres can then answer a quantile of a single rollup row by binary search
-- (width_bucket) and ship one number instead of every bin, and one row may hold more than 2^31 events.
-- Rollups are derived data: they are emptied and every stored hour is marked, so the worker rebuilds
-- them; queries stay exact meanwhile (dirty hours are read from raw events).

TRUNCATE "rollup_pm", "rollup_route", "rollup_core", "rollup_tenant", "rollup_usage", "rollup_full";
DELETE FROM "rollup_dirty";
ALTER TABLE "rollup_pm" RENAME COLUMN "lat_counts" TO "lat_cum";
ALTER TABLE "rollup_pm" ALTER COLUMN "lat_cum" TYPE BIGINT[];
ALTER TABLE "rollup_pm" RENAME COLUMN "ttft_counts" TO "ttft_cum";
ALTER TABLE "rollup_pm" ALTER COLUMN "ttft_cum" TYPE BIGINT[];
ALTER TABLE "rollup_route" RENAME COLUMN "lat_counts" TO "lat_cum";
ALTER TABLE "rollup_route" ALTER COLUMN "lat_cum" TYPE BIGINT[];
ALTER TABLE "rollup_route" RENAME COLUMN "ttft_counts" TO "ttft_cum";
ALTER TABLE "rollup_route" ALTER COLUMN "ttft_cum" TYPE BIGINT[];
ALTER TABLE "rollup_core" RENAME COLUMN "lat_counts" TO "lat_cum";
ALTER TABLE "rollup_core" ALTER COLUMN "lat_cum" TYPE BIGINT[];
ALTER TABLE "rollup_core" RENAME COLUMN "ttft_counts" TO "ttft_cum";
ALTER TABLE "rollup_core" ALTER COLUMN "ttft_cum" TYPE BIGINT[];
ALTER TABLE "rollup_tenant" RENAME COLUMN "lat_counts" TO "lat_cum";
ALTER TABLE "rollup_tenant" ALTER COLUMN "lat_cum" TYPE BIGINT[];
ALTER TABLE "rollup_tenant" RENAME COLUMN "ttft_counts" TO "ttft_cum";
ALTER TABLE "rollup_tenant" ALTER COLUMN "ttft_cum" TYPE BIGINT[];
ALTER TABLE "rollup_usage" RENAME COLUMN "lat_counts" TO "lat_cum";
ALTER TABLE "rollup_usage" ALTER COLUMN "lat_cum" TYPE BIGINT[];
ALTER TABLE "rollup_usage" RENAME COLUMN "ttft_counts" TO "ttft_cum";
ALTER TABLE "rollup_usage" ALTER COLUMN "ttft_cum" TYPE BIGINT[];
ALTER TABLE "rollup_full" RENAME COLUMN "lat_counts" TO "lat_cum";
ALTER TABLE "rollup_full" ALTER COLUMN "lat_cum" TYPE BIGINT[];
ALTER TABLE "rollup_full" RENAME COLUMN "ttft_counts" TO "ttft_cum";
ALTER TABLE "rollup_full" ALTER COLUMN "ttft_cum" TYPE BIGINT[];

INSERT INTO "rollup_dirty" ("workspace_id", "grain", "bucket")
SELECT DISTINCT "workspace_id", 'hour', date_trunc('hour', "ts", 'UTC') FROM "usage_events";
