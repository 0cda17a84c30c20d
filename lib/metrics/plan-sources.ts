import type { TimeRange } from "@/lib/db/sql-text";
import { cubeHasGrain, retainedFrom, type CubeName } from "@/lib/rollups/cubes";
import { GRAINS_COARSE_FIRST, nextUtc, truncUtc, type Grain } from "@/lib/rollups/grains";

/** Stale buckets per marked grain (epoch ms of bucket starts), as read from rollup_dirty. */
export type { TimeRange };

export type DirtyBuckets = { hour: number[]; day: number[]; week: number[]; month: number[] };

/** Where the rows of a query come from: rollup bucket starts per grain, and raw-event ranges. */
export type SourcePlan = {
  cube: CubeName;
  /** Bucket starts (epoch ms, ascending) used per grain. */
  grains: Partial<Record<Grain, number[]>>;
  /** Buckets used per grain (for meta and tests). */
  bucketCounts: Partial<Record<Grain, number>>;
  raw: TimeRange[];
  /** Raw time that is raw only because its rollup rows are stale (the worker has not caught up yet). */
  staleRawMs: number;
};

/** Rows of a grain are used only from this long after their retention edge (pruning runs with slack). */
const RETENTION_MARGIN_MS = 3_600_000;

/**
 * Covers each output bucket [bounds[i], bounds[i+1]) (the last ends at `to`) with the coarsest rollup
 * rows that fit entirely inside it: whole UTC months first, then weeks, days, hours, minutes; the rest
 * (edges finer than the cube's finest grain, buckets past a grain's retention) from raw events. A rollup
 * bucket is used only when it is not stale: neither it nor any finer bucket inside it is marked dirty —
 * stale rows are covered by finer rows or raw events instead, so the answer is exact even before the
 * worker catches up. Segments never straddle an output bucket, so every row maps to one bucket.
 */
export function planSources(args: { cube: CubeName; bounds: readonly number[]; to: number; dirty: DirtyBuckets; now: number }): SourcePlan {
  const { cube, bounds, to, now } = args;
  const dirty = {
    hour: new Set(args.dirty.hour),
    day: new Set(args.dirty.day),
    week: new Set(args.dirty.week),
    month: new Set(args.dirty.month),
  };
  const sortedHours = [...dirty.hour].sort((a, b) => a - b);
  const sortedDays = [...dirty.day].sort((a, b) => a - b);
  const levels = GRAINS_COARSE_FIRST.filter((g) => cubeHasGrain(cube, g));
  const picked = new Map<Grain, number[]>();
  const raw: TimeRange[] = [];
  let staleRawMs = 0;

  const anyIn = (sorted: number[], lo: number, hi: number) => {
    // First element ≥ lo (binary search), then check it is < hi.
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if ((sorted[m] as number) < lo) a = m + 1;
      else b = m;
    }
    return a < sorted.length && (sorted[a] as number) < hi;
  };

  const stale = (g: Grain, t: number, end: number): boolean => {
    if (g === "minute") return dirty.hour.has(truncUtc("hour", t));
    if (g === "hour") return dirty.hour.has(t);
    if (dirty[g].has(t) || anyIn(sortedHours, t, end)) return true;
    return (g === "week" || g === "month") && anyIn(sortedDays, t, end);
  };

  const tile = (lo: number, hi: number, level: number, becauseStale: boolean): void => {
    if (lo >= hi) return;
    const g = levels[level];
    if (g === undefined) {
      raw.push({ lo, hi });
      if (becauseStale) staleRawMs += hi - lo;
      return;
    }
    const keepFrom = retainedFrom(cube, g, now) + RETENTION_MARGIN_MS;
    let t = truncUtc(g, lo);
    if (t < lo) t = nextUtc(g, t);
    if (t >= hi || nextUtc(g, t) > hi) return tile(lo, hi, level + 1, becauseStale);
    tile(lo, t, level + 1, becauseStale);
    for (let end = nextUtc(g, t); end <= hi; t = end, end = nextUtc(g, t)) {
      if (t < keepFrom) tile(t, end, level + 1, becauseStale);
      else if (stale(g, t, end)) tile(t, end, level + 1, true);
      else {
        const list = picked.get(g);
        if (list) list.push(t);
        else picked.set(g, [t]);
      }
    }
    tile(t, hi, level + 1, becauseStale);
  };

  for (let i = 0; i < bounds.length; i++) {
    const lo = bounds[i] as number;
    const hi = i + 1 < bounds.length ? (bounds[i + 1] as number) : to;
    tile(lo, Math.min(hi, to), 0, false);
  }

  const grains: SourcePlan["grains"] = {};
  const bucketCounts: SourcePlan["bucketCounts"] = {};
  for (const [g, starts] of picked) {
    grains[g] = starts.sort((a, b) => a - b);
    bucketCounts[g] = starts.length;
  }
  return { cube, grains, bucketCounts, raw: mergeRanges(raw), staleRawMs };
}

function mergeRanges(ranges: TimeRange[]): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => a.lo - b.lo);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.hi >= r.lo) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}
