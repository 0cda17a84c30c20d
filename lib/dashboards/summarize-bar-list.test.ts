import { describe, expect, it } from "vitest";
import { summarizeBarList } from "./summarize-bar-list";

describe("summarizeBarList", () => {
  it("names the highest and lowest bar with their rounded values", () => {
    const items = [
      { label: "acme", v: 12.3456, x: "12.3456" },
      { label: "globex", v: 0.5, x: "0.5" },
      { label: "initech", v: 3, x: "3" },
    ];
    expect(summarizeBarList(items, "usd")).toBe("3 items; highest acme ($12.35), lowest globex ($0.50).");
  });

  it("ranks by the exact value, not the float drawn", () => {
    const items = [
      { label: "a", v: 0.1, x: "0.1000000000000000001" },
      { label: "b", v: 0.1, x: "0.1000000000000000002" },
    ];
    expect(summarizeBarList(items, "usd")).toBe("2 items; highest b ($0.10), lowest a ($0.10).");
  });

  it("does not depend on the order of the items", () => {
    const items = [
      { label: "slow", v: 900, x: "900" },
      { label: "fast", v: 120, x: "120" },
      { label: "slowest", v: 2500, x: "2500" },
    ];
    expect(summarizeBarList(items, "duration")).toBe("3 items; highest slowest (2.50 s), lowest fast (120 ms).");
  });

  it("handles one item and none", () => {
    expect(summarizeBarList([{ label: "only", v: 1, x: "1" }], "count")).toBe("1 item: only (1).");
    expect(summarizeBarList([], "usd")).toBe("No items.");
  });
});
