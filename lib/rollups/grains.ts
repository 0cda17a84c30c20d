/**
 * Time grains of rollup rows. Rows are aligned to UTC (DESIGN-NOTES "Time"): a row of grain g at
 * bucket b covers [b, next(g, b)). Months have their calendar length.
 */
export const GRAINS = ["minute", "hour", "day", "month"] as const;
export type Grain = (typeof GRAINS)[number];

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Start of the UTC grain bucket holding `ms`. */
export function truncUtc(grain: Grain, ms: number): number {
  switch (grain) {
    case "minute":
      return Math.floor(ms / MINUTE) * MINUTE;
    case "hour":
      return Math.floor(ms / HOUR) * HOUR;
    case "day":
      return Math.floor(ms / DAY) * DAY;
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
    case "month": {
      const d = new Date(start);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
}

/** The grain one level up (whose rows are merged from this one), or null at the top. */
export function parentGrain(grain: Grain): Grain | null {
  const i = GRAINS.indexOf(grain);
  return GRAINS[i + 1] ?? null;
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
