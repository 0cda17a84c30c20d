import { describe, expect, it } from "vitest";
import { prepareVendorMatrix, unitCostBars } from "./vendors-page";

describe("vendor matrix", () => {
  const rows = [
    { provider: "openai", model: "gpt-4o", cost_usd: "10.0000000000", requests: 200, throttled_requests: 10, cost_per_successful_task_usd: "0.0526315789", error_rate: 0.05 },
    { provider: "anthropic", model: "claude-sonnet-4", cost_usd: "20.0000000000", requests: 100, throttled_requests: 0, cost_per_successful_task_usd: "0.2105263158", error_rate: 0.05 },
    { provider: "self-hosted", model: "llama", cost_usd: "0.0000000000", requests: 0, throttled_requests: 0, cost_per_successful_task_usd: null, error_rate: null },
  ];

  it("adds the throttle rate after the error rate and ranks by spend", () => {
    const t = prepareVendorMatrix(rows);
    const ids = t.columns.map((c) => c.id);
    expect(ids.indexOf("throttle_rate")).toBe(ids.indexOf("error_rate") + 1);
    expect(t.rows.map((r) => r.cells.model)).toEqual(["claude-sonnet-4", "gpt-4o", "llama"]);
    expect(t.rows[1]?.cells.throttle_rate).toBe(0.05);
    expect(t.rows[2]?.cells.throttle_rate).toBeNull();
    expect(t.totals.cost_usd).toBe("30");
  });

  it("charts unit cost per success, most expensive first, skipping models without successes", () => {
    expect(unitCostBars(prepareVendorMatrix(rows))).toEqual([
      { label: "claude-sonnet-4", v: 0.2105263158, x: "0.2105263158" },
      { label: "gpt-4o", v: 0.0526315789, x: "0.0526315789" },
    ]);
  });
});
