import { describe, expect, it } from "vitest";
import { contractInputFromForm } from "./contract-form";
import { contractTermInputSchema } from "./contract-schemas";

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("contract form", () => {
  it("builds a valid custom price from the settings form, dropping blank fields", () => {
    const input = contractInputFromForm(
      form({
        kind: "custom_price",
        name: "ft",
        provider: "",
        model: "acme-ft",
        input: "0.4",
        output: "0.8",
        cacheRead: "",
        effectiveFrom: "2026-11-01",
        discountPercent: "10",
      }),
    );
    const parsed = contractTermInputSchema.parse(input);
    expect(parsed).toMatchObject({ kind: "custom_price", provider: null, model: "acme-ft", prices: { input: "0.4", output: "0.8" } });
    expect(parsed.effectiveFrom.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("leaves invalid input to the schema (a commitment needs a provider)", () => {
    const r = contractTermInputSchema.safeParse(
      contractInputFromForm(form({ kind: "commitment", name: "pool", monthlyAmountUsd: "100", effectiveFrom: "2026-11-01" })),
    );
    expect(r.success).toBe(false);
  });
});
