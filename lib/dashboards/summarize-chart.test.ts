import { describe, expect, it } from "vitest";
import { prepareDimensionSeries } from "./prepare-dimension-series";
import { prepareMeasureSeries } from "./prepare-measure-series";
import { summarizeChart } from "./summarize-chart";

const from = new Date("2026-11-20T00:00:00Z");
const to = new Date("2026-11-22T00:00:00Z");

describe("summarizeChart", () => {
  it("states the total and the largest series of additive data", () => {
    const chart = prepareDimensionSeries({
      rows: [
        { bucket: "2026-11-20T00:00:00Z", provider: "openai", cost_usd: "10" },
        { bucket: "2026-11-21T00:00:00Z", provider: "anthropic", cost_usd: "2.5" },
      ],
      dimension: "provider",
      measure: "cost_usd",
      from,
      to,
      granularity: "day",
    });
    expect(summarizeChart(chart)).toBe("2 series over 2 daily buckets, total $12.50. Largest: openai with $10.00.");
  });

  it("states the peak of a percentile and counts the gaps", () => {
    const chart = prepareMeasureSeries({
      rows: [{ bucket: "2026-11-21T00:00:00Z", latency_p95_ms: 1500 }],
      from,
      to,
      granularity: "day",
      measures: ["latency_p95_ms"],
    });
    expect(summarizeChart(chart)).toBe(
      "One series over 2 daily buckets. Highest: 1.50 s (Latency p95, Nov 21). 1 point has no data and is drawn as a gap.",
    );
  });

  it("says so when there is nothing", () => {
    expect(summarizeChart(prepareMeasureSeries({ rows: [], from, to, granularity: "day", measures: ["requests"] }))).toBe(
      "No data in this range.",
    );
  });
});
