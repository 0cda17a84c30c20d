/**
 * Time grains of rollup rows. Rows are aligned to UTC (DESIGN-NOTES "Time"): a row of grain g at
 * bucket b covers [b, next(g, b)). Weeks start on Monday (ISO, as Postgres' date_trunc('week')); months
 * have their calendar length. Weeks do not nest in months: both are merged from day rows.
 */
export const GRAINS = ["minute", "hour", "day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

/** Coarsest first: the order in which the query planner tries to cover a range. */
export const GRAINS_COARSE_FIRST: readonly Grain[] = ["month", "week", "day", "hour", "minute"];

/** Where rows of a grain are recomputed from: raw events, or the rows of a finer grain of the same cube. */
export const SOURCE_GRAIN: Record<Grain, Grain | "raw"> = { minute: "raw", hour: "raw", day: "hour", week: "day", month: "day" };

/** Grains whose rows merge this grain's rows: after a refresh, their buckets are marked dirty. */
export const DEPENDENT_GRAINS: Record<Grain, readonly Grain[]> = { minute: [], hour: ["day"], day: ["week", "month"], week: [], month: [] };

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05 was a Monday. */
const MONDAY = 4 * DAY;

/** Start of the UTC grain bucket holding `ms`. */
export function truncUtc(grain: Grain, ms: number): number {
  switch (grain) {
    case "minute":
      return Math.floor(ms / MINUTE) * MINUTE;
    case "hour":
      return Math.floor(ms / HOUR) * HOUR;
    case "day":
      return Math.floor(ms / DAY) * DAY;
    case "week":
      return Math.floor((ms - MONDAY) / WEEK) * WEEK + MONDAY;
    case "month": {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    }
  }
}

/** Start of the next bucket after the one starting at `start` (which must be aligned). */
export function nextUtc(grain: Grain, start: number): number {
  switch (grain) {
    case "minute":
      return start + MINUTE;
    case "hour":
      return start + HOUR;
    case "day":
      return start + DAY;
    case "week":
      return start + WEEK;
    case "month": {
      const d = new Date(start);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
}

/** Hour buckets overlapping [from, to), as epoch ms. */
export function hoursOverlapping(from: number, to: number): number[] {
  const out: number[] = [];
  for (let h = truncUtc("hour", from); h < to; h += HOUR) out.push(h);
  return out;
}

/** Consecutive aligned buckets of one grain merged into [lo, hi) runs (input in any order). */
export function toRuns(grain: Grain, starts: Iterable<number>): { lo: number; hi: number }[] {
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  const runs: { lo: number; hi: number }[] = [];
  for (const s of sorted) {
    const last = runs[runs.length - 1];
    const end = nextUtc(grain, s);
    if (last && last.hi === s) last.hi = end;
    else runs.push({ lo: s, hi: end });
  }
  return runs;
}
