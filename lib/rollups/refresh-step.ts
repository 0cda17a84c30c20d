import type { Sql, SqlExecutor } from "@/lib/db/sql";
import { CUBE_NAMES, cubeHasGrain, retainedFrom, type CubeName } from "./cubes";
import { DEPENDENT_GRAINS, SOURCE_GRAIN, nextUtc, toRuns, truncUtc, type Grain } from "./grains";
import { deleteRowsInRangesSql, deleteRowsSql, recomputeFromFinerSql, recomputeFromRawSql, type RawTarget } from "./rollup-sql";

export type MarkedGrain = "hour" | "day" | "week" | "month";

const HOUR = 3_600_000;

export type StepOptions = {
  /** Buckets recomputed per transaction: keeps each transaction short (PGlite has one connection). */
  maxBuckets: number;
  /** Only buckets whose oldest mark is at least this old, by the database clock (coarse grains are refreshed in batches). */
  minAgeMs: number;
  /** The clock retention edges are judged by. */
  now: number;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One refresh transaction for one grain: claims the oldest due dirty buckets of the workspace (a
 * transaction-scoped advisory lock per bucket, skipping buckets another refresher holds, so workers in
 * parallel never recompute the same bucket), recomputes every cube's rows of those buckets from their
 * source, marks the coarser buckets built from them, and deletes exactly the marks it read (a mark added
 * meanwhile, even for the same bucket, stays for the next step: its events may not have been visible to
 * this one). Returns the number of buckets done.
 */
export async function refreshStep(sql: Sql, workspaceId: number, grain: MarkedGrain, opts: StepOptions): Promise<number> {
  return sql.transaction(async (tx) => {
    // Estimates of these CTE-heavy statements are poor (fresh rollup rows have no statistics): they
    // trigger JIT, which costs seconds to save milliseconds, and nested-loop or merge joins of CTEs
    // (quadratic, or a sort of every event); every join here is an equi-join that hashes well.
    // Per-bin grouping needs more than the 4 MB default to stay in memory. (PGlite too: same planner.)
    await tx.exec(
      `SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off; SET LOCAL work_mem = '64MB'${sql.kind === "postgres" ? "; SET LOCAL jit = off" : ""}`,
    );
    const claimed = await tx.query<{ bucket: Date }>(
      `SELECT bucket FROM (
         SELECT bucket FROM "rollup_dirty" WHERE workspace_id = $1 AND grain = $2
          GROUP BY bucket HAVING min(marked_at) <= now() - $3 * interval '1 millisecond' ORDER BY bucket LIMIT $4 * 4) AS due
        WHERE pg_try_advisory_xact_lock(hashtextextended('rollups:' || $1 || ':' || $2 || ':' || extract(epoch FROM bucket), 0))
        LIMIT $4`,
      [workspaceId, grain, opts.minAgeMs, opts.maxBuckets],
    );
    if (claimed.length === 0) return 0;
    const marks = await tx.query<{ id: number; bucket: Date }>(
      `SELECT id, bucket FROM "rollup_dirty" WHERE workspace_id = $1 AND grain = $2 AND bucket = ANY($3::timestamptz[])`,
      [workspaceId, grain, claimed.map((c) => c.bucket.toISOString())],
    );
    const buckets = [...new Set(marks.map((m) => m.bucket.getTime()))].sort((a, b) => a - b);
    // A concurrent refresh finished these buckets between the claim and this read (its marks are gone).
    if (buckets.length === 0) return 0;
    await recomputeBuckets(tx, workspaceId, grain, buckets, opts.now);
    for (const parent of DEPENDENT_GRAINS[grain]) {
      const starts = [...new Set(buckets.map((b) => truncUtc(parent, b)))];
      await tx.query(`INSERT INTO "rollup_dirty" (workspace_id, grain, bucket) SELECT $1, $2, unnest($3::timestamptz[])`, [
        workspaceId,
        parent,
        starts.map(iso),
      ]);
    }
    await tx.query(`DELETE FROM "rollup_dirty" WHERE id = ANY($1::bigint[])`, [marks.map((m) => m.id)]);
    return buckets.length;
  });
}

/**
 * Replaces every cube's rows of `buckets` (and, for hours, their minute rows). Buckets older than a
 * grain's retention are only deleted. A day is merged from hour rows when they all exist (inside the
 * hour retention), otherwise computed from raw events; weeks and months from days. Everything computed
 * from raw events is one statement, so the events are read and keyed once for all cubes.
 */
async function recomputeBuckets(tx: SqlExecutor, ws: number, grain: Grain, buckets: number[], now: number): Promise<void> {
  const raw: RawTarget[] = [];
  const finer: { cube: CubeName; source: Grain; starts: number[] }[] = [];
  for (const cube of CUBE_NAMES) {
    if (cubeHasGrain(cube, grain)) {
      await tx.query(deleteRowsSql(cube, grain), [ws, buckets.map(iso)]);
      const kept = buckets.filter((b) => b >= retainedFrom(cube, grain, now));
      const preferred = SOURCE_GRAIN[grain];
      // Finer rows within an hour of their retention edge may be pruned mid-way: use raw events there.
      const fromFiner = preferred === "raw" ? [] : kept.filter((b) => b >= retainedFrom(cube, preferred, now) + HOUR);
      const fromRaw = kept.filter((b) => !fromFiner.includes(b));
      if (fromRaw.length > 0) raw.push({ cube, grain, ranges: toRuns(grain, fromRaw) });
      if (fromFiner.length > 0 && preferred !== "raw") finer.push({ cube, source: preferred, starts: fromFiner });
    }
    if (grain === "hour" && cubeHasGrain(cube, "minute")) {
      const del = deleteRowsInRangesSql(ws, cube, "minute", toRuns("hour", buckets));
      await tx.query(del.text, del.params);
      const kept = buckets.filter((h) => nextUtc("hour", h) > retainedFrom(cube, "minute", now));
      if (kept.length > 0) raw.push({ cube, grain: "minute", ranges: toRuns("hour", kept) });
    }
  }
  if (raw.length > 0) {
    const st = recomputeFromRawSql(ws, raw);
    await tx.query(st.text, st.params);
  }
  for (const f of finer) {
    const st = recomputeFromFinerSql(ws, f.cube, grain, f.source, toRuns(grain, f.starts));
    await tx.query(st.text, st.params);
  }
}
