import { describe, expect, it } from "vitest";
import { MEASURE_NAMES, MEASURES } from "@/lib/metrics/measures";
import { formatChange, formatPercent, formatValue, formatValueExact, MEASURE_DISPLAY } from "./measure-display";

describe("measure display", () => {
  it("declares zero-vs-gap for every engine measure exactly as the engine fills empty buckets", () => {
    expect(Object.keys(MEASURE_DISPLAY).sort()).toEqual([...MEASURE_NAMES].sort());
    for (const m of MEASURE_NAMES) {
      expect(MEASURE_DISPLAY[m].empty, m).toBe(MEASURES[m].kind === "additive" ? "zero" : "gap");
      expect(MEASURE_DISPLAY[m].format === "usd", m).toBe(MEASURES[m].money);
    }
  });

  it("formats each kind for reading and exactly for tooltips", () => {
    expect(formatValue("usd", "1234.5678")).toBe("$1,234.57");
    expect(formatValueExact("usd", "1234.5678000001")).toBe("$1,234.5678000001");
    expect(formatValue("count", 1234567)).toBe("1,234,567");
    expect(formatValue("count", 1234567, { compact: true })).toBe("1.2M");
    expect(formatValue("percent", 0.9734)).toBe("97.3%");
    expect(formatValueExact("percent", 0.97345)).toBe("97.35 %");
    expect(formatValue("duration", 1534)).toBe("1.53 s");
    expect(formatValueExact("duration", 1534.25)).toBe("1534.3 ms");
    expect(formatValue("duration", null)).toBe("—");
    expect(formatValueExact("percent", null)).toBe("no data");
  });

  it("signs changes and shows tiny shares honestly", () => {
    expect(formatChange(0.1234)).toBe("+12%");
    expect(formatChange(-0.05)).toBe("-5.0%");
    expect(formatChange(null, true)).toBe("new");
    expect(formatChange(9.5)).toBe("+950%");
    expect(formatChange(16349.35)).toBe("×16.4K");
    expect(formatChange(41)).toBe("×42");
    expect(formatChange(null)).toBe("—");
    expect(formatPercent(0.0004)).toBe("<0.1%");
    expect(formatPercent(0)).toBe("0.0%");
  });
});
