import { describe, expect, it } from "vitest";
import { prepareMeasureSeries } from "./prepare-measure-series";

const from = new Date("2026-11-20T00:00:00Z");
const to = new Date("2026-11-23T00:00:00Z");

describe("prepareMeasureSeries", () => {
  it("fills missing buckets with 0 for additive measures and keeps exact money", () => {
    const chart = prepareMeasureSeries({
      rows: [
        { bucket: "2026-11-20T00:00:00.000Z", cost_usd: "0.1000000001", list_cost_usd: "0.2" },
        { bucket: "2026-11-22T00:00:00.000Z", cost_usd: "0.2", list_cost_usd: "0.3" },
      ],
      from,
      to,
      granularity: "day",
      measures: ["cost_usd", "list_cost_usd"],
    });
    expect(chart.format).toBe("usd");
    expect(chart.points.map((p) => p.x.s0)).toEqual(["0.1000000001", "0", "0.2"]);
    expect(chart.points[1]?.v.s0).toBe(0);
    expect(chart.series.map((s) => s.total)).toEqual(["0.3000000001", "0.5"]);
    expect(chart.hasData).toBe(true);
  });

  it("draws percentiles as gaps where there is no data, never zeros", () => {
    const chart = prepareMeasureSeries({
      rows: [
        { bucket: "2026-11-20T00:00:00Z", latency_p50_ms: 400, latency_p95_ms: 1200, latency_p99_ms: 2000 },
        // The engine's own empty bucket: null for percentiles.
        { bucket: "2026-11-21T00:00:00Z", latency_p50_ms: null, latency_p95_ms: null, latency_p99_ms: null },
      ],
      from,
      to,
      granularity: "day",
      measures: ["latency_p50_ms", "latency_p95_ms", "latency_p99_ms"],
    });
    expect(chart.points.map((p) => p.v.s1)).toEqual([1200, null, null]);
    expect(chart.points.map((p) => p.x.s1)).toEqual(["1200", null, null]);
    expect(chart.series.every((s) => s.total === null)).toBe(true);
  });

  it("reports no data for an all-zero range, so the card can say so", () => {
    const chart = prepareMeasureSeries({
      rows: [{ bucket: "2026-11-20T00:00:00Z", requests: 0 }],
      from,
      to,
      granularity: "day",
      measures: ["requests"],
    });
    expect(chart.hasData).toBe(false);
    expect(chart.points).toHaveLength(3);
  });

  it("refuses to put different units on one axis", () => {
    expect(() => prepareMeasureSeries({ rows: [], from, to, granularity: "day", measures: ["cost_usd", "requests"] })).toThrow(
      /share a format/,
    );
  });
});
