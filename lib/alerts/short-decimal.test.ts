import { describe, expect, it } from "vitest";
import { shortDecimal } from "./short-decimal";

describe("shortDecimal", () => {
  it("cuts long fractions to four significant digits below 1 and two decimals above", () => {
    expect(shortDecimal("0.42857142857142855")).toBe("0.4286");
    expect(shortDecimal("0.000012345678")).toBe("0.00001235");
    expect(shortDecimal("1234.56789")).toBe("1234.57");
    expect(shortDecimal("-0.123456")).toBe("-0.1235");
  });

  it("keeps integers, short decimals and anything unparseable as stored", () => {
    expect(shortDecimal("123456789")).toBe("123456789");
    expect(shortDecimal("0.05")).toBe("0.05");
    expect(shortDecimal("12.3456")).toBe("12.3456");
    expect(shortDecimal("1e-7")).toBe("1e-7");
  });
});
