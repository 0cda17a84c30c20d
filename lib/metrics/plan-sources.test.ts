import { describe, expect, it } from "vitest";
import { nextUtc, type Grain } from "@/lib/rollups/grains";
import { planSources, type DirtyBuckets, type SourcePlan } from "./plan-sources";

const t = (s: string) => Date.parse(s);
const NOW = t("2026-11-20T10:17:00Z");
const clean: DirtyBuckets = { hour: [], day: [], week: [], month: [] };

/** Every millisecond of [from, to) is covered exactly once by the plan's rollup buckets and raw ranges. */
function expectExactCover(plan: SourcePlan, from: number, to: number) {
  const pieces: [number, number][] = plan.raw.map((r) => [r.lo, r.hi]);
  for (const [g, starts] of Object.entries(plan.grains) as [Grain, number[]][]) for (const s of starts) pieces.push([s, nextUtc(g, s)]);
  pieces.sort((a, b) => a[0] - b[0]);
  let at = from;
  for (const [lo, hi] of pieces) {
    expect(lo).toBe(at);
    at = hi;
  }
  expect(at).toBe(to);
}

describe("planSources", () => {
  it("covers 90 days with whole months, then weeks, days, hours and raw edges", () => {
    const from = t("2026-08-22T10:17:00Z");
    const plan = planSources({ cube: "route", bounds: [from], to: NOW, dirty: clean, now: NOW });
    expectExactCover(plan, from, NOW);
    expect(plan.bucketCounts).toMatchObject({ month: 2, week: 3 });
    expect(plan.grains.month).toEqual([t("2026-09-01T00:00:00Z"), t("2026-10-01T00:00:00Z")]);
    // Raw only for the partial hours at both ends.
    expect(plan.raw).toEqual([
      { lo: from, hi: t("2026-08-22T11:00:00Z") },
      { lo: t("2026-11-20T10:00:00Z"), hi: NOW },
    ]);
    expect(plan.staleRawMs).toBe(0);
  });

  it("uses minute rows for recent sub-hour edges of the pm cube", () => {
    const from = t("2026-11-20T08:30:00Z");
    const plan = planSources({ cube: "pm", bounds: [from], to: NOW, dirty: clean, now: NOW });
    expectExactCover(plan, from, NOW);
    expect(plan.bucketCounts).toEqual({ hour: 1, minute: 30 + 17 });
    expect(plan.raw).toEqual([]);
  });

  it("routes around stale buckets: a dirty hour goes raw, its day, week and month are not used", () => {
    const from = t("2026-10-01T00:00:00Z");
    const to = t("2026-11-01T00:00:00Z");
    const dirtyHour = t("2026-10-14T05:00:00Z");
    const plan = planSources({ cube: "core", bounds: [from], to, dirty: { ...clean, hour: [dirtyHour] }, now: NOW });
    expectExactCover(plan, from, to);
    expect(plan.grains.month).toBeUndefined();
    expect(plan.grains.day).not.toContain(t("2026-10-14T00:00:00Z"));
    expect(plan.grains.week).not.toContain(t("2026-10-12T00:00:00Z"));
    expect(plan.raw).toEqual([{ lo: dirtyHour, hi: dirtyHour + 3_600_000 }]);
    expect(plan.staleRawMs).toBe(3_600_000);
    // A dirty day (its hours fresh) is served by hours; a dirty month by weeks and days.
    const p2 = planSources({
      cube: "core",
      bounds: [from],
      to,
      dirty: { ...clean, day: [t("2026-10-14T00:00:00Z")], month: [from] },
      now: NOW,
    });
    expectExactCover(p2, from, to);
    expect(p2.bucketCounts.hour).toBe(24);
    expect(p2.raw).toEqual([]);
  });

  it("never lets a rollup bucket straddle an output bucket", () => {
    // New York days: boundaries at 04:00/05:00 UTC, so only hour rows fit inside them.
    const bounds = [t("2026-11-01T04:00:00Z"), t("2026-11-02T05:00:00Z"), t("2026-11-03T05:00:00Z")];
    const to = t("2026-11-04T05:00:00Z");
    const plan = planSources({ cube: "pm", bounds, to, dirty: clean, now: NOW });
    expectExactCover(plan, bounds[0]!, to);
    expect(Object.keys(plan.grains)).toEqual(["hour"]);
    expect(plan.bucketCounts.hour).toBe(25 + 24 + 24);
  });

  it("does not use hour rows past a cube's hour retention: older edges come from raw events", () => {
    const from = t("2026-08-22T10:17:00Z");
    const plan = planSources({ cube: "full", bounds: [from], to: NOW, dirty: clean, now: NOW });
    expectExactCover(plan, from, NOW);
    expect(plan.raw[0]).toEqual({ lo: from, hi: t("2026-08-23T00:00:00Z") });
    expect(plan.staleRawMs).toBe(0);
  });
});
