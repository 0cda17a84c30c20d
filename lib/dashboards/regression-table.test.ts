import { describe, expect, it } from "vitest";
import { compareLatency } from "./prepare-regressions";
import { REGRESSION_STATUS, regressionTable, regressionTableName } from "./regression-table";
import { toCsv } from "./to-csv";

const compared = compareLatency({
  current: [
    { provider: "openai", model: "gpt-4o", requests: 200, latency_p95_ms: 1500 },
    { provider: "anthropic", model: "claude", requests: 50, latency_p95_ms: 1100 },
    { provider: "openai", model: "mini", requests: 80, latency_p95_ms: null },
  ],
  previous: [
    { provider: "openai", model: "gpt-4o", requests: 180, latency_p95_ms: 1000 },
    { provider: "anthropic", model: "claude", requests: 40, latency_p95_ms: 1000 },
    { provider: "openai", model: "mini", requests: 70, latency_p95_ms: 400 },
  ],
  dimensions: ["provider", "model"],
  measure: "latency_p95_ms",
  minRequests: 10,
});

describe("regressionTable", () => {
  it("lists every compared group, worst first, with a status that follows the threshold", () => {
    const t = regressionTable(compared, "model", 20);
    expect(t.columns.map((c) => c.id)).toEqual(["group", "calls", "previous_calls", "before", "now", "change", "status"]);
    expect(t.columns[0]?.header).toBe("Provider / model");
    expect(t.rows.map((r) => [r.cells.group, r.cells.status])).toEqual([
      ["openai / gpt-4o", REGRESSION_STATUS.regressed],
      ["anthropic / claude", REGRESSION_STATUS.within],
      ["openai / mini", REGRESSION_STATUS.none],
    ]);
    expect(t.rows[0]?.cells).toMatchObject({ calls: 200, previous_calls: 180, before: 1000, now: 1500, change: 0.5 });
    expect(regressionTable(compared, "model", 5).rows[1]?.cells.status).toBe(REGRESSION_STATUS.regressed);
    expect(t.truncated).toBe(false);
    expect(t.totals).toEqual({});
  });

  it("keeps one row per group even beyond the old 15-row cut", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ route: `/r${i}`, requests: 100, latency_p95_ms: 1000 + i * 100 }));
    const rows = compareLatency({
      current: many,
      previous: many.map((r) => ({ ...r, latency_p95_ms: 1000 })),
      dimensions: ["route"],
      measure: "latency_p95_ms",
      minRequests: 1,
    });
    const t = regressionTable(rows, "route", 10);
    expect(t.rows).toHaveLength(40);
    // /r0 did not change and /r1 is exactly +10 %: "more than" the threshold flags the other 38.
    expect(t.rows.filter((r) => r.cells.status === REGRESSION_STATUS.regressed)).toHaveLength(38);
    expect(t.columns[0]?.header).toBe("Route");
  });

  it("exports machine-readable values: ms and a change ratio", () => {
    const csv = toCsv(regressionTable(compared.slice(0, 1), "model", 20)).split("\r\n");
    expect(csv[0]).toBe("Provider / model,Calls,Previous calls,Previous (ms),This period (ms),Change,Status");
    expect(csv[1]).toBe("openai / gpt-4o,200,180,1000,1500,0.5,Regressed");
  });

  it("names the table after the metric and grouping", () => {
    expect(regressionTableName("p95 TTFT", "route")).toBe("p95 TTFT regressions by route");
  });
});
