import type { ContractTermInput } from "./contract-schemas";

/**
 * The settings page's form → the same input the API takes. Empty fields are dropped; fields that do not
 * belong to the chosen kind are ignored (the form shows them all). Validation is the schema's.
 */
export function contractInputFromForm(form: FormData): ContractTermInput {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const common = {
    name: text("name") ?? "",
    provider: text("provider") ?? null,
    model: text("model") ?? null,
    effectiveFrom: text("effectiveFrom") ?? "",
    effectiveTo: text("effectiveTo") ?? null,
  };
  const kind = text("kind");
  if (kind === "custom_price") {
    const prices = Object.fromEntries(
      (["input", "output", "cacheRead", "cacheWrite"] as const).flatMap((k) => (text(k) === undefined ? [] : [[k, text(k)!]])),
    );
    return { kind, ...common, model: common.model ?? "", prices };
  }
  if (kind === "commitment") return { kind, ...common, provider: common.provider ?? "", monthlyAmountUsd: text("monthlyAmountUsd") ?? "" };
  return { kind: "discount", ...common, discountPercent: text("discountPercent") ?? "" };
}
