import { describe, expect, it } from "vitest";
import { FILTER_URL_KEYS, loadFilterParams, normalizeFilters, toMetricsFilters } from "./dashboard-filters";
import { resolveDashboardView } from "./dashboard-view";
import { viewQueryString } from "./view-query-string";
import { clampThreshold, loadCardParams } from "./card-params";

const now = new Date("2026-11-22T12:00:00.000Z");

describe("dashboard view from the URL", () => {
  it("reads range, filters and the previous period of the same length", () => {
    const v = resolveDashboardView({ range: "7d", provider: "openai,anthropic", workload: "batch" }, now);
    expect(v.range.from.toISOString()).toBe("2026-11-15T12:00:00.000Z");
    expect(v.previous.from.toISOString()).toBe("2026-11-08T12:00:00.000Z");
    expect(v.previous.to.toISOString()).toBe(v.range.from.toISOString());
    expect(v.granularity).toBe("hour");
    expect(v.filters.provider).toEqual(["anthropic", "openai"]);
    expect(toMetricsFilters(v.filters)).toEqual({ provider: ["anthropic", "openai"], workloadClass: ["batch"] });
    expect(FILTER_URL_KEYS).toEqual(["provider", "model", "region", "tenant", "feature", "workload"]);
  });

  it("drops empty and over-long values and de-duplicates", () => {
    const f = normalizeFilters(loadFilterParams({ tenant: `a,,a,${"x".repeat(300)},b` }));
    expect(f.tenant).toEqual(["a", "b"]);
  });

  it("a drill-down pins its value over the bar's selection", () => {
    const v = resolveDashboardView({ tenant: "acme,globex", feature: "chat" }, now);
    expect(toMetricsFilters(v.filters, { tenant: "initech" })).toEqual({ tenant: ["initech"], feature: ["chat"] });
  });

  it("rebuilds a shareable query string (custom days kept inclusive)", () => {
    const v = resolveDashboardView({ range: "custom", from: "2026-11-01", to: "2026-11-03", model: "gpt-4.1" }, now);
    expect(v.granularity).toBe("hour");
    const qs = new URLSearchParams(viewQueryString(v));
    expect(qs.get("range")).toBe("custom");
    expect(qs.get("from")).toBe("2026-11-01");
    expect(qs.get("to")).toBe("2026-11-03");
    expect(qs.get("model")).toBe("gpt-4.1");
    expect(resolveDashboardView(Object.fromEntries(qs), now).range).toEqual(v.range);
  });

  it("a filter value holding a comma survives the round trip through a drill-down link", () => {
    const v = { ...resolveDashboardView({ range: "7d" }, now) };
    v.filters = { ...v.filters, tenant: ["Acme, Inc.", "globex"] };
    const qs = new URLSearchParams(viewQueryString(v));
    expect(resolveDashboardView(Object.fromEntries(qs), now).filters.tenant).toEqual(["Acme, Inc.", "globex"]);
  });

  it("card controls fall back to defaults and clamp the regression threshold", () => {
    expect(loadCardParams({ stack: "nonsense", pct: "p99" })).toMatchObject({ stack: null, pct: "p99", threshold: 20 });
    expect(loadCardParams({ stack: "feature" }).stack).toBe("feature");
    expect(clampThreshold(0)).toBe(1);
    expect(clampThreshold(10_000)).toBe(500);
    expect(clampThreshold(Number.NaN)).toBe(20);
  });
});
