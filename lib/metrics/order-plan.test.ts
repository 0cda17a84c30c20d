import { describe, expect, it } from "vitest";
import { orderPlan } from "./order-plan";
import type { MetricsQuery } from "./query-schema";

const base = {
  from: "2026-11-01T00:00:00Z",
  to: "2026-11-02T00:00:00Z",
  measures: ["requests"],
  dimensions: ["provider"],
  timezone: "UTC",
  filters: {},
} as unknown as MetricsQuery;
const totals = (c: string) => `t.${c}`;

describe("orderPlan", () => {
  it("ranks by a requested dimension through the registry's name", () => {
    const plan = orderPlan({ ...base, orderBy: [{ field: "provider", direction: "asc" }] });
    expect(plan.rankSql(totals)).toBe('"provider" ASC, "provider" ASC');
  });

  it("never splices a field that is not a requested measure or dimension into SQL", () => {
    // The schema's refinement refuses such a query; the plan must not depend on that to stay safe.
    const plan = orderPlan({ ...base, orderBy: [{ field: 'provider" DESC; DROP TABLE usage_events; --', direction: "asc" }] });
    expect(() => plan.rankSql(totals)).toThrow(/neither a requested measure nor a dimension/);
  });
});
