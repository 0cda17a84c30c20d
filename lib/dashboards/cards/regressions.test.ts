import { describe, expect, it } from "vitest";
import type { ViewWindow } from "../dashboard-view";
import { prepareRegressions, regressionRequests } from "./regressions";
import { prepareSpendOverTime, spendOverTimeRequest } from "./spend-over-time";
import { latencyPercentilesRequest, prepareLatencyPercentiles } from "./latency-percentiles";

const w: ViewWindow = {
  from: "2026-11-15T00:00:00.000Z",
  to: "2026-11-22T00:00:00.000Z",
  previousFrom: "2026-11-08T00:00:00.000Z",
  previousTo: "2026-11-15T00:00:00.000Z",
  granularity: "day",
  label: "x",
};

describe("client card questions and answers", () => {
  it("asks the regression finder's two periods with the same grouping and filters", () => {
    const [now, before] = regressionRequests(w, "model", { tenant: ["acme"] });
    expect(now).toMatchObject({ from: w.from, to: w.to, dimensions: ["provider", "model"], filters: { tenant: ["acme"] } });
    expect(before).toMatchObject({ from: w.previousFrom, to: w.previousTo, dimensions: ["provider", "model"] });
    expect(regressionRequests(w, "route", {})[0].dimensions).toEqual(["route"]);
  });

  it("compares latency and TTFT separately", () => {
    const r = prepareRegressions(
      {
        current: [{ route: "/chat", requests: 100, latency_p95_ms: 2000, ttft_p95_ms: 300 }],
        previous: [{ route: "/chat", requests: 100, latency_p95_ms: 1000, ttft_p95_ms: 300 }],
      },
      "route",
      10,
    );
    expect(r.latency[0]?.change).toBe(1);
    expect(r.ttft[0]?.change).toBe(0);
  });

  it("stacks spend by the picked dimension over every bucket of the range", () => {
    expect(spendOverTimeRequest(w, "model", {})).toEqual({
      from: w.from,
      to: w.to,
      measures: ["cost_usd"],
      dimensions: ["model"],
      granularity: "day",
    });
    const chart = prepareSpendOverTime([{ bucket: "2026-11-16T00:00:00.000Z", model: "gpt-4o", cost_usd: "1.5000000000" }], w, "model");
    expect(chart.points).toHaveLength(7);
    expect(chart.series[0]).toMatchObject({ label: "gpt-4o", total: "1.5" });
  });

  it("scopes the percentile card to one model when picked, gaps where no call happened", () => {
    expect(latencyPercentilesRequest(w, "gpt-4o", { provider: ["openai"] }).filters).toEqual({ provider: ["openai"], model: ["gpt-4o"] });
    expect(latencyPercentilesRequest(w, null, {}).filters).toBeUndefined();
    const { latency, ttft } = prepareLatencyPercentiles(
      [
        {
          bucket: "2026-11-15T00:00:00.000Z",
          latency_p50_ms: 100,
          latency_p95_ms: 400,
          latency_p99_ms: 900,
          ttft_p50_ms: null,
          ttft_p95_ms: null,
          ttft_p99_ms: null,
        },
      ],
      w,
    );
    expect(latency.series.map((s) => s.label)).toEqual(["p50", "p95", "p99"]);
    expect(latency.points[0]?.v.s1).toBe(400);
    expect(latency.points[1]?.v.s1).toBeNull();
    expect(ttft.hasData).toBe(false);
  });
});
