import type { PriceRow } from "./price-schemas";

function hhmm(seconds: number): string {
  const h = Math.floor(seconds / 3600) % 24;
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** A price row as the API and the settings page show it (decimal strings per million tokens). */
export function priceRowView(r: PriceRow) {
  return {
    id: r.id,
    provider: r.providerId,
    model: r.modelId,
    variant: r.variant,
    precedence: r.precedence,
    effectiveFrom: r.effectiveFrom.toISOString(),
    effectiveTo: r.effectiveTo?.toISOString() ?? null,
    utcWindow: r.utcWindow ? { from: hhmm(r.utcWindow.start), to: hhmm(r.utcWindow.end) } : null,
    perMillionTokens: r.prices,
    tiers: r.tiers,
    otherPrices: r.otherPrices,
    catalogId: r.catalogId,
  };
}
export type PriceRowView = ReturnType<typeof priceRowView>;
