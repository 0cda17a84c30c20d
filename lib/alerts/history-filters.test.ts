import { describe, expect, it } from "vitest";
import { historyQuery, parseHistoryFilters } from "./history-filters";

describe("alert history filters in the URL", () => {
  it("defaults to every state of every rule", () => {
    expect(parseHistoryFilters({})).toEqual({ state: "all", ruleId: null });
  });

  it("reads a known state and a rule id", () => {
    expect(parseHistoryFilters({ state: "resolved", rule: "12" })).toEqual({ state: "resolved", ruleId: 12 });
    expect(parseHistoryFilters({ state: ["open", "resolved"] })).toEqual({ state: "open", ruleId: null });
  });

  it("ignores unknown states and malformed rule ids instead of failing", () => {
    expect(parseHistoryFilters({ state: "exploded", rule: "1.5" })).toEqual({ state: "all", ruleId: null });
    expect(parseHistoryFilters({ rule: "-3" })).toEqual({ state: "all", ruleId: null });
    expect(parseHistoryFilters({ rule: "abc" })).toEqual({ state: "all", ruleId: null });
  });

  it("writes back only what differs from the default", () => {
    expect(historyQuery({ state: "all", ruleId: null })).toBe("");
    expect(historyQuery({ state: "resolved", ruleId: 4 })).toBe("?state=resolved&rule=4");
    expect(parseHistoryFilters(Object.fromEntries(new URLSearchParams(historyQuery({ state: "open", ruleId: 9 }).slice(1))))).toEqual({
      state: "open",
      ruleId: 9,
    });
  });
});
