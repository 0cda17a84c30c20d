-- Each rollup row also stores the bin keys of its p50/p95/p99 (lib/rollups/base-columns.ts
-- STORED_QUANTILES): a metrics group answered by one row (an hourly series of one model) then needs
-- neither the row's bins nor a second statement. NULL when the sketch is empty. Existing rows get them
-- from their bins: the same binary search over cumulative counts the refresh uses.

ALTER TABLE "rollup_pm" ADD COLUMN "lat_q50" SMALLINT, ADD COLUMN "lat_q95" SMALLINT, ADD COLUMN "lat_q99" SMALLINT, ADD COLUMN "ttft_q50" SMALLINT, ADD COLUMN "ttft_q95" SMALLINT, ADD COLUMN "ttft_q99" SMALLINT;
UPDATE "rollup_pm" SET "lat_q50" = "lat_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q95" = "lat_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q99" = "lat_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "ttft_q50" = "ttft_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q95" = "ttft_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q99" = "ttft_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1];
ALTER TABLE "rollup_route" ADD COLUMN "lat_q50" SMALLINT, ADD COLUMN "lat_q95" SMALLINT, ADD COLUMN "lat_q99" SMALLINT, ADD COLUMN "ttft_q50" SMALLINT, ADD COLUMN "ttft_q95" SMALLINT, ADD COLUMN "ttft_q99" SMALLINT;
UPDATE "rollup_route" SET "lat_q50" = "lat_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q95" = "lat_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q99" = "lat_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "ttft_q50" = "ttft_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q95" = "ttft_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q99" = "ttft_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1];
ALTER TABLE "rollup_core" ADD COLUMN "lat_q50" SMALLINT, ADD COLUMN "lat_q95" SMALLINT, ADD COLUMN "lat_q99" SMALLINT, ADD COLUMN "ttft_q50" SMALLINT, ADD COLUMN "ttft_q95" SMALLINT, ADD COLUMN "ttft_q99" SMALLINT;
UPDATE "rollup_core" SET "lat_q50" = "lat_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q95" = "lat_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q99" = "lat_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "ttft_q50" = "ttft_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q95" = "ttft_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q99" = "ttft_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1];
ALTER TABLE "rollup_tenant" ADD COLUMN "lat_q50" SMALLINT, ADD COLUMN "lat_q95" SMALLINT, ADD COLUMN "lat_q99" SMALLINT, ADD COLUMN "ttft_q50" SMALLINT, ADD COLUMN "ttft_q95" SMALLINT, ADD COLUMN "ttft_q99" SMALLINT;
UPDATE "rollup_tenant" SET "lat_q50" = "lat_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q95" = "lat_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q99" = "lat_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "ttft_q50" = "ttft_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q95" = "ttft_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q99" = "ttft_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1];
ALTER TABLE "rollup_usage" ADD COLUMN "lat_q50" SMALLINT, ADD COLUMN "lat_q95" SMALLINT, ADD COLUMN "lat_q99" SMALLINT, ADD COLUMN "ttft_q50" SMALLINT, ADD COLUMN "ttft_q95" SMALLINT, ADD COLUMN "ttft_q99" SMALLINT;
UPDATE "rollup_usage" SET "lat_q50" = "lat_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q95" = "lat_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q99" = "lat_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "ttft_q50" = "ttft_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q95" = "ttft_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q99" = "ttft_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1];
ALTER TABLE "rollup_full" ADD COLUMN "lat_q50" SMALLINT, ADD COLUMN "lat_q95" SMALLINT, ADD COLUMN "lat_q99" SMALLINT, ADD COLUMN "ttft_q50" SMALLINT, ADD COLUMN "ttft_q95" SMALLINT, ADD COLUMN "ttft_q99" SMALLINT;
UPDATE "rollup_full" SET "lat_q50" = "lat_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q95" = "lat_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "lat_q99" = "lat_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "lat_cum"[cardinality("lat_cum")]))::bigint - 1, "lat_cum") + 1],
    "ttft_q50" = "ttft_keys"[width_bucket(greatest(1, ceil(0.5::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q95" = "ttft_keys"[width_bucket(greatest(1, ceil(0.95::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1],
    "ttft_q99" = "ttft_keys"[width_bucket(greatest(1, ceil(0.99::float8 * "ttft_cum"[cardinality("ttft_cum")]))::bigint - 1, "ttft_cum") + 1];
