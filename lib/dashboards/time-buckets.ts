/**
 * Time buckets of a dashboard chart, aligned exactly like the metrics engine aligns them (UTC, Postgres
 * date_trunc semantics: weeks start on Monday), so a chart can list every bucket of the range — including
 * the ones with no data, which must still be drawn (as 0 or as a gap, per measure).
 */
import type { Granularity } from "@/lib/metrics/query-schema";

export type { Granularity };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Enough points to see a shape, few enough that bars stay readable and the query stays cheap. */
export function pickGranularity(from: Date, to: Date): Granularity {
  const span = to.getTime() - from.getTime();
  if (span <= 8 * DAY) return "hour";
  if (span <= 120 * DAY) return "day";
  return "week";
}

export function bucketStart(t: Date, g: Granularity): Date {
  const d = new Date(t.getTime());
  switch (g) {
    case "minute":
      return new Date(Math.floor(d.getTime() / MINUTE) * MINUTE);
    case "hour":
      return new Date(Math.floor(d.getTime() / HOUR) * HOUR);
    case "day":
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    case "week": {
      const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const sinceMonday = (day.getUTCDay() + 6) % 7;
      return new Date(day.getTime() - sinceMonday * DAY);
    }
    case "month":
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  }
}

export function nextBucket(start: Date, g: Granularity): Date {
  switch (g) {
    case "minute":
      return new Date(start.getTime() + MINUTE);
    case "hour":
      return new Date(start.getTime() + HOUR);
    case "day":
      return new Date(start.getTime() + DAY);
    case "week":
      return new Date(start.getTime() + 7 * DAY);
    case "month":
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
}

/** Every bucket overlapping [from, to), oldest first. */
export function listBuckets(from: Date, to: Date, g: Granularity, max = 5000): Date[] {
  const out: Date[] = [];
  for (let b = bucketStart(from, g); b.getTime() < to.getTime() && out.length < max; b = nextBucket(b, g)) out.push(b);
  return out;
}

/** Bucket keys from the engine may be ISO strings in any precision or Dates; compare them as epoch ms. */
export function bucketKey(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" || typeof value === "number") {
    const t = new Date(value).getTime();
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

const hourFmt = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const dayFmt = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const monthFmt = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", year: "numeric" });

/** Full label of a bucket (tooltips, tables): says what span the point covers. */
export function bucketLabel(start: number, g: Granularity): string {
  const d = new Date(start);
  switch (g) {
    case "minute":
    case "hour":
      return `${hourFmt.format(d)} UTC`;
    case "day":
      return dayFmt.format(d);
    case "week":
      return `Week of ${dayFmt.format(d)}`;
    case "month":
      return monthFmt.format(d);
  }
}

/** Short axis tick: hours show the time (and the day at midnight), days the date. */
export function bucketTick(start: number, g: Granularity): string {
  const d = new Date(start);
  if (g === "hour" || g === "minute") {
    return d.getUTCHours() === 0 && d.getUTCMinutes() === 0
      ? dayFmt.format(d)
      : `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  }
  if (g === "month") return monthFmt.format(d);
  return dayFmt.format(d);
}
