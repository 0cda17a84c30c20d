import { describe, expect, it } from "vitest";
import { percentileByModelRequest, preparePercentileByModel } from "./percentile-by-model";
import { rankingBars } from "../pages/ranking-page";
import { prepareMeasureTable } from "../prepare-measure-table";
import type { ViewWindow } from "../dashboard-view";

const w: ViewWindow = {
  from: "2026-11-20T00:00:00.000Z",
  to: "2026-11-22T00:00:00.000Z",
  previousFrom: "2026-11-18T00:00:00.000Z",
  previousTo: "2026-11-20T00:00:00.000Z",
  granularity: "day",
  label: "x",
};

describe("percentile by model", () => {
  it("asks for the chosen percentile with request counts, per model", () => {
    expect(percentileByModelRequest(w, "ttft", "p99", { provider: ["openai"] })).toEqual({
      from: w.from,
      to: w.to,
      measures: ["requests", "ttft_p99_ms"],
      dimensions: ["model"],
      granularity: "day",
      filters: { provider: ["openai"] },
    });
  });

  it("draws the busiest models, gaps where a model had no calls", () => {
    const rows = [
      { bucket: "2026-11-20T00:00:00Z", model: "quiet", requests: 1, latency_p95_ms: 50 },
      { bucket: "2026-11-20T00:00:00Z", model: "busy", requests: 500, latency_p95_ms: 900 },
      { bucket: "2026-11-21T00:00:00Z", model: "busy", requests: 0, latency_p95_ms: null },
      { bucket: "2026-11-21T00:00:00Z", model: "mid", requests: 40, latency_p95_ms: 700 },
    ];
    const chart = preparePercentileByModel(rows, w, "latency", "p95", 2);
    expect(chart.series.map((s) => s.label)).toEqual(["busy", "mid"]);
    expect(chart.omitted).toBe(1);
    expect(chart.points.map((p) => p.v.s0)).toEqual([900, null]);
    expect(chart.points.map((p) => p.v.s1)).toEqual([null, 700]);
  });
});

describe("ranking bars", () => {
  it("takes the top rows by exact spend", () => {
    const table = prepareMeasureTable({
      rows: [
        { tenant: "a", cost_usd: "1.5" },
        { tenant: null, cost_usd: "9" },
        { tenant: "c", cost_usd: "10.25" },
      ],
      dimensions: [{ id: "tenant", header: "Tenant" }],
      measures: [{ measure: "cost_usd" }],
    });
    expect(rankingBars(table, "tenant", 2)).toEqual([
      { label: "c", v: 10.25, x: "10.25" },
      { label: "(no tenant)", v: 9, x: "9" },
    ]);
  });
});
