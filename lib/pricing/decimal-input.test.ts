import { describe, expect, it } from "vitest";
import { contractTermInputSchema } from "./contract-schemas";
import { MAX_DECIMAL_DIGITS, MAX_DECIMAL_EXPONENT, MAX_DECIMAL_TEXT_LENGTH, parseDecimalInput } from "./decimal-input";
import { priceSetSchema } from "./price-schemas";

const COST = { max: 100_000, unit: "US dollars" };
const PRICE = { max: "9999999999.9999999999", maxDecimalPlaces: 10 };

const value = (v: string | number, limits: Parameters<typeof parseDecimalInput>[1] = COST) => {
  const r = parseDecimalInput(v, limits);
  return r.ok ? r.value : `refused: ${r.message}`;
};

describe("parseDecimalInput", () => {
  it("accepts plain and exponent decimals within the bounds, as plain decimal strings", () => {
    expect(value("0")).toBe("0");
    expect(value("1.50")).toBe("1.5");
    expect(value("0.0000123")).toBe("0.0000123");
    expect(value("1.5e3")).toBe("1500");
    expect(value("1E-7")).toBe("0.0000001");
    expect(value("100000")).toBe("100000");
    expect(value("1e+5")).toBe("100000");
    expect(value(0.25)).toBe("0.25");
    expect(value(1e-7)).toBe("0.0000001");
    expect(value(`1e-${MAX_DECIMAL_EXPONENT}`)).toBe(`0.${"0".repeat(MAX_DECIMAL_EXPONENT - 1)}1`);
    expect(value(`0.${"0".repeat(MAX_DECIMAL_DIGITS - 2)}1`)).toBe(`0.${"0".repeat(MAX_DECIMAL_DIGITS - 2)}1`);
  });

  it("refuses what is not a non-negative decimal by its shape", () => {
    for (const bad of [
      "",
      " ",
      " 1.5 ",
      "-1",
      "+1",
      "1.",
      ".5",
      "1e",
      "1e+",
      "0x10",
      "1,5",
      "12 dollars",
      "NaN",
      "Infinity",
      "1e5.5",
      "١٢",
    ]) {
      expect(value(bad), bad).toBe("refused: must be a non-negative decimal number of US dollars");
    }
    expect(value(Number.NaN)).toMatch(/^refused: must be a non-negative decimal/);
    expect(value(Number.POSITIVE_INFINITY)).toMatch(/^refused: must be a non-negative decimal/);
  });

  it("refuses a huge exponent before any decimal library sees it (issue 10: 1e-300000000 was an out-of-memory crash)", () => {
    for (const bomb of ["1e-100000000", "1e-300000000", "1e300000000", "9e-9007199254740993", `1e-${MAX_DECIMAL_EXPONENT + 1}`]) {
      expect(value(bomb), bomb).toMatch(/^refused: .*exponent/);
    }
    expect(value(`1e${MAX_DECIMAL_EXPONENT + 1}`)).toMatch(/^refused: .*exponent/);
  });

  it("refuses too many digits and overlong text", () => {
    expect(value(`0.${"0".repeat(MAX_DECIMAL_DIGITS - 1)}1`)).toMatch(/^refused: .*at most 40 digits/);
    expect(value("1".repeat(MAX_DECIMAL_DIGITS + 1))).toMatch(/^refused: .*at most 40 digits/);
    expect(value(`${" ".repeat(MAX_DECIMAL_TEXT_LENGTH)}1`)).toMatch(/^refused: .*characters/);
    expect(value("1".repeat(5_000_000))).toMatch(/^refused: /);
  });

  it("applies the range and the decimal places of the caller", () => {
    expect(value("100000.0000000001")).toBe("refused: must be between 0 and 100000 US dollars");
    expect(value("1e6")).toBe("refused: must be between 0 and 100000 US dollars");
    expect(value(-0.01)).toBe("refused: must be between 0 and 100000 US dollars");
    expect(value("0.12345678901", PRICE)).toBe("refused: must have at most 10 decimal places");
    expect(value("0.1234567890", PRICE)).toBe("0.123456789");
    expect(value("9999999999.9999999999", PRICE)).toBe("9999999999.9999999999");
    expect(value("1e10", PRICE)).toBe("refused: must be between 0 and 9999999999.9999999999");
  });
});

describe("the pricing schemas take decimals only through it", () => {
  const issues = (input: unknown) => {
    const r = contractTermInputSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("refuses the exponent bombs in prices, commitments and discounts with an issue naming the field", () => {
    const common = { name: "x", effectiveFrom: "2026-01-01" };
    for (const bomb of ["1e-100000000", "1e-300000000"]) {
      expect(issues({ kind: "commitment", ...common, provider: "openai", monthlyAmountUsd: bomb })).toEqual([
        expect.stringMatching(/^monthlyAmountUsd: /),
      ]);
      expect(issues({ kind: "discount", ...common, discountPercent: bomb })).toEqual([expect.stringMatching(/^discountPercent: /)]);
      expect(issues({ kind: "custom_price", ...common, model: "m", prices: { input: bomb, output: "1" } })).toEqual([
        expect.stringMatching(/^prices\.input: /),
      ]);
    }
  });

  it("keeps accepting what it accepted, and a JSON number written with an exponent", () => {
    expect(priceSetSchema.parse({ input: "2.50", output: 10, cacheRead: " 0.3 " })).toEqual({
      input: "2.5",
      output: "10",
      cacheRead: "0.3",
    });
    expect(priceSetSchema.parse({ input: 5e-7 })).toEqual({ input: "0.0000005" });
    expect(priceSetSchema.safeParse({ input: "0.00000000001" }).success).toBe(false);
    expect(priceSetSchema.safeParse({ input: "12345678901" }).success).toBe(false);
  });
});
