import type { Sql } from "@/lib/db/sql";
import { CUBE_NAMES, CUBES } from "./cubes";
import { hoursOverlapping, nextUtc, truncUtc } from "./grains";
import { defaultMaxBuckets, yieldToEventLoop, type RefreshResult } from "./refresh-rollups";
import { refreshStep, type MarkedGrain } from "./refresh-step";

export type RebuildOptions = {
  /** Default: from the earliest event or rollup row of the workspace. */
  from?: Date;
  /** Default: to the end of the latest event or rollup row. */
  to?: Date;
  onStep?: (grain: MarkedGrain, buckets: number) => void | Promise<void>;
  maxBuckets?: Partial<Record<MarkedGrain, number>>;
  /** Refresh transactions running at once (Postgres only; PGlite has one connection). Default 2. */
  parallel?: number;
  signal?: AbortSignal;
  /** The clock the retention of minute and hour rows is judged by (tests pin it). */
  now?: () => number;
};

export type RebuildResult = RefreshResult & { from: Date | null; to: Date | null; hours: number };

const MARK_CHUNK = 5_000;

/**
 * Recomputes a workspace's rollups from raw events over [from, to) (widened to whole UTC hours; the
 * days, weeks and months touching it are re-merged whole). It marks every hour dirty and runs the very
 * refresh steps the worker runs, so a rebuild yields exactly what incremental maintenance yields; only
 * the schedule differs: grain by grain (all hours, then all days, …) so no coarse bucket is merged
 * twice, with `parallel` steps at once (steps claim disjoint buckets). Rows whose events are gone
 * disappear (every bucket is deleted and recomputed). Safe while the app and worker run.
 */
export async function rebuildRollups(sql: Sql, workspaceId: number, opts: RebuildOptions = {}): Promise<RebuildResult> {
  const range = await rebuildRange(sql, workspaceId, opts);
  const empty = { hour: 0, day: 0, week: 0, month: 0 };
  if (!range) return { from: null, to: null, hours: 0, buckets: empty, exhausted: false };
  const hours = hoursOverlapping(range.from, range.to);
  for (let i = 0; i < hours.length; i += MARK_CHUNK) {
    await sql.query(`INSERT INTO "rollup_dirty" (workspace_id, grain, bucket) SELECT $1, 'hour', unnest($2::timestamptz[])`, [
      workspaceId,
      hours.slice(i, i + MARK_CHUNK).map((h) => new Date(h).toISOString()),
    ]);
  }
  const max = { ...defaultMaxBuckets(sql.kind), ...opts.maxBuckets };
  const workers = sql.kind === "postgres" ? Math.max(1, opts.parallel ?? 2) : 1;
  const buckets: Record<MarkedGrain, number> = { hour: 0, day: 0, week: 0, month: 0 };
  for (const grain of ["hour", "day", "week", "month"] as const) {
    const drain = async () => {
      for (;;) {
        opts.signal?.throwIfAborted();
        const n = await refreshStep(sql, workspaceId, grain, { maxBuckets: max[grain], minAgeMs: 0, now: (opts.now ?? Date.now)() });
        if (n === 0) return;
        buckets[grain] += n;
        await opts.onStep?.(grain, n);
        if (sql.kind === "pglite") await yieldToEventLoop(); // see refreshRollups
      }
    };
    await Promise.all(Array.from({ length: workers }, drain));
  }
  // Fresh rollup rows have no planner statistics yet; the metrics query plans better with them.
  if (sql.kind === "postgres") for (const c of CUBE_NAMES) await sql.exec(`ANALYZE "${CUBES[c].table}"`);
  return { buckets, exhausted: false, from: new Date(range.from), to: new Date(range.to), hours: hours.length };
}

async function rebuildRange(sql: Sql, workspaceId: number, opts: RebuildOptions): Promise<{ from: number; to: number } | null> {
  if (opts.from && opts.to) {
    if (!(opts.from < opts.to)) throw new RangeError("--from must be before --to");
    return { from: opts.from.getTime(), to: opts.to.getTime() };
  }
  // Week and month rows sit on day rows (days are kept forever), so the day rows bound the range.
  const spans = CUBE_NAMES.map(
    (c) =>
      `SELECT min(bucket) AS lo, max(bucket) AS hi FROM "${CUBES[c].table}" WHERE workspace_id = $1 AND grain IN ('minute', 'hour', 'day')`,
  );
  const [row] = await sql.query<{ lo: Date | null; hi: Date | null }>(
    `SELECT min(lo) AS lo, max(hi) AS hi FROM (
       SELECT min(ts) AS lo, max(ts) AS hi FROM "usage_events" WHERE workspace_id = $1
       UNION ALL ${spans.join(" UNION ALL ")}) s`,
    [workspaceId],
  );
  if (!row?.lo || !row.hi) return null;
  const from = opts.from?.getTime() ?? truncUtc("hour", row.lo.getTime());
  const to = opts.to?.getTime() ?? nextUtc("day", truncUtc("day", row.hi.getTime()));
  return from < to ? { from, to } : null;
}
