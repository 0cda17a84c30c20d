import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatRelative,
  formatUsd,
  formatUsdExact,
} from "./format";

describe("formatUsd", () => {
  it.each([
    ["0", "$0.00"],
    ["0.0000000000", "$0.00"],
    ["1234.565", "$1,234.57"],
    ["1234.5649999999", "$1,234.56"],
    ["0.123456", "$0.1235"],
    ["0.1", "$0.10"],
    ["0.00004", "<$0.0001"],
    ["98765432109.9951", "$98,765,432,110.00"],
    ["-12.5", "-$12.50"],
  ])("%s → %s", (input, out) => {
    expect(formatUsd(input)).toBe(out);
  });
});

describe("formatUsdExact", () => {
  it("keeps precision that a float would lose", () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; summed as decimals and shown exactly it is not.
    expect(formatUsdExact("0.3000000000")).toBe("$0.30");
    expect(formatUsdExact("12345678901.0000000001")).toBe("$12,345,678,901.0000000001");
    expect(formatUsdExact("-1.5000000000")).toBe("-$1.50");
  });

  // Every stored digit, grouped like formatUsd, at least cents, never rounded (the pricing pages' amounts).
  it.each([
    ["1234.5", "$1,234.50"],
    ["0.0000925", "$0.0000925"],
    ["10", "$10.00"],
    ["-3.1", "-$3.10"],
    ["0", "$0.00"],
    ["-0.0000000000", "$0.00"],
    ["1234567.8912345678", "$1,234,567.8912345678"],
    ["0.0000000001", "$0.0000000001"],
  ])("%s → %s", (input, out) => {
    expect(formatUsdExact(input)).toBe(out);
  });
});

describe("numbers, durations and dates", () => {
  it("formats counts", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCompact(9999)).toBe("9,999");
    expect(formatCompact(1_250_000)).toBe("1.3M");
  });

  it.each([
    [850, "850 ms"],
    [1234, "1.23 s"],
    [15_500, "15.5 s"],
    [125_000, "2 min 5 s"],
    // Rounding never shows a unit's upper bound: no "1000 ms", "10.00 s", "60.0 s" or "1 min 60 s".
    [999.7, "1.00 s"],
    [9_996, "10.0 s"],
    [59_960, "1 min 0 s"],
    [119_600, "2 min 0 s"],
  ])("duration %d → %s", (ms, out) => {
    expect(formatDuration(ms)).toBe(out);
  });

  it("shows dates in UTC", () => {
    expect(formatDateTime(new Date("2026-11-22T07:05:00Z"))).toBe("Nov 22, 2026, 07:05 UTC");
    expect(formatDate(new Date("2026-11-22T23:59:00Z"))).toBe("Nov 22, 2026");
  });

  it("takes the ISO strings that API views carry", () => {
    expect(formatDateTime("2026-11-10T12:00:00.000Z")).toBe("Nov 10, 2026, 12:00 UTC");
    // A date-only value stored as UTC midnight stays on its day whatever the server's zone.
    expect(formatDate("2026-11-10T00:00:00.000Z")).toBe("Nov 10, 2026");
  });

  it("describes recency", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(formatRelative(new Date("2026-11-22T11:59:50Z"), now)).toBe("just now");
    expect(formatRelative(new Date("2026-11-22T11:55:00Z"), now)).toBe("5 min ago");
    expect(formatRelative(new Date("2026-11-22T09:00:00Z"), now)).toBe("3 h ago");
    expect(formatRelative(new Date("2026-11-21T12:00:00Z"), now)).toBe("1 day ago");
    expect(formatRelative(new Date("2026-01-01T00:00:00Z"), now)).toBe("on Jan 1, 2026");
    expect(formatRelative(new Date("2026-11-22T12:05:00Z"), now)).toBe("just now");
  });
});
