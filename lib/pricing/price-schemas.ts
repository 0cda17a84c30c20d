import { z } from "zod";
import { decimalInputSchema } from "./decimal-input";

/** Token classes a price row can price apart. Usage in each class is derived from NormalizedUsage. */
export const TOKEN_CLASSES = ["input", "cacheRead", "cacheWrite", "cacheWrite1h", "output", "reasoning"] as const;
export const tokenClassSchema = z.enum(TOKEN_CLASSES);
export type TokenClass = z.infer<typeof tokenClassSchema>;

export const PRICE_VARIANTS = ["standard", "batch", "flex", "priority"] as const;
export const priceVariantSchema = z.enum(PRICE_VARIANTS);
export type PriceVariant = z.infer<typeof priceVariantSchema>;

/**
 * A non-negative decimal given as a string or a JSON number, as its plain decimal string; what
 * numeric(20,10) holds (below 10^10, at most 10 decimal places). Bounded before parsing: decimal-input.ts.
 */
export const decimalStringSchema = decimalInputSchema({ max: "9999999999.9999999999", maxDecimalPlaces: 10 });

/** USD per million tokens per class; a missing class is not priced apart (falls back to its parent). */
export const priceSetSchema = z
  .object({
    input: decimalStringSchema.optional(),
    cacheRead: decimalStringSchema.optional(),
    cacheWrite: decimalStringSchema.optional(),
    cacheWrite1h: decimalStringSchema.optional(),
    output: decimalStringSchema.optional(),
    reasoning: decimalStringSchema.optional(),
  })
  .strict();
export type PriceSet = z.infer<typeof priceSetSchema>;

/** Above `aboveInputTokens` input tokens (cache included), the whole request is priced at these rates. */
export const priceTierSchema = z.object({ aboveInputTokens: z.number().int().min(0), prices: priceSetSchema }).strict();
export type PriceTier = z.infer<typeof priceTierSchema>;

export const priceTiersSchema = z
  .array(priceTierSchema)
  .max(8)
  .refine(
    (t) => t.every((x, i) => i === 0 || x.aboveInputTokens > t[i - 1]!.aboveInputTokens),
    "tiers must be in increasing order of aboveInputTokens",
  );

/** What the costing function needs of a price row (catalog row or a contract's custom price). */
export type RatePlan = { prices: PriceSet; tiers: PriceTier[] };

/** A catalog price row as loaded from price_rows. */
export type PriceRow = RatePlan & {
  id: number;
  providerId: string;
  modelId: string;
  variant: PriceVariant;
  precedence: number;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  /** UTC seconds of the day [start, end), may wrap midnight; null = all day. */
  utcWindow: { start: number; end: number } | null;
  otherPrices: Record<string, unknown>;
  catalogId: number | null;
};
