import { describe, expect, it } from "vitest";
import { compareLatency, findRegressions } from "./prepare-regressions";
import { prepareKpis } from "./prepare-kpis";

describe("regression finder", () => {
  const current = [
    { provider: "openai", model: "gpt-4.1", requests: 500, latency_p95_ms: 3000 },
    { provider: "openai", model: "gpt-4o", requests: 500, latency_p95_ms: 1050 },
    { provider: "google", model: "gemini-2.0-flash", requests: 500, latency_p95_ms: 600 },
    { provider: "x", model: "rare", requests: 5, latency_p95_ms: 9000 },
    { provider: "x", model: "new", requests: 500, latency_p95_ms: 100 },
  ];
  const previous = [
    { provider: "openai", model: "gpt-4.1", requests: 400, latency_p95_ms: 2000 },
    { provider: "openai", model: "gpt-4o", requests: 400, latency_p95_ms: 1000 },
    { provider: "google", model: "gemini-2.0-flash", requests: 400, latency_p95_ms: 800 },
    { provider: "x", model: "rare", requests: 5, latency_p95_ms: 100 },
  ];
  const rows = compareLatency({ current, previous, dimensions: ["provider", "model"], measure: "latency_p95_ms", minRequests: 50 });

  it("ranks by relative change and skips groups too small to judge", () => {
    expect(rows.map((r) => r.label)).toEqual(["openai / gpt-4.1", "openai / gpt-4o", "google / gemini-2.0-flash"]);
    expect(rows[0]?.change).toBeCloseTo(0.5, 10);
    expect(rows[2]?.change).toBeCloseTo(-0.25, 10);
  });

  it("flags only what crossed the threshold", () => {
    expect(findRegressions(rows, 20).map((r) => r.values.model)).toEqual(["gpt-4.1"]);
    expect(findRegressions(rows, 4).map((r) => r.values.model)).toEqual(["gpt-4.1", "gpt-4o"]);
    expect(findRegressions(rows, 60)).toEqual([]);
  });
});

describe("prepareKpis", () => {
  it("keeps the engine's exact values and judges the change by direction", () => {
    const kpis = prepareKpis(
      [
        { id: "spend", measure: "cost_usd", betterWhen: "lower" },
        { id: "success", measure: "task_success_rate", betterWhen: "higher" },
        { id: "p95", measure: "latency_p95_ms", betterWhen: "lower" },
      ],
      { cost_usd: "120.0000000001", task_success_rate: 0.97, latency_p95_ms: null },
      { cost_usd: "100", task_success_rate: 0.95, latency_p95_ms: 800 },
    );
    expect(kpis[0]).toMatchObject({ value: "120.0000000001", previous: "100", trend: "bad" });
    expect(kpis[0]?.change).toBeCloseTo(0.2, 10);
    expect(kpis[1]?.trend).toBe("good");
    expect(kpis[2]).toMatchObject({ value: null, change: null, trend: "neutral" });
  });

  it("treats a missing previous period as 0 spend (no change ratio), not as an error", () => {
    const [spend] = prepareKpis([{ id: "spend", measure: "cost_usd", betterWhen: "lower" }], { cost_usd: "5" }, undefined);
    expect(spend).toMatchObject({ value: "5", previous: "0", change: null });
  });
});
