import { describe, expect, it } from "vitest";
import { loadDateRangeParams } from "./date-range-params";
import { MAX_CUSTOM_DAYS, readDateRange, resolveDateRange } from "./resolve-date-range";

const now = new Date("2026-11-22T12:34:56.000Z");

describe("resolveDateRange", () => {
  it("defaults to the last 7 days ending now", () => {
    const r = resolveDateRange(loadDateRangeParams({}), now);
    expect(r.choice).toBe("7d");
    expect(r.to.toISOString()).toBe(now.toISOString());
    expect(r.from.toISOString()).toBe("2026-11-15T12:34:56.000Z");
    expect(r.label).toBe("Last 7 days");
  });

  it.each([
    ["24h", "2026-11-21T12:34:56.000Z"],
    ["30d", "2026-10-23T12:34:56.000Z"],
    ["90d", "2026-08-24T12:34:56.000Z"],
  ])("preset %s starts at %s", (range, from) => {
    const r = resolveDateRange(loadDateRangeParams({ range }), now);
    expect(r.choice).toBe(range);
    expect(r.from.toISOString()).toBe(from);
  });

  it("custom days are UTC and the end day is included", () => {
    const r = resolveDateRange(loadDateRangeParams({ range: "custom", from: "2026-11-01", to: "2026-11-03" }), now);
    expect(r.choice).toBe("custom");
    expect(r.from.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-11-04T00:00:00.000Z");
    expect(r.label).toBe("2026-11-01 – 2026-11-03 (UTC)");
  });

  it("a single custom day spans 24 hours", () => {
    const r = resolveDateRange(loadDateRangeParams({ range: "custom", from: "2026-11-05", to: "2026-11-05" }), now);
    expect(r.to.getTime() - r.from.getTime()).toBe(86_400_000);
  });

  it("falls back to the default for invalid custom input", () => {
    for (const q of [
      { range: "custom" },
      { range: "custom", from: "2026-11-05" },
      { range: "custom", from: "2026-11-05", to: "2026-11-01" },
      { range: "custom", from: "not-a-day", to: "2026-11-01" },
      { range: "forever" },
    ]) {
      const r = resolveDateRange(loadDateRangeParams(q), now);
      expect(r.choice, JSON.stringify(q)).toBe("7d");
    }
  });

  it("ignores from/to unless the range is custom", () => {
    const r = resolveDateRange(loadDateRangeParams({ range: "30d", from: "2020-01-01", to: "2020-01-02" }), now);
    expect(r.choice).toBe("30d");
    expect(r.to.toISOString()).toBe(now.toISOString());
  });

  it("caps a custom range at the maximum span", () => {
    const r = resolveDateRange(loadDateRangeParams({ range: "custom", from: "2020-01-01", to: "2026-01-01" }), now);
    expect((r.to.getTime() - r.from.getTime()) / 86_400_000).toBe(MAX_CUSTOM_DAYS);
  });

  it("reads a Next.js searchParams promise", async () => {
    const r = await readDateRange(Promise.resolve({ range: "24h" }), now);
    expect(r.choice).toBe("24h");
  });
});
