import { describe, expect, it } from "vitest";
import { prepareMeasureTable } from "./prepare-measure-table";

describe("prepareMeasureTable", () => {
  const rows = [
    { feature: "chat", tenant: "acme", cost_usd: "1.5", requests: 10, task_success_rate: 0.9, latency_p95_ms: 1200 },
    { feature: "chat", tenant: null, cost_usd: "0.25", requests: 2, task_success_rate: null, latency_p95_ms: null },
    { feature: "search", tenant: "acme", cost_usd: "3.0000000001", requests: 30, task_success_rate: 1, latency_p95_ms: 400 },
  ];

  it("sums additive columns exactly and leaves ratios and percentiles without a total", () => {
    const t = prepareMeasureTable({
      rows,
      dimensions: [
        { id: "feature", header: "Feature", href: "/features" },
        { id: "tenant", header: "Tenant" },
      ],
      measures: [{ measure: "cost_usd" }, { measure: "requests" }, { measure: "task_success_rate" }, { measure: "latency_p95_ms" }],
      sortBy: "cost_usd",
    });
    expect(t.totals).toEqual({ cost_usd: "4.7500000001", requests: "42" });
    expect(t.columns.find((c) => c.id === "task_success_rate")?.total).toBeUndefined();
    expect(t.rows.map((r) => r.cells.feature)).toEqual(["search", "chat", "chat"]);
    expect(t.rows[2]?.cells.tenant).toBeNull();
    expect(t.columns[0]?.href).toBe("/features");
  });

  it("adds each row's share and change against the previous period", () => {
    const t = prepareMeasureTable({
      rows: [
        { tenant: "acme", cost_usd: "3" },
        { tenant: "globex", cost_usd: "1" },
      ],
      previous: [{ tenant: "acme", cost_usd: "2" }],
      dimensions: [{ id: "tenant", header: "Tenant" }],
      measures: [{ measure: "cost_usd" }],
      share: "cost_usd",
      sortBy: "cost_usd",
    });
    expect(t.columns.map((c) => c.id)).toEqual(["tenant", "cost_usd", "share", "change"]);
    expect(t.rows[0]?.cells).toMatchObject({ tenant: "acme", share: 0.75, change: 0.5 });
    // globex spent nothing before: no ratio to show ("new"), not Infinity.
    expect(t.rows[1]?.cells.change).toBeNull();
  });
});

describe("prepareSparklines", () => {
  it("gives each table row its own complete series, keyed like the row", async () => {
    const { prepareSparklines } = await import("./prepare-sparklines");
    const rows = [
      { bucket: "2026-11-20T00:00:00Z", provider: "openai", model: "gpt-4o", latency_p95_ms: 800, cost_usd: "1" },
      { bucket: "2026-11-21T00:00:00Z", provider: "google", model: "gemini", latency_p95_ms: 300, cost_usd: "2" },
    ];
    const base = {
      rows,
      dimensions: ["provider", "model"],
      from: new Date("2026-11-20T00:00:00Z"),
      to: new Date("2026-11-22T00:00:00Z"),
      granularity: "day" as const,
    };
    const p95 = prepareSparklines({ ...base, measure: "latency_p95_ms" });
    const table = prepareMeasureTable({
      rows,
      dimensions: [
        { id: "provider", header: "P" },
        { id: "model", header: "M" },
      ],
      measures: [{ measure: "cost_usd" }],
    });
    const openai = table.rows.find((r) => r.cells.provider === "openai")!;
    expect(p95[openai.id]?.map((p) => p.v)).toEqual([800, null]);
    const cost = prepareSparklines({ ...base, measure: "cost_usd" });
    expect(cost[openai.id]?.map((p) => p.x)).toEqual(["1", "0"]);
  });
});
