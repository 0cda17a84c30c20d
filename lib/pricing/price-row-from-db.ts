import { money } from "./money";
import { priceSetSchema, priceTiersSchema, priceVariantSchema, type PriceRow, type PriceSet, type RatePlan } from "./price-schemas";

/** The price columns shared by price_rows and contract_terms, as the drivers return them (numeric → string). */
export type PriceColumns = {
  input_per_mtok: string | null;
  output_per_mtok: string | null;
  cache_read_per_mtok: string | null;
  cache_write_per_mtok: string | null;
  cache_write_1h_per_mtok: string | null;
  reasoning_per_mtok: string | null;
  tiers: unknown;
};

export const PRICE_COLUMNS_SQL =
  "input_per_mtok, output_per_mtok, cache_read_per_mtok, cache_write_per_mtok, cache_write_1h_per_mtok, reasoning_per_mtok, tiers";

export type PriceRowRecord = PriceColumns & {
  id: number;
  provider_id: string;
  model_id: string;
  variant: string;
  precedence: number;
  effective_from: Date;
  effective_to: Date | null;
  utc_window_start: number | null;
  utc_window_end: number | null;
  other_prices: unknown;
  catalog_id: number | null;
};

export const PRICE_ROW_SQL = `id, provider_id, model_id, variant, precedence, effective_from, effective_to, utc_window_start, utc_window_end,
  ${PRICE_COLUMNS_SQL}, other_prices, catalog_id`;

/** numeric(20,10) comes back as "2.5000000000"; keep the canonical "2.5" so equal prices compare equal. */
function canonical(v: string | null): string | undefined {
  return v === null ? undefined : money(v).toFixed();
}

export function planFromColumns(r: PriceColumns): RatePlan {
  const prices: PriceSet = {};
  const set = (k: keyof PriceSet, v: string | null) => {
    const c = canonical(v);
    if (c !== undefined) prices[k] = c;
  };
  set("input", r.input_per_mtok);
  set("output", r.output_per_mtok);
  set("cacheRead", r.cache_read_per_mtok);
  set("cacheWrite", r.cache_write_per_mtok);
  set("cacheWrite1h", r.cache_write_1h_per_mtok);
  set("reasoning", r.reasoning_per_mtok);
  const tiers = priceTiersSchema.parse(typeof r.tiers === "string" ? JSON.parse(r.tiers) : (r.tiers ?? []));
  return { prices: priceSetSchema.parse(prices), tiers };
}

export function priceRowFromDb(r: PriceRowRecord): PriceRow {
  return {
    id: r.id,
    providerId: r.provider_id,
    modelId: r.model_id,
    variant: priceVariantSchema.parse(r.variant),
    precedence: r.precedence,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    utcWindow: r.utc_window_start === null || r.utc_window_end === null ? null : { start: r.utc_window_start, end: r.utc_window_end },
    otherPrices: (typeof r.other_prices === "string" ? JSON.parse(r.other_prices) : (r.other_prices ?? {})) as Record<string, unknown>,
    catalogId: r.catalog_id,
    ...planFromColumns(r),
  };
}
