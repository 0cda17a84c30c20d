import { describe, expect, it } from "vitest";
import { usd, utc } from "./format";

describe("pricing display helpers", () => {
  it("formats decimal USD strings exactly", () => {
    expect(usd("1234.5")).toBe("$1,234.50");
    expect(usd("0.0000925")).toBe("$0.0000925");
    expect(usd("10")).toBe("$10.00");
    expect(usd("-3.1")).toBe("-$3.10");
  });
  it("prints UTC instants", () => {
    expect(utc("2026-11-10T12:00:00.000Z")).toBe("2026-11-10 12:00 UTC");
    expect(utc(null)).toBe("—");
  });
});
