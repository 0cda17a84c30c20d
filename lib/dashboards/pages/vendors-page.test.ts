import { describe, expect, it } from "vitest";
import type { VendorRow } from "@/lib/metrics/views/vendor-matrix";
import { prepareSparklines } from "../prepare-sparklines";
import { prepareVendorMatrix, unitCostBars } from "./vendors-page";

const base: Omit<VendorRow, "provider" | "model" | "costUsd" | "requests" | "costPerSuccessfulTaskUsd"> = {
  costPer1kTokensUsd: null,
  latencyP50Ms: null,
  latencyP95Ms: null,
  ttftP95Ms: null,
  errorRate: null,
  throttleRate: null,
  fallbackRate: null,
  fallbackSuccessRate: null,
};

describe("vendor matrix", () => {
  const rows: VendorRow[] = [
    {
      ...base,
      provider: "openai",
      model: "gpt-4o",
      costUsd: "10.0000000000",
      requests: 200,
      costPerSuccessfulTaskUsd: "0.0526315789",
      throttleRate: 0.05,
    },
    {
      ...base,
      provider: "anthropic",
      model: "claude-sonnet-4",
      costUsd: "20.0000000000",
      requests: 100,
      costPerSuccessfulTaskUsd: "0.2105263158",
    },
    { ...base, provider: "self-hosted", model: "llama", costUsd: "0.0000000000", requests: 3, costPerSuccessfulTaskUsd: null },
  ];

  it("is one row per provider/model, largest spend first, with exact totals", () => {
    const t = prepareVendorMatrix(rows);
    expect(t.rows.map((r) => r.cells.model)).toEqual(["claude-sonnet-4", "gpt-4o", "llama"]);
    expect(t.rows[1]?.cells.throttle_rate).toBe(0.05);
    expect(t.totals).toEqual({ cost_usd: "30", requests: "303" });
    expect(t.columns.map((c) => c.id)).toContain("fallback_success_rate");
  });

  it("keys rows like their sparklines", () => {
    const t = prepareVendorMatrix(rows);
    const trend = prepareSparklines({
      rows: [{ bucket: "2026-11-20T00:00:00Z", provider: "openai", model: "gpt-4o", cost_usd: "1" }],
      dimensions: ["provider", "model"],
      measure: "cost_usd",
      from: new Date("2026-11-20T00:00:00Z"),
      to: new Date("2026-11-21T00:00:00Z"),
      granularity: "day",
    });
    expect(trend[t.rows[1]!.id]?.[0]?.x).toBe("1");
  });

  it("charts unit cost per success, most expensive first, skipping models without successes", () => {
    expect(unitCostBars(prepareVendorMatrix(rows))).toEqual([
      { label: "anthropic/claude-sonnet-4", v: 0.2105263158, x: "0.2105263158" },
      { label: "openai/gpt-4o", v: 0.0526315789, x: "0.0526315789" },
    ]);
  });
});
