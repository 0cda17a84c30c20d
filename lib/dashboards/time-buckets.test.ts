import { describe, expect, it } from "vitest";
import { bucketKey, bucketStart, listBuckets, pickGranularity } from "./time-buckets";

const d = (s: string) => new Date(s);

describe("time buckets", () => {
  it("aligns like Postgres date_trunc in UTC (weeks start on Monday)", () => {
    expect(bucketStart(d("2026-11-22T13:45:12Z"), "hour").toISOString()).toBe("2026-11-22T13:00:00.000Z");
    expect(bucketStart(d("2026-11-22T13:45:12Z"), "day").toISOString()).toBe("2026-11-22T00:00:00.000Z");
    // 2026-11-22 is a Sunday: its week began on Monday the 16th.
    expect(bucketStart(d("2026-11-22T13:45:12Z"), "week").toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(bucketStart(d("2026-11-16T00:00:00Z"), "week").toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(bucketStart(d("2026-11-22T13:45:12Z"), "month").toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("lists every bucket overlapping [from, to), the partial first one included", () => {
    const b = listBuckets(d("2026-11-22T10:30:00Z"), d("2026-11-22T13:00:00Z"), "hour").map((x) => x.toISOString());
    expect(b).toEqual(["2026-11-22T10:00:00.000Z", "2026-11-22T11:00:00.000Z", "2026-11-22T12:00:00.000Z"]);
    expect(listBuckets(d("2026-11-01T00:00:00Z"), d("2026-11-04T00:00:00Z"), "day")).toHaveLength(3);
    expect(listBuckets(d("2026-01-31T00:00:00Z"), d("2026-04-01T00:00:00Z"), "month").map((x) => x.toISOString().slice(0, 10))).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ]);
  });

  it("picks hourly points for a week and daily points for a quarter", () => {
    const now = d("2026-11-22T12:00:00Z");
    expect(pickGranularity(new Date(now.getTime() - 86_400_000), now)).toBe("hour");
    expect(pickGranularity(new Date(now.getTime() - 7 * 86_400_000), now)).toBe("hour");
    expect(pickGranularity(new Date(now.getTime() - 30 * 86_400_000), now)).toBe("day");
    expect(pickGranularity(new Date(now.getTime() - 90 * 86_400_000), now)).toBe("day");
    expect(pickGranularity(new Date(now.getTime() - 366 * 86_400_000), now)).toBe("week");
  });

  it("reads bucket keys in any ISO precision", () => {
    expect(bucketKey("2026-11-22T10:00:00Z")).toBe(bucketKey("2026-11-22T10:00:00.000Z"));
    expect(bucketKey(new Date("2026-11-22T10:00:00Z"))).toBe(Date.UTC(2026, 10, 22, 10));
    expect(bucketKey("nope")).toBeNull();
    expect(bucketKey(null)).toBeNull();
  });
});
