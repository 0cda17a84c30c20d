import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { OTHER_KEY, prepareDimensionSeries } from "./prepare-dimension-series";

const from = new Date("2026-11-20T00:00:00Z");
const to = new Date("2026-11-22T00:00:00Z");
const b1 = "2026-11-20T00:00:00Z";
const b2 = "2026-11-21T00:00:00Z";

describe("prepareDimensionSeries", () => {
  it("stacks the top values and sums the tail exactly into Other", () => {
    const rows = [
      { bucket: b1, provider: "openai", cost_usd: "10.5" },
      { bucket: b2, provider: "openai", cost_usd: "1" },
      { bucket: b1, provider: "anthropic", cost_usd: "5" },
      { bucket: b1, provider: "google", cost_usd: "0.1" },
      { bucket: b2, provider: "self-hosted", cost_usd: "0.2" },
      { bucket: b2, provider: null, cost_usd: "0.0000000001" },
    ];
    const chart = prepareDimensionSeries({ rows, dimension: "provider", measure: "cost_usd", from, to, granularity: "day", maxSeries: 3 });
    expect(chart.series.map((s) => s.label)).toEqual(["openai", "anthropic", "Other (3)"]);
    expect(chart.values).toEqual(["openai", "anthropic", OTHER_KEY]);
    expect(chart.omitted).toBe(3);
    expect(chart.points.map((p) => p.x.s2)).toEqual(["0.1", "0.2000000001"]);
    // The stack adds up to the exact page total.
    const total = chart.series.reduce((s, x) => s.plus(x.total ?? 0), new Decimal(0));
    expect(total.toFixed()).toBe("16.8000000001");
    // Missing cell of an additive measure is 0.
    expect(chart.points[1]?.x.s1).toBe("0");
  });

  it("keeps percentile gaps, ranks by the given order and never invents an Other percentile", () => {
    const rows = [
      { bucket: b1, model: "gpt-4.1", latency_p95_ms: 900 },
      { bucket: b2, model: "gpt-4.1", latency_p95_ms: null },
      { bucket: b2, model: "claude-sonnet-4", latency_p95_ms: 1500 },
      { bucket: b1, model: "tiny", latency_p95_ms: 100 },
    ];
    const chart = prepareDimensionSeries({
      rows,
      dimension: "model",
      measure: "latency_p95_ms",
      from,
      to,
      granularity: "day",
      maxSeries: 2,
      rank: ["claude-sonnet-4", "gpt-4.1", "tiny"],
    });
    expect(chart.series.map((s) => s.label)).toEqual(["claude-sonnet-4", "gpt-4.1"]);
    expect(chart.series.every((s) => s.total === null)).toBe(true);
    expect(chart.omitted).toBe(1);
    expect(chart.points.map((p) => p.v.s0)).toEqual([null, 1500]);
    expect(chart.points.map((p) => p.v.s1)).toEqual([900, null]);
  });

  it("names events without a value instead of hiding them", () => {
    const chart = prepareDimensionSeries({
      rows: [{ bucket: b1, tenant: null, requests: 3 }],
      dimension: "tenant",
      measure: "requests",
      from,
      to,
      granularity: "day",
    });
    expect(chart.series[0]?.label).toBe("(no tenant)");
    expect(chart.values).toEqual([null]);
  });

  it("says there is no data when nothing was returned", () => {
    const chart = prepareDimensionSeries({ rows: [], dimension: "provider", measure: "cost_usd", from, to, granularity: "day" });
    expect(chart.hasData).toBe(false);
    expect(chart.series).toEqual([]);
    expect(chart.points).toHaveLength(2);
  });
});
